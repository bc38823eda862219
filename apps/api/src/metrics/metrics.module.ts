import { Module } from '@nestjs/common';
import { MetricsController } from './metrics.controller';
import { MetricsService } from './metrics.service';
import { UnclassifiedService } from './unclassified.service';

@Module({ controllers: [MetricsController], providers: [MetricsService, UnclassifiedService] })
export class MetricsModule {}
