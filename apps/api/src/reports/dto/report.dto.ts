import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { REPORT_STATUSES, type ReportStatus } from '@thermocline/contracts';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';

export class UploadReportDto {
  @ApiProperty({ type: 'string', format: 'binary', description: '.docx, .doc, .pdf or .txt (UTF-8, GB18030/GBK, UTF-16 with BOM)' })
  file!: unknown;

  @ApiProperty({ example: 'school-1' })
  @IsString()
  @Length(1, 64)
  unitCode!: string;

  @ApiProperty({ example: '2026-H1' })
  @IsString()
  @Length(1, 32)
  periodCode!: string;
}

export class UploadAcceptedDto {
  @ApiProperty() id!: number;
  @ApiProperty() version!: number;
  @ApiProperty({ enum: REPORT_STATUSES }) status!: ReportStatus;
  @ApiPropertyOptional({ description: 'True when these exact bytes were already uploaded for this unit and period' }) duplicate?: boolean;
}

export class ReportQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 64) unitCode?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 32) periodCode?: string;
  @ApiPropertyOptional({ enum: REPORT_STATUSES }) @IsOptional() @IsIn(REPORT_STATUSES) status?: ReportStatus;
  @ApiPropertyOptional({ description: 'Only the newest version per unit and period' }) @IsOptional() @IsIn(['true', 'false']) latest?: string;
}

export class ReportSummaryDto {
  @ApiProperty() id!: number;
  @ApiProperty() unitCode!: string;
  @ApiProperty() unitName!: string;
  @ApiProperty() periodCode!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ description: 'Newest version for its unit and period' }) latest!: boolean;
  @ApiProperty({ enum: REPORT_STATUSES }) status!: ReportStatus;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Why it failed, and what to do' }) error!: string | null;
  @ApiProperty({ format: 'date-time' }) submittedAt!: string;
  @ApiProperty({ description: 'Submitted after the end of the due day' }) late!: boolean;
  @ApiProperty() originalName!: string;
  @ApiProperty() format!: string;
  @ApiProperty() sizeBytes!: number;
  @ApiPropertyOptional({ type: Number, nullable: true }) specificity!: number | null;
  @ApiProperty() placeholderCount!: number;
}

export class EvidenceDto {
  @ApiProperty() start!: number;
  @ApiProperty() end!: number;
  @ApiProperty() text!: string;
}

export class ReportItemDto {
  @ApiProperty() text!: string;
  @ApiProperty({ type: EvidenceDto }) evidence!: EvidenceDto;
}

export class CadenceDto {
  @ApiProperty() key!: string;
  @ApiProperty({ enum: ['week', 'month', 'quarter', 'half_year', 'year'] }) per!: string;
  @ApiProperty() times!: number;
  @ApiProperty({ type: EvidenceDto }) evidence!: EvidenceDto;
}

export class ReportDetailDto extends ReportSummaryDto {
  @ApiPropertyOptional({ type: String, nullable: true, description: 'The stored plain text (once extracted); evidence offsets point into it' }) text?: string | null;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) extractedAt!: string | null;
  @ApiProperty({ type: [ReportItemDto] }) problems!: ReportItemDto[];
  @ApiProperty({ type: [ReportItemDto] }) plans!: ReportItemDto[];
  @ApiProperty({ type: [ReportItemDto] }) placeholders!: ReportItemDto[];
  @ApiProperty({ type: [CadenceDto] }) cadences!: CadenceDto[];
  @ApiProperty({ type: [ReportSummaryDto], description: 'Every version for this unit and period, newest first' }) versions!: ReportSummaryDto[];
}
