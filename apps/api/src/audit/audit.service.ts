import { Injectable } from '@nestjs/common';
import { AuditLogEntity } from '@thermocline/db';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../common/auth-user';
import type { AuditEntryDto, AuditQueryDto } from './dto/audit.dto';

/** Reads the audit log (entries are written by `writeAudit` in each change's own transaction). */
@Injectable()
export class AuditService {
  constructor(private readonly db: DataSource) {}

  /** Newest first, filtered and paged by id. */
  async list(user: AuthUser, q: AuditQueryDto): Promise<AuditEntryDto[]> {
    const qb = this.db.getRepository(AuditLogEntity).createQueryBuilder('a').orderBy('a.id', 'DESC').take(q.limit ?? 100);
    // The whole log is the bureau's (root) administrators'. An administrator of a sub-tree sees the
    // entries about units of their sub-tree, by the unit's path when the entry was written — not by
    // where the actor is now, which once revealed a moved user's earlier out-of-scope actions.
    if (user.unitLevel > 0) qb.andWhere('a.scopePath LIKE :scope', { scope: `${user.unitPath}%` });
    if (q.entity) qb.andWhere('a.entity = :entity', { entity: q.entity });
    if (q.entityId) qb.andWhere('a.entityId = :entityId', { entityId: q.entityId });
    if (q.actor) qb.andWhere('a.actor = :actor', { actor: q.actor });
    if (q.before) qb.andWhere('a.id < :before', { before: q.before });
    const rows = await qb.getMany();
    return rows.map((r) => ({ id: String(r.id), at: r.at.toISOString(), actor: r.actor, action: r.action, entity: r.entity, entityId: r.entityId, requestId: r.requestId, detail: r.detail }));
  }
}
