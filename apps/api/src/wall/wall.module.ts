import { Module } from '@nestjs/common';
import { DashboardModule } from '../dashboard/dashboard.module';
import { WallController } from './wall.controller';
import { WallService } from './wall.service';

@Module({ imports: [DashboardModule], controllers: [WallController], providers: [WallService] })
export class WallModule {}
