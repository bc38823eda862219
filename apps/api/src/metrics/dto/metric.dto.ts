import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsNumber, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { Type } from 'class-transformer';
import { PlainText } from '../../common/plain-text';

const WORDS = { each: true, message: '每个词须为 1-20 个字' };

export class UpdateMetricDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 100) @PlainText('指标名称') name?: string;
  @ApiPropertyOptional({ enum: ['per100', 'per_unit'] }) @IsOptional() @IsIn(['per100', 'per_unit']) normalization?: 'per100' | 'per_unit';
  @ApiPropertyOptional({ description: 'Weight in intensity (0 = totalled, not scored)' }) @IsOptional() @IsNumber() @Min(0) @Max(100) weight?: number;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() enabled?: boolean;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'Absolute target per period (in the metric’s normalisation); null = compare with level peers' })
  @IsOptional()
  @IsNumber()
  @Min(0)
  target?: number | null;
  @ApiPropertyOptional({ type: [String], description: 'Measure words (量词)' }) @IsOptional() @IsArray() @ArrayMaxSize(30) @IsString({ each: true }) @Length(1, 4, { each: true, message: '量词须为 1-4 个字' }) @PlainText('量词', true) measureWords?: string[];
  @ApiPropertyOptional({ type: [String], description: 'Trigger vocabulary: words naming what is counted' }) @IsOptional() @IsArray() @ArrayMaxSize(300) @IsString({ each: true }) @Length(1, 20, WORDS) @PlainText('触发词', true) triggers?: string[];
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(300) @IsString({ each: true }) @Length(1, 20, WORDS) @PlainText('触发词', true) weakTriggers?: string[];
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(300) @IsString({ each: true }) @Length(1, 20, WORDS) @PlainText('触发词', true) excludeTriggers?: string[];
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(300) @IsString({ each: true }) @Length(1, 20, WORDS) @PlainText('触发词', true) activityTriggers?: string[];
  @ApiPropertyOptional() @IsOptional() @IsBoolean() people?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(50) priority?: number;
}

// Redeclared properties do not inherit UpdateMetricDto's validators (class-validator keeps the child's): repeat them.
export class CreateMetricDto extends UpdateMetricDto {
  @ApiProperty({ example: 'civility.blood_donation' })
  @Matches(/^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$/, { message: '指标键须形如 category.name（小写字母、数字、下划线）' })
  key!: string;
  @ApiProperty({ example: '无偿献血' }) @IsString() @Length(1, 100) @PlainText('指标名称') declare name: string;
  @ApiProperty({ example: 'civility' }) @Matches(/^[a-z][a-z0-9_]{0,31}$/) category!: string;
  @ApiProperty({ type: [String] }) @IsArray() @ArrayMaxSize(30) @IsString({ each: true }) @Length(1, 4, { each: true }) @PlainText('量词', true) declare measureWords: string[];
  @ApiProperty({ type: [String] }) @IsArray() @ArrayMaxSize(300) @IsString({ each: true }) @Length(1, 20, WORDS) @PlainText('触发词', true) declare triggers: string[];
}

export class MetricDto {
  @ApiProperty() key!: string;
  @ApiProperty() name!: string;
  @ApiProperty() category!: string;
  @ApiProperty({ enum: ['per100', 'per_unit'] }) normalization!: string;
  @ApiProperty() weight!: number;
  @ApiProperty() enabled!: boolean;
  @ApiProperty({ type: [String] }) measureWords!: string[];
  @ApiProperty({ type: [String] }) triggers!: string[];
  @ApiPropertyOptional({ type: [String] }) weakTriggers?: string[];
  @ApiPropertyOptional({ type: [String] }) excludeTriggers?: string[];
  @ApiPropertyOptional({ type: [String] }) activityTriggers?: string[];
  @ApiPropertyOptional() people?: boolean;
  @ApiPropertyOptional() priority?: number;
  @ApiPropertyOptional({ type: Number, nullable: true }) target?: number | null;
  @ApiProperty({ description: 'Edited or created by an administrator: the shipped default no longer replaces it at start' }) customized!: boolean;
}

export class UnclassifiedQueryDto {
  @ApiPropertyOptional({ default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
}

export class UnclassifiedExampleDto {
  @ApiProperty() reportId!: number;
  @ApiProperty({ description: 'The sentence the count stands in' }) text!: string;
}

export class UnclassifiedPhraseDto {
  @ApiProperty({ example: '播放政策提示N次', description: 'Normalised wording: the words before the numeral, N, the measure word' }) phrase!: string;
  @ApiProperty({ example: '次' }) unit!: string;
  @ApiProperty({ description: 'Reports (newest version per unit and period) holding it' }) reports!: number;
  @ApiProperty({ description: 'Unclassified mentions with this phrase' }) mentions!: number;
  @ApiProperty({ type: UnclassifiedExampleDto }) example!: UnclassifiedExampleDto;
}
