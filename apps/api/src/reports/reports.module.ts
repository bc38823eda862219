import { Module } from '@nestjs/common';
import { MentionsController } from '../mentions/mentions.controller';
import { MentionsService } from '../mentions/mentions.service';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

@Module({
  controllers: [ReportsController, MentionsController],
  providers: [ReportsService, MentionsService],
  exports: [ReportsService],
})
export class ReportsModule {}
