import { Module } from '@nestjs/common';
import { MentionsModule } from '../mentions/mentions.module';
import { IntakeController } from './intake/intake.controller';
import { IntakeService } from './intake/intake.service';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

/** Uploads (single, and bulk intake), report detail and originals; the report's numbers (its mentions routes) come from MentionsModule. */
@Module({
  imports: [MentionsModule],
  controllers: [ReportsController, IntakeController],
  providers: [ReportsService, IntakeService],
  exports: [ReportsService],
})
export class ReportsModule {}
