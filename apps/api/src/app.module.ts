import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { CoreModule, type CoreModuleOptions } from '@thermocline/server';
import { AdminModule } from './admin/admin.module';
import { AnalyticsEventsModule } from './analytics/analytics-events.module';
import { AuditModule } from './audit/audit.module';
import { AuthController } from './auth/auth.controller';
import { AuthService } from './auth/auth.service';
import { LoginLimiter } from './auth/login-limiter.service';
import { AccessGuard } from './common/access.guard';
import { HttpExceptionFilter } from './common/http-exception.filter';
import { DashboardModule } from './dashboard/dashboard.module';
import { HealthController } from './health/health.controller';
import { NotificationsModule } from './notifications/notifications.module';
import { PeriodsModule } from './periods/periods.module';
import { ReportsModule } from './reports/reports.module';
import { UnitsModule } from './units/units.module';
import { UsersModule } from './users/users.module';

/** The api: one module per feature, all behind the global AccessGuard. */
@Module({})
export class AppModule {
  static forRoot(core: Omit<CoreModuleOptions, 'service'>): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot({ ...core, service: 'api' }),
        JwtModule.register({ global: true, secret: core.config.jwtSecret, signOptions: { algorithm: 'HS256', issuer: 'thermocline' }, verifyOptions: { issuer: 'thermocline' } }),
        AnalyticsEventsModule,
        AuditModule,
        UnitsModule,
        UsersModule,
        PeriodsModule,
        ReportsModule,
        DashboardModule,
        AdminModule,
        NotificationsModule,
      ],
      controllers: [AuthController, HealthController],
      providers: [
        AuthService,
        LoginLimiter,
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_FILTER, useClass: HttpExceptionFilter },
      ],
      exports: [AuthService],
    };
  }
}
