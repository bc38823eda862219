import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { AuditLogEntity } from '@thermocline/db';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { DataSource } from 'typeorm';
import { Access } from '../common/access.decorator';

class AuditQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 32) entity?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 64) entityId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 64) actor?: string;
  @ApiPropertyOptional({ description: 'Entries with an id below this (paging backwards)' }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) before?: number;
  @ApiPropertyOptional({ default: 100 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) limit?: number;
}

class AuditEntryDto {
  @ApiProperty() id!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty() actor!: string;
  @ApiProperty() action!: string;
  @ApiProperty() entity!: string;
  @ApiProperty({ type: String, nullable: true }) entityId!: string | null;
  @ApiProperty({ type: String, nullable: true }) requestId!: string | null;
  @ApiProperty({ type: Object, nullable: true }) detail!: Record<string, unknown> | null;
}

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly db: DataSource) {}

  @Get()
  @Access({ roles: ['admin'] })
  @ApiOkResponse({ type: [AuditEntryDto] })
  async list(@Query() q: AuditQueryDto): Promise<AuditEntryDto[]> {
    const qb = this.db.getRepository(AuditLogEntity).createQueryBuilder('a').orderBy('a.id', 'DESC').take(q.limit ?? 100);
    if (q.entity) qb.andWhere('a.entity = :entity', { entity: q.entity });
    if (q.entityId) qb.andWhere('a.entityId = :entityId', { entityId: q.entityId });
    if (q.actor) qb.andWhere('a.actor = :actor', { actor: q.actor });
    if (q.before) qb.andWhere('a.id < :before', { before: q.before });
    const rows = await qb.getMany();
    return rows.map((r) => ({ id: String(r.id), at: r.at.toISOString(), actor: r.actor, action: r.action, entity: r.entity, entityId: r.entityId, requestId: r.requestId, detail: r.detail }));
  }
}
