import { Module } from '@nestjs/common';
import { DashboardController } from './dashboard.controller';
import { DashboardService } from './dashboard.service';
import { ResponseCache } from './response-cache';

@Module({ controllers: [DashboardController], providers: [DashboardService, ResponseCache] })
export class DashboardModule {}
