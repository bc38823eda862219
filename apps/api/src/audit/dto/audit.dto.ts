import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDate, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';

export class AuditQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 32) entity?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 64) entityId?: string;
  @ApiPropertyOptional({ description: 'Who: the actor’s user name (exact)' }) @IsOptional() @IsString() @Length(1, 64) actor?: string;
  @ApiPropertyOptional({ description: 'What: an action code (auth.login…) or its prefix (unit.)' }) @IsOptional() @IsString() @Matches(/^[a-z_]+(\.[a-z_]*)?$/) @Length(1, 64) action?: string;
  @ApiPropertyOptional({ description: 'Unit code: entries about the unit or its sub-units (the unit itself, their reports) or by their people' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  unitCode?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'From this instant (inclusive)' }) @IsOptional() @Type(() => Date) @IsDate() from?: Date;
  @ApiPropertyOptional({ format: 'date-time', description: 'Before this instant' }) @IsOptional() @Type(() => Date) @IsDate() to?: Date;
  @ApiPropertyOptional({ description: 'Entries with an id below this (paging backwards)' }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) before?: number;
  @ApiPropertyOptional({ default: 100 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) limit?: number;
}

export class AuditEntryDto {
  @ApiProperty() id!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty() actor!: string;
  @ApiProperty() action!: string;
  @ApiProperty({ description: 'The action in Chinese (AUDIT_ACTION_LABELS)' }) actionLabel!: string;
  @ApiProperty() entity!: string;
  @ApiProperty({ type: String, nullable: true }) entityId!: string | null;
  @ApiProperty({ description: 'What the entry concerns, by name (单位 · 一中党总支)' }) target!: string;
  @ApiProperty({ description: 'The detail as one readable Chinese line' }) summary!: string;
  @ApiProperty({ type: String, nullable: true }) requestId!: string | null;
  @ApiProperty({ type: Object, nullable: true }) detail!: Record<string, unknown> | null;
}
