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

export class WeightsDto {
  @ApiProperty() breadth!: number;
  @ApiProperty() intensity!: number;
  @ApiProperty() specificity!: number;
  @ApiProperty() timeliness!: number;
  @ApiProperty() originality!: number;
}

export class ThresholdsDto {
  @ApiProperty({ description: 'Temperature below which a reporting unit is cold' }) cold!: number;
  @ApiProperty({ description: 'Share (0..1) by which a reporting unit may be colder than its reporting parent before it is cold too (0.4: half the parent is cold, 10% below is not)' }) coldRelative!: number;
  @ApiProperty({ description: 'Points lost since the previous period that flag `declining`' }) declineDrop!: number;
  @ApiProperty({ description: 'Facts per 1,000 characters below which a report is `low_specificity`' }) lowSpecificity!: number;
  @ApiProperty({ description: 'Similarity (0..1) from which two reports are `near_duplicate`' }) nearDuplicate!: number;
  @ApiProperty({ description: 'Attenuation (0..1) below which the gap is detected' }) attenuation!: number;
}

export class ScoringDto {
  @ApiProperty() peerMultiple!: number;
  @ApiProperty() minPeers!: number;
  @ApiProperty() specificityFull!: number;
  @ApiProperty() lateDaysToZero!: number;
  @ApiProperty() originalityFloor!: number;
}

export class AnalyticsConfigDto {
  @ApiProperty({ type: WeightsDto }) weights!: WeightsDto;
  @ApiProperty({ type: ThresholdsDto }) thresholds!: ThresholdsDto;
  @ApiProperty({ type: ScoringDto }) scoring!: ScoringDto;
}

export class AnalyticsSettingsDto {
  @ApiProperty({ type: AnalyticsConfigDto, description: 'In force' }) config!: AnalyticsConfigDto;
  @ApiProperty({ type: AnalyticsConfigDto, description: 'The defaults, for a “reset” button' }) defaults!: AnalyticsConfigDto;
}

export class QueueSessionDto {
  @ApiProperty({ description: 'Open this URL (same origin) within a minute, once, to see the queue dashboard' }) url!: string;
}
