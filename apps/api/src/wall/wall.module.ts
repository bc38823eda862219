import { Module } from '@nestjs/common';
import { UnitsModule } from '../units/units.module';
import { DashboardModule } from '../dashboard/dashboard.module';
import { WallController } from './wall.controller';
import { WallService } from './wall.service';

@Module({ imports: [DashboardModule, UnitsModule], controllers: [WallController], providers: [WallService] })
export class WallModule {}
