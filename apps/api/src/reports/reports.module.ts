import { Module } from '@nestjs/common';
import { MentionsModule } from '../mentions/mentions.module';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

/** Uploads, report detail and originals; the report's numbers (its mentions routes) come from MentionsModule. */
@Module({
  imports: [MentionsModule],
  controllers: [ReportsController],
  providers: [ReportsService],
  exports: [ReportsService],
})
export class ReportsModule {}
