import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FLAG_CODES, type FlagCode } from '@thermocline/contracts';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';

export class PeriodQueryDto {
  @ApiProperty({ example: '2026-H1' }) @IsString() @Length(1, 32) period!: string;
}

export class ComparisonQueryDto extends PeriodQueryDto {
  @ApiProperty({ example: 'study.party_lecture', description: 'A metric key, or `temperature`' }) @IsString() @Length(1, 64) metric!: string;
  @ApiPropertyOptional({ enum: ['none', 'per100'], default: 'none' }) @IsOptional() @IsIn(['none', 'per100']) normalize?: 'none' | 'per100';
}

export class TrendQueryDto {
  @ApiPropertyOptional({ description: 'Unit whose own series and its direct sub-units’ are returned (default: the caller’s unit)' }) @IsOptional() @IsString() @Length(1, 64) unitCode?: string;
  @ApiProperty({ description: 'A metric key, or `temperature`' }) @IsString() @Length(1, 64) metric!: string;
  @ApiPropertyOptional({ default: 8 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(40) periods?: number;
}

export class HeatmapQueryDto extends PeriodQueryDto {
  @ApiPropertyOptional({ default: 2, description: 'Deepest level (relative to the caller’s unit) to include' }) @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(10) maxDepth?: number;
}

export class ComponentsDto {
  @ApiProperty() breadth!: number;
  @ApiProperty() intensity!: number;
  @ApiProperty() specificity!: number;
  @ApiProperty() timeliness!: number;
  @ApiProperty() originality!: number;
}

export class FactsDto {
  @ApiProperty({ description: 'Quantified facts counted in the report' }) factCount!: number;
  @ApiProperty({ description: 'Characters of report text' }) charCount!: number;
  @ApiProperty() per1000Chars!: number;
  @ApiProperty({ description: 'Days after the deadline the first version came in (0: on time)' }) daysLate!: number;
  @ApiProperty({ description: 'Highest similarity to another report (0..1)' }) maxSimilarity!: number;
}

export class ScoringFiguresDto {
  @ApiProperty() specificityFull!: number;
  @ApiProperty() lateDaysToZero!: number;
  @ApiProperty() originalityFloor!: number;
}

export class CategoryActivityDto {
  @ApiProperty() category!: string;
  @ApiProperty({ description: 'Some metric of the category has a total above 0' }) active!: boolean;
}

export class MetricScoreDto {
  @ApiProperty() key!: string;
  @ApiProperty() name!: string;
  @ApiProperty() category!: string;
  @ApiProperty() total!: number;
  @ApiProperty({ type: Number, nullable: true, description: '0..1 against the level reference; null: no reference' }) score!: number | null;
}

/** What makes up a unit's temperature: the weights in force and the figures behind each component. */
export class BreakdownDto {
  @ApiProperty({ type: () => ComponentsDto }) weights!: ComponentsDto;
  @ApiProperty({ type: () => FactsDto, nullable: true }) facts!: FactsDto | null;
  @ApiProperty({ type: () => ScoringFiguresDto }) scoring!: ScoringFiguresDto;
  @ApiProperty({ type: [CategoryActivityDto] }) categories!: CategoryActivityDto[];
  @ApiProperty({ type: [MetricScoreDto], description: 'Enabled metrics, lowest score first' }) metrics!: MetricScoreDto[];
}

export class HeatmapMetricDto {
  @ApiProperty() key!: string;
  @ApiProperty() name!: string;
  @ApiProperty() category!: string;
}

export class HeatmapUnitDto {
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'Relative to the caller’s unit (0)' }) level!: number;
}

export class FlagDto {
  @ApiProperty({ enum: FLAG_CODES }) code!: FlagCode;
  @ApiProperty({ description: 'What is wrong, in Chinese, with the figure that triggered it' }) reason!: string;
  @ApiPropertyOptional({ type: Object, description: 'Evidence: report ids, the other report of a near-duplicate, thresholds…' }) evidence?: Record<string, unknown>;
}

export class LevelDto {
  @ApiProperty({ description: 'Relative to the caller’s unit (0)' }) level!: number;
  @ApiProperty() unitCount!: number;
  @ApiProperty({ description: 'Units with a temperature (reported, or missing after the deadline)' }) ratedCount!: number;
  @ApiProperty({ type: Number, nullable: true }) medianTemperature!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Median ÷ the median of the level above' }) attenuation!: number | null;
}

export class OverviewDto {
  @ApiProperty({ description: 'Units expected to report (the caller’s subtree)' }) expected!: number;
  @ApiProperty() received!: number;
  @ApiProperty() onTime!: number;
  @ApiProperty() late!: number;
  @ApiProperty({ description: 'No report although the due date has passed' }) missing!: number;
  @ApiProperty({ description: 'No report yet, not due yet' }) notDue!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'On-time reports ÷ units that were due' }) onTimeRate!: number | null;
  @ApiProperty() coldCount!: number;
  @ApiProperty() flaggedCount!: number;
}

export class GapUnitDto {
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'Relative to the caller’s unit (0)' }) level!: number;
  @ApiProperty({ type: String, nullable: true }) parentCode!: string | null;
  @ApiProperty() memberCount!: number;
  @ApiProperty({ type: Number, nullable: true, description: '0 (cold) … 100 (hot); null when not due yet' }) temperature!: number | null;
  @ApiProperty({ enum: ['reported', 'missing', 'not_due', 'pending'], description: 'pending: not aggregated yet' }) status!: string;
  @ApiPropertyOptional({ type: Number, nullable: true }) reportId?: number | null;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' }, description: 'metric key → counted total' }) totals!: Record<string, number>;
  @ApiPropertyOptional({ type: () => ComponentsDto, nullable: true, description: 'Temperature components, each 0..1' }) components?: ComponentsDto | null;
  @ApiProperty({ type: [FlagDto] }) flags!: FlagDto[];
}

export class GapDto {
  @ApiProperty() period!: string;
  @ApiProperty({
    enum: ['ok', 'no_data', 'pending'],
    description: 'ok: figures computed from reports; no_data: computed, but no unit of the subtree has reported (本期尚无报告 — no attenuation claimed); pending: not computed yet',
  })
  status!: 'ok' | 'no_data' | 'pending';
  @ApiProperty({ type: String, format: 'date' }) dueOn!: string;
  @ApiProperty({ description: 'Some level loses more heat than the threshold' }) gapDetected!: boolean;
  @ApiProperty({ type: Number, nullable: true, description: '1 − bottom level median ÷ top level median; null unless status is "ok"' }) gapIndex!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Where the heat is lost: the level with the lowest attenuation below the threshold' }) lossLevel!: number | null;
  @ApiProperty({ type: Number, description: 'The configured attenuation threshold (analytics settings): a level whose attenuation is below it loses heat' }) attenuationThreshold!: number;
  @ApiProperty({ type: [LevelDto] }) levels!: LevelDto[];
  @ApiProperty({ type: OverviewDto }) overview!: OverviewDto;
  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: 'When these figures were computed' }) aggregatedAt!: string | null;
  @ApiProperty({ type: [GapUnitDto] }) units!: GapUnitDto[];
}

export class ComparisonUnitDto {
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty() level!: number;
  @ApiProperty({ type: String, nullable: true }) parentCode!: string | null;
  @ApiProperty() memberCount!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'null when the unit has no report' }) value!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: '1 = highest; ties share a rank' }) rank!: number | null;
  @ApiProperty({ type: Number, nullable: true }) temperature!: number | null;
  @ApiProperty() status!: string;
}

export class ComparisonDto {
  @ApiProperty() period!: string;
  @ApiProperty() metric!: string;
  @ApiProperty() metricName!: string;
  @ApiProperty({ enum: ['none', 'per100'] }) normalize!: 'none' | 'per100';
  @ApiProperty({ type: [ComparisonUnitDto] }) units!: ComparisonUnitDto[];
}

export class TrendSeriesDto {
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: [Number], nullable: true, description: 'One value per period (oldest first); null = no report' }) values!: (number | null)[];
}

export class TrendDto {
  @ApiProperty() metric!: string;
  @ApiProperty({ type: [String], description: 'Period codes, oldest first' }) periods!: string[];
  @ApiProperty({ type: [String], description: 'Period names as people read them (2026年上半年), in the same order' }) periodNames!: string[];
  @ApiProperty({ type: [TrendSeriesDto] }) series!: TrendSeriesDto[];
}

export class HeatmapDto {
  @ApiProperty() period!: string;
  @ApiProperty({ type: [HeatmapMetricDto] }) metrics!: HeatmapMetricDto[];
  @ApiProperty({ type: [HeatmapUnitDto] }) units!: HeatmapUnitDto[];
  @ApiProperty({ description: 'values[unit][metric]: score 0..1 against level peers; null = no report or no reference', type: 'array', items: { type: 'array', items: { type: 'number', nullable: true } } })
  values!: (number | null)[][];
  @ApiProperty({ description: 'totals[unit][metric]: counted totals', type: 'array', items: { type: 'array', items: { type: 'number', nullable: true } } })
  totals!: (number | null)[][];
}

export class UnitStandingDto {
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty() period!: string;
  @ApiProperty() status!: string;
  @ApiProperty({ type: Number, nullable: true }) temperature!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Median temperature of all units on the same level of the bureau' }) levelMedian!: number | null;
  @ApiProperty({ type: Number, nullable: true }) reportId!: number | null;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } }) totals!: Record<string, number>;
  @ApiPropertyOptional({ type: () => ComponentsDto, nullable: true }) components?: ComponentsDto | null;
  @ApiPropertyOptional({ type: () => BreakdownDto, nullable: true, description: 'The figures behind each component (a reported unit)' }) breakdown?: BreakdownDto | null;
  @ApiProperty({ type: [FlagDto] }) flags!: FlagDto[];
}
