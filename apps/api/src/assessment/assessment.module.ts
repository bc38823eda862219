import { Module } from '@nestjs/common';
import { DashboardCache } from '../dashboard/dashboard-cache';
import { AssessmentController } from './assessment.controller';
import { AssessmentQueries } from './assessment.queries';
import { AssessmentService } from './assessment.service';

@Module({ controllers: [AssessmentController], providers: [AssessmentService, AssessmentQueries, DashboardCache], exports: [AssessmentService] })
export class AssessmentModule {}
