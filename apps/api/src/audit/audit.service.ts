import { Injectable, NotFoundException } from '@nestjs/common';
import { AUDIT_ACTION_LABELS, labelOf } from '@thermocline/contracts';
import { AuditLogEntity, UnitEntity } from '@thermocline/db';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../common/auth-user';
import { detailText, targetNames } from './audit-text';
import type { AuditEntryDto, AuditQueryDto } from './dto/audit.dto';

/** Reads the audit log (entries are written by `writeAudit` in each change's own transaction). */
@Injectable()
export class AuditService {
  constructor(private readonly db: DataSource) {}

  /** Newest first, filtered (who, what, unit, time) and paged by id. */
  async list(user: AuthUser, q: AuditQueryDto): Promise<AuditEntryDto[]> {
    const qb = this.db.getRepository(AuditLogEntity).createQueryBuilder('a').orderBy('a.id', 'DESC').take(q.limit ?? 100);
    // The whole log is the bureau's (root) administrators'. An administrator of a sub-tree sees the
    // entries about units of their sub-tree, by the unit's path when the entry was written — not by
    // where the actor is now, which once revealed a moved user's earlier out-of-scope actions.
    if (user.unitLevel > 0) qb.andWhere('a.scopePath LIKE :scope', { scope: `${user.unitPath}%` });
    if (q.entity) qb.andWhere('a.entity = :entity', { entity: q.entity });
    if (q.entityId) qb.andWhere('a.entityId = :entityId', { entityId: q.entityId });
    if (q.actor) qb.andWhere('a.actor = :actor', { actor: q.actor });
    if (q.action) qb.andWhere(q.action.endsWith('.') ? 'a.action LIKE :action' : 'a.action = :action', { action: q.action.endsWith('.') ? `${q.action}%` : q.action });
    if (q.from) qb.andWhere('a.at >= :from', { from: q.from });
    if (q.to) qb.andWhere('a.at < :to', { to: q.to });
    if (q.unitCode) {
      // Outside the administrator's scope the unit does not exist for them (404, as everywhere).
      const unit = await this.db.getRepository(UnitEntity).findOneBy({ code: q.unitCode });
      if (!unit || !unit.path.startsWith(user.unitPath)) throw new NotFoundException(`单位 ${q.unitCode} 不存在或不在您的管辖范围内`);
      const sub = `${unit.path}%`;
      // The unit each entry concerned when it was written (scope_path), not where things are now.
      qb.andWhere('a.scopePath LIKE :sub', { sub });
    }
    if (q.before) qb.andWhere('a.id < :before', { before: q.before });
    const rows = await qb.getMany();
    const { targets, unitNames } = await targetNames(this.db, rows);
    return rows.map((r, i) => ({
      id: String(r.id),
      at: r.at.toISOString(),
      actor: r.actor,
      action: r.action,
      actionLabel: labelOf(AUDIT_ACTION_LABELS, r.action, 'zh'),
      entity: r.entity,
      entityId: r.entityId,
      target: targets[i],
      summary: detailText(r.detail, unitNames),
      requestId: r.requestId,
      detail: r.detail,
    }));
  }
}
