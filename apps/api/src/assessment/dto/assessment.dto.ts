import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsNumber, IsOptional, IsString, Length, Min, ValidateIf } from 'class-validator';

export class AssessmentQueryDto {
  @ApiProperty({ example: '2026' }) @IsString() @Length(1, 32) period!: string;
}

export class RulesQueryDto {
  @ApiPropertyOptional({ description: 'A past version; omitted → the rules in force' }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) version?: number;
}

export class RulesItemDto {
  @ApiProperty({ example: 'study.central' }) id!: string;
  @ApiProperty({ example: '理论学习中心组学习每季度不少于1次' }) title!: string;
  @ApiProperty({ example: 6 }) points!: number;
  @ApiProperty({ enum: ['reach', 'deduct', 'manual'] }) kind!: 'reach' | 'deduct' | 'manual';
  @ApiPropertyOptional({ type: [String], description: 'reach: metric keys whose totals are summed' }) metrics?: string[];
  @ApiPropertyOptional({ description: 'reach: full points from this value (for a year when targets are annual)' }) target?: number;
  @ApiPropertyOptional({ enum: ['unit', 'per100'] }) basis?: 'unit' | 'per100';
  @ApiPropertyOptional({ enum: ['proportional', 'stepwise'] }) scale?: 'proportional' | 'stepwise';
  @ApiPropertyOptional({ description: 'stepwise: number of steps' }) steps?: number;
  @ApiPropertyOptional({ enum: ['missing_report', 'late_report', 'near_duplicate', 'unfilled_template', 'cold', 'cadence_not_kept'] }) event?: string;
  @ApiPropertyOptional({ description: 'deduct: points off per occurrence' }) perEvent?: number;
  @ApiPropertyOptional({ description: 'manual: what the scorer checks' }) guide?: string;
}

export class RulesSectionDto {
  @ApiProperty() id!: string;
  @ApiProperty({ example: '学习教育' }) title!: string;
  @ApiProperty({ type: [RulesItemDto] }) items!: RulesItemDto[];
}

export class RulesDto {
  @ApiProperty({ example: '意识形态工作责任制考核细则' }) title!: string;
  @ApiProperty({ enum: ['annual', 'period'], description: 'annual: reach targets are for a year and scale with the period' }) targets!: 'annual' | 'period';
  @ApiProperty({ type: [RulesSectionDto] }) sections!: RulesSectionDto[];
}

export class RulesVersionSummaryDto {
  @ApiProperty() version!: number;
  @ApiProperty() note!: string;
  @ApiProperty({ type: String, nullable: true }) createdBy!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty() totalPoints!: number;
}

export class RulesVersionDto extends RulesVersionSummaryDto {
  @ApiProperty({ type: RulesDto }) rules!: RulesDto;
}

export class SaveRulesDto {
  @ApiProperty({ type: RulesDto }) rules!: RulesDto;
  @ApiPropertyOptional({ description: 'What changed (shown in the version list)' }) note?: string;
}

export class AssessmentEvidenceDto {
  @ApiProperty({ type: Number, nullable: true }) reportId!: number | null;
  @ApiProperty() text!: string;
}

export class ItemScoreDto {
  @ApiProperty() id!: string;
  @ApiProperty() sectionId!: string;
  @ApiProperty() section!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: ['reach', 'deduct', 'manual'] }) kind!: 'reach' | 'deduct' | 'manual';
  @ApiProperty() points!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'null: a manual item not scored yet (counts 0)' }) score!: number | null;
  @ApiProperty({ description: 'true while the score is the automatic one' }) auto!: boolean;
  @ApiProperty({ type: Number, nullable: true }) autoScore!: number | null;
  @ApiProperty({ description: 'How the automatic score was reached' }) explain!: string;
  @ApiProperty({ type: [AssessmentEvidenceDto] }) evidence!: AssessmentEvidenceDto[];
  @ApiProperty({ type: String, nullable: true, description: 'The scorer’s reason' }) note!: string | null;
  @ApiProperty({ type: String, nullable: true }) scoredBy!: string | null;
}

export class UnitSheetDto {
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'Relative to the caller’s unit' }) level!: number;
  @ApiProperty({ description: 'reported | missing | not_due' }) status!: string;
  @ApiProperty() total!: number;
  @ApiProperty({ description: '名次 (ties share a rank)' }) rank!: number;
  @ApiProperty({ description: 'Manual items not scored yet' }) unscored!: number;
  @ApiProperty({ type: [ItemScoreDto] }) items!: ItemScoreDto[];
}

export class SheetItemDto {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() points!: number;
  @ApiProperty({ enum: ['reach', 'deduct', 'manual'] }) kind!: 'reach' | 'deduct' | 'manual';
}

export class SheetSectionDto {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: [SheetItemDto] }) items!: SheetItemDto[];
}

export class AssessmentDto {
  @ApiProperty() period!: string;
  @ApiProperty({ description: 'The period as people read it (2026年上半年); the code when it has no name' }) periodName!: string;
  @ApiProperty() rulesVersion!: number;
  @ApiProperty({ description: 'true: the period is closed and keeps this version' }) rulesPinned!: boolean;
  @ApiProperty() title!: string;
  @ApiProperty() totalPoints!: number;
  @ApiProperty({ type: [SheetSectionDto] }) sections!: SheetSectionDto[];
  @ApiProperty({ type: [UnitSheetDto] }) units!: UnitSheetDto[];
}

export class ScoreEntryDto {
  @ApiProperty({ example: '2026' }) @IsString() @Length(1, 32) period!: string;
  @ApiProperty() @IsString() @Length(1, 64) unitCode!: string;
  @ApiProperty() @IsString() @Length(1, 64) itemId!: string;
  @ApiProperty({ type: Number, nullable: true, description: 'null: back to the automatic score' }) @ValidateIf((o: ScoreEntryDto) => o.score !== null) @IsNumber() score!: number | null;
  @ApiProperty({ description: 'Why (考核组依据, 台账): required, kept in the audit log' }) @IsString() @Length(1, 500) reason!: string;
}
