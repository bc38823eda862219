import { Module } from '@nestjs/common';
import { DashboardCache } from './dashboard-cache';
import { DashboardController } from './dashboard.controller';
import { DashboardQueries } from './dashboard.queries';
import { DashboardService } from './dashboard.service';
import { InsightsService } from './insights.service';
import { BulletinService } from './bulletin/bulletin.service';
import { UnitsModule } from '../units/units.module';
import { AssessmentModule } from '../assessment/assessment.module';

@Module({ imports: [UnitsModule, AssessmentModule], controllers: [DashboardController], providers: [DashboardService, DashboardQueries, DashboardCache, InsightsService, BulletinService], exports: [DashboardService] })
export class DashboardModule {}
