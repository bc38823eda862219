import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsString, Length, Min, ValidateNested } from 'class-validator';
import { UploadAcceptedDto } from '../dto/report.dto';

export const INTAKE_STATUSES = ['matched', 'new_version', 'same_unit', 'unmatched', 'duplicate', 'rejected'] as const;
export type IntakeStatus = (typeof INTAKE_STATUSES)[number];

export class BulkUploadDto {
  @ApiProperty({ type: 'array', items: { type: 'string', format: 'binary' }, description: 'Report files (.docx, .doc, .pdf, .txt) and/or one .zip of them; names in a zip are read as GBK unless flagged UTF-8' })
  files!: unknown[];

  @ApiProperty({ example: '2026-H1' })
  @IsString()
  @Length(1, 32)
  periodCode!: string;
}

export class IntakeCandidateDto {
  @ApiProperty() unitCode!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: '0–1' }) score!: number;
}

export class IntakeItemDto {
  @ApiProperty({ description: 'Position in the batch (files in upload order, a zip’s files in name order)' }) index!: number;
  @ApiProperty({ description: 'As sent, or the path inside the zip' }) fileName!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Proposed unit, null when none is certain' }) unitCode!: string | null;
  @ApiProperty({ type: String, nullable: true }) unitName!: string | null;
  @ApiProperty({ description: '0–1, the proposed (or best) unit’s score' }) confidence!: number;
  @ApiProperty({ description: 'In Chinese: what in the document matched, or why nothing did / why it cannot be taken' }) reason!: string;
  @ApiProperty({ type: [IntakeCandidateDto] }) candidates!: IntakeCandidateDto[];
  @ApiProperty({
    enum: INTAKE_STATUSES,
    description:
      'matched; new_version (the unit already reported this period: this becomes its next version); same_unit (another file of the batch is proposed for the same unit); unmatched (no unit in scope is certain: pick one); duplicate (these bytes are already stored, or earlier in the batch: skipped on confirm); rejected (fails the content checks: skipped)',
  })
  status!: IntakeStatus;
  @ApiProperty({ type: [String], description: 'Further remarks in Chinese (existing version, other files for the same unit)' }) notes!: string[];
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'For a duplicate: the stored report with these bytes' }) duplicateOfReportId?: number | null;
}

export class IntakeBatchDto {
  @ApiProperty() batchId!: string;
  @ApiProperty() periodCode!: string;
  @ApiProperty({ format: 'date-time', description: 'Confirm before this; the batch and its files are discarded after a day' }) expiresAt!: string;
  @ApiProperty({ type: [IntakeItemDto] }) items!: IntakeItemDto[];
}

export class ConfirmItemDto {
  @ApiProperty() @IsInt() @Min(0) index!: number;
  @ApiProperty({ description: 'The unit to file it under (the proposal or the clerk’s correction)' }) @IsString() @Length(1, 64) unitCode!: string;
}

export class ConfirmBatchDto {
  @ApiProperty({ type: [ConfirmItemDto], description: 'Files to import; files of the batch not listed are discarded' })
  @IsArray()
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => ConfirmItemDto)
  items!: ConfirmItemDto[];
}

export class ConfirmAcceptedDto extends UploadAcceptedDto {
  @ApiProperty() index!: number;
}

export class ConfirmSkippedDto {
  @ApiProperty() index!: number;
  @ApiProperty({ description: 'Why, in Chinese' }) reason!: string;
}

export class ConfirmResultDto {
  @ApiProperty({ type: [ConfirmAcceptedDto] }) accepted!: ConfirmAcceptedDto[];
  @ApiProperty({ type: [ConfirmSkippedDto] }) skipped!: ConfirmSkippedDto[];
}

