import { Module } from '@nestjs/common';
import { SetupController } from './setup.controller';
import { SetupService } from './setup.service';

/** First run: GET/POST /api/setup (the gate in setup-gate.ts keeps the rest closed until then). */
@Module({ controllers: [SetupController], providers: [SetupService] })
export class SetupModule {}
