import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsInt, IsISO8601, IsOptional, IsString, Length, Matches, Max, Min, ValidateIf } from 'class-validator';
import { PlainText } from '../../common/plain-text';

export const CODE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
export const CODE_MESSAGE = '单位编码只能包含字母、数字和 - _ .，最长 64 位';
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_MESSAGE = '启用日期应为 YYYY-MM-DD 格式的日期，如 2026-01-01';

export class CreateUnitDto {
  @ApiProperty({ example: 'school-1', description: 'Stable code (letters, digits, - _ .)' })
  @Matches(CODE, { message: CODE_MESSAGE })
  code!: string;

  @ApiProperty({ example: '县第一中学党总支' })
  @IsString()
  @Length(1, 200, { message: '单位名称须为 1-200 个字' })
  @PlainText('单位名称')
  name!: string;

  @ApiProperty({ type: String, nullable: true, example: 'edu-bureau', description: 'Parent unit code; null only for the root' })
  @ValidateIf((_, v) => v !== null)
  @Matches(CODE, { message: CODE_MESSAGE })
  parentCode!: string | null;

  @ApiProperty({ example: 85, description: '党员数' })
  @IsInt({ message: '党员数必须是整数' })
  @Min(0)
  @Max(10_000_000)
  memberCount!: number;

  @ApiPropertyOptional({ example: '2026-01-01', description: '启用日期: the unit is expected in a period only when active on its due date. Default: the day it is created (TZ_REPORTS)' })
  @IsOptional()
  @Matches(DATE, { message: DATE_MESSAGE })
  @IsISO8601({ strict: true }, { message: DATE_MESSAGE })
  activeFrom?: string;
}

export class UpdateUnitDto {
  @ApiPropertyOptional({ example: 'JT000', description: 'A new code for the unit (any unit, the root too); its reports and history stay with it' })
  @IsOptional()
  @Matches(CODE, { message: CODE_MESSAGE })
  code?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 200, { message: '单位名称须为 1-200 个字' })
  @PlainText('单位名称')
  name?: string;

  @ApiPropertyOptional({ description: 'A new parent code moves the unit with its whole subtree' })
  @IsOptional()
  @Matches(CODE, { message: CODE_MESSAGE })
  parentCode?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt({ message: '党员数必须是整数' })
  @Min(0)
  @Max(10_000_000)
  memberCount?: number;

  @ApiPropertyOptional({ example: '2026-01-01', description: '启用日期: the unit is expected in a period only when active on its due date. Default: the day it is created (TZ_REPORTS)' })
  @IsOptional()
  @Matches(DATE, { message: DATE_MESSAGE })
  @IsISO8601({ strict: true }, { message: DATE_MESSAGE })
  activeFrom?: string;
}

export class UnitDto {
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) parentCode!: string | null;
  @ApiProperty({ description: 'Absolute level: 0 = the bureau' }) level!: number;
  @ApiProperty({ description: 'Level counted from the caller’s own unit (0 = the caller’s unit)' }) depth!: number;
  @ApiProperty() memberCount!: number;
  @ApiProperty({ description: 'Codes from the root down to this unit' }) pathCodes!: string[];
  @ApiProperty({ format: 'date', description: 'First day the unit is active (expected in periods due from then on)' }) activeFrom!: string;
  @ApiProperty({ type: String, nullable: true, format: 'date', description: 'Day the unit was deleted; null while current' }) activeUntil!: string | null;
}

export class UnitTreeNodeDto {
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) parentCode!: string | null;
  @ApiProperty() level!: number;
  @ApiProperty() memberCount!: number;
  @ApiProperty({ type: () => [UnitTreeNodeDto] }) children!: UnitTreeNodeDto[];
}

export class LevelNameDto {
  @ApiProperty({ description: 'Absolute level: 0 = the root' }) level!: number;
  @ApiProperty({ example: '党委', description: 'The name in force' }) name!: string;
  @ApiProperty({ description: 'The name from the units’ own suffixes (…党组/…党委/…党总支/…党支部)' }) defaultName!: string;
  @ApiProperty({ description: 'An administrator named this level' }) custom!: boolean;
}

export class LevelNamesDto {
  @ApiProperty({ type: [String], example: ['局党组', '二级党委', ''], description: 'Names by absolute level; an empty string keeps the default' })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(0, 20, { each: true, message: '层级名称最长 20 个字' })
  @PlainText('层级名称', true)
  names!: string[];
}

export class ImportErrorDto {
  @ApiProperty({ description: 'Row number in the file (the header is row 1)' }) row!: number;
  @ApiProperty() message!: string;
}

export class ImportResultDto {
  @ApiProperty() created!: number;
  @ApiProperty() updated!: number;
  @ApiProperty({ type: [ImportErrorDto] }) errors!: ImportErrorDto[];
  @ApiProperty({ description: 'True when nothing was written (errors found, or dryRun)' }) dryRun!: boolean;
}
