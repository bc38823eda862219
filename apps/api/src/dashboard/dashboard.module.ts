import { Module } from '@nestjs/common';
import { DashboardCache } from './dashboard-cache';
import { DashboardController } from './dashboard.controller';
import { DashboardQueries } from './dashboard.queries';
import { DashboardService } from './dashboard.service';

@Module({ controllers: [DashboardController], providers: [DashboardService, DashboardQueries, DashboardCache], exports: [DashboardService] })
export class DashboardModule {}
