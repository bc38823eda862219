import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { AuditLogEntity, UnitEntity, UserEntity } from '@thermocline/db';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { DataSource } from 'typeorm';
import { Access, CurrentUser } from '../common/access.decorator';
import type { AuthUser } from '../common/auth-user';

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
  @ApiOperation({ summary: 'The audit log, newest first: all of it for the bureau’s administrators, the entries by people of their sub-tree for others' })
  @ApiOkResponse({ type: [AuditEntryDto] })
  async list(@CurrentUser() user: AuthUser, @Query() q: AuditQueryDto): Promise<AuditEntryDto[]> {
    const qb = this.db.getRepository(AuditLogEntity).createQueryBuilder('a').orderBy('a.id', 'DESC').take(q.limit ?? 100);
    // The whole log is the bureau's (root) administrators'. An administrator of a sub-tree sees what
    // people of their sub-tree did — entries by the bureau or by the worker may name units outside it.
    if (user.unitLevel > 0) {
      qb.innerJoin(UserEntity, 'au', 'au.id = a.actorUserId').innerJoin(UnitEntity, 'aun', 'aun.id = au.unitId').andWhere('aun.path LIKE :scope', { scope: `${user.unitPath}%` });
    }
    if (q.entity) qb.andWhere('a.entity = :entity', { entity: q.entity });
    if (q.entityId) qb.andWhere('a.entityId = :entityId', { entityId: q.entityId });
    if (q.actor) qb.andWhere('a.actor = :actor', { actor: q.actor });
    if (q.before) qb.andWhere('a.id < :before', { before: q.before });
    const rows = await qb.getMany();
    return rows.map((r) => ({ id: String(r.id), at: r.at.toISOString(), actor: r.actor, action: r.action, entity: r.entity, entityId: r.entityId, requestId: r.requestId, detail: r.detail }));
  }
}
