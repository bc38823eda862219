import { Module } from '@nestjs/common';
import { UnitsController } from './units.controller';
import { UnitLevelsService } from './unit-levels.service';
import { UnitsService } from './units.service';

@Module({ controllers: [UnitsController], providers: [UnitsService, UnitLevelsService], exports: [UnitsService, UnitLevelsService] })
export class UnitsModule {}
