import { Module } from '@nestjs/common';
import { MetricsController } from '../metrics/metrics.controller';
import { MetricsService } from '../metrics/metrics.service';
import { AdminController } from './admin.controller';
import { AdminService } from './admin.service';

@Module({ controllers: [AdminController, MetricsController], providers: [AdminService, MetricsService] })
export class AdminModule {}
