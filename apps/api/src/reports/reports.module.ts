import { Module } from '@nestjs/common';
import { MentionsController } from '../mentions/mentions.controller';
import { MentionsService } from '../mentions/mentions.service';
import { ReviewEvents } from '../mentions/review-events';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

@Module({
  controllers: [ReportsController, MentionsController],
  providers: [ReportsService, MentionsService, ReviewEvents],
  exports: [ReportsService, ReviewEvents],
})
export class ReportsModule {}
