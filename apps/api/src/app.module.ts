import { createSecretKey } from 'node:crypto';
import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import type { RuntimeConfig } from '@thermocline/config';
import { CoreModule, type CoreModuleOptions } from '@thermocline/server';
import { AdminModule } from './admin/admin.module';
import { AssessmentModule } from './assessment/assessment.module';
import { AnalyticsEventsModule } from './analytics/analytics-events.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { AccessGuard } from './common/access.guard';
import { HttpExceptionFilter } from './common/http-exception.filter';
import { DashboardModule } from './dashboard/dashboard.module';
import { HealthModule } from './health/health.module';
import { MentionsModule } from './mentions/mentions.module';
import { MetricsModule } from './metrics/metrics.module';
import { NotificationsModule } from './notifications/notifications.module';
import { PeriodsModule } from './periods/periods.module';
import { ReportsModule } from './reports/reports.module';
import { SetupModule } from './setup/setup.module';
import { UnitsModule } from './units/units.module';
import { UsersModule } from './users/users.module';
import { WallModule } from './wall/wall.module';

/** The api: one module per feature, all behind the global AccessGuard. */
@Module({})
export class AppModule {
  static forRoot(core: Omit<CoreModuleOptions, 'service' | 'config'> & { config: RuntimeConfig }): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot({ ...core, service: 'api' }),
        // A KeyObject, not the string: given a string, jsonwebtoken first tries it as a public key
        // (which throws) on every request's verify before taking it as the HMAC secret.
        JwtModule.register({ global: true, secret: createSecretKey(Buffer.from(core.config.jwtSecret, 'utf8')), signOptions: { algorithm: 'HS256', issuer: 'thermocline' }, verifyOptions: { issuer: 'thermocline' } }),
        AnalyticsEventsModule,
        AuthModule,
        HealthModule,
        AuditModule,
        UnitsModule,
        UsersModule,
        WallModule,
        PeriodsModule,
        ReportsModule,
        MentionsModule,
        DashboardModule,
        AdminModule,
        MetricsModule,
        NotificationsModule,
        SetupModule,
        AssessmentModule,
      ],
      providers: [
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_FILTER, useClass: HttpExceptionFilter },
      ],
    };
  }
}
