import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class ReextractDto {
  @ApiProperty({ example: '2026-H1' }) @IsString() @Length(1, 32) periodCode!: string;
}

export class ReextractRunDto {
  @ApiProperty() id!: number;
  @ApiProperty() periodCode!: string;
  @ApiProperty({ description: 'Reports in the run (the newest version of each unit’s report)' }) total!: number;
  @ApiProperty() done!: number;
  @ApiProperty() failed!: number;
  @ApiProperty() pending!: number;
  @ApiProperty() finished!: boolean;
  @ApiProperty({ format: 'date-time' }) startedAt!: string;
}

export class AnalyticsSettingsDto {
  @ApiProperty({ type: Object, description: '{weights, thresholds, scoring} in force' }) config!: Record<string, unknown>;
  @ApiProperty({ type: Object, description: 'The defaults, for a “reset” button' }) defaults!: Record<string, unknown>;
}

export class QueueSessionDto {
  @ApiProperty({ description: 'Open this URL (same origin) within a minute to see the queue dashboard' }) url!: string;
}
