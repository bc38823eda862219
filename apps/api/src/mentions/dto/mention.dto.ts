import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MENTION_ORIGINS, REVIEW_STATES, type MentionOrigin, type ReviewState } from '@thermocline/contracts';
import { IsBoolean, IsIn, IsInt, IsNumber, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { EvidenceDto } from '../../reports/dto/report.dto';

export class MentionDto {
  @ApiProperty() id!: string;
  @ApiProperty() reportId!: number;
  @ApiProperty({ type: String, nullable: true, example: 'study.party_lecture', description: 'null while unclassified (未归类)' }) key!: string | null;
  @ApiProperty({ description: 'A count no metric took (未归类): never in totals until a reviewer assigns a key (state corrected) or dismisses it (state rejected)' }) unclassified!: boolean;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'An unclassified count’s normalised wording, e.g. 播放政策提示N次' }) phrase!: string | null;
  @ApiProperty() value!: number;
  @ApiProperty() approx!: boolean;
  @ApiProperty({ description: 'Measure word as written (次, 篇, 人次…)' }) unit!: string;
  @ApiProperty({ description: 'A 其中 subset with the same key as its whole: not added to the total' }) subset!: boolean;
  @ApiProperty({ type: EvidenceDto }) evidence!: EvidenceDto;
  @ApiProperty({ enum: MENTION_ORIGINS }) origin!: MentionOrigin;
  @ApiProperty({ enum: REVIEW_STATES }) state!: ReviewState;
  @ApiPropertyOptional({ type: String, nullable: true }) originalKey!: string | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) originalValue!: number | null;
}

// 'unreviewed' undoes a review (the 驳回 message's 撤销): the figure is as the extractor left it.
const REVIEWABLE = ['confirmed', 'corrected', 'rejected', 'unreviewed'] as const;

export class ReviewMentionDto {
  @ApiPropertyOptional({ description: 'Corrected value' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'value 必须是数字' })
  @Min(0)
  @Max(100_000_000)
  value?: number;

  @ApiPropertyOptional({ description: 'Corrected metric key' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  key?: string;

  @ApiProperty({ enum: REVIEWABLE })
  @IsIn(REVIEWABLE, { message: 'state 须为 confirmed、corrected、rejected 或 unreviewed（撤销核对）' })
  state!: (typeof REVIEWABLE)[number];
}

export class CreateMentionDto {
  @ApiProperty() @IsString() @Length(1, 64) key!: string;
  @ApiProperty() @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0) @Max(100_000_000) value!: number;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() approx?: boolean;
  @ApiProperty({ description: 'Start offset of the selected text in the report text' }) @IsInt() @Min(0) start!: number;
  @ApiProperty({ description: 'End offset (exclusive)' }) @IsInt() @Min(1) end!: number;
}
