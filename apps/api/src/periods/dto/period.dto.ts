import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, Length, Matches } from 'class-validator';
import { PlainText } from '../../common/plain-text';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class CreatePeriodDto {
  @ApiProperty({ example: '2026-H1', description: 'e.g. 2026, 2026-H1, 2026-Q3, 2026-M05' })
  @Matches(/^[0-9A-Za-z][0-9A-Za-z_-]{0,31}$/, { message: '期次编码须为字母、数字或 - _，如 2026-H1' })
  code!: string;

  @ApiPropertyOptional({ example: '2026年上半年' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  @PlainText('期次名称')
  name?: string;

  @ApiProperty({ example: '2026-01-01' })
  @Matches(DATE, { message: 'startsOn 须为 YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'startsOn 不是有效日期' })
  startsOn!: string;

  @ApiProperty({ example: '2026-06-30' })
  @Matches(DATE, { message: 'endsOn 须为 YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'endsOn 不是有效日期' })
  endsOn!: string;

  @ApiProperty({ example: '2026-07-10', description: 'Reports are due by the end of this day (TZ_REPORTS)' })
  @Matches(DATE, { message: 'dueOn 须为 YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'dueOn 不是有效日期' })
  dueOn!: string;
}

export class UpdatePeriodDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 100) @PlainText('期次名称') name?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(DATE) @IsISO8601({ strict: true }) startsOn?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(DATE) @IsISO8601({ strict: true }) endsOn?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(DATE) @IsISO8601({ strict: true }) dueOn?: string;
}

export class PeriodDto {
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ format: 'date' }) startsOn!: string;
  @ApiProperty({ format: 'date' }) endsOn!: string;
  @ApiProperty({ format: 'date' }) dueOn!: string;
  @ApiProperty({ description: 'The due date has passed (in TZ_REPORTS)' }) overdue!: boolean;
  @ApiProperty({ description: 'Some report was uploaded for it (screens open on the latest started period with reports)' }) hasReports!: boolean;
  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: 'When an administrator closed (froze) the period; null while open' }) closedAt!: string | null;
}
