import { Module } from '@nestjs/common';
import { DashboardCache } from './dashboard-cache';
import { DashboardController } from './dashboard.controller';
import { DashboardQueries } from './dashboard.queries';
import { DashboardService } from './dashboard.service';
import { InsightsService } from './insights.service';

@Module({ controllers: [DashboardController], providers: [DashboardService, DashboardQueries, DashboardCache, InsightsService] })
export class DashboardModule {}
