import { AuditLogEntity, type JsonObject } from '@thermocline/db';
import type { EntityManager } from 'typeorm';
import { currentContext } from './context';

export interface AuditEntry {
  action: string;
  entity: string;
  entityId?: string | number | null;
  detail?: JsonObject | null;
  /** Defaults to the signed-in user of the current request, or 'system' in the worker. */
  actor?: { userId: number | null; name: string };
}

/**
 * Records one write in the audit log. Pass the transaction's manager so the entry commits (or
 * rolls back) with the change it describes.
 */
export async function writeAudit(manager: EntityManager, entry: AuditEntry): Promise<void> {
  await writeAuditMany(manager, [entry]);
}

export async function writeAuditMany(manager: EntityManager, entries: AuditEntry[]): Promise<void> {
  if (!entries.length) return;
  const ctx = currentContext();
  const at = new Date();
  await manager
    .createQueryBuilder()
    .insert()
    .into(AuditLogEntity)
    .values(
      entries.map((e) => ({
        at,
        actorUserId: e.actor ? e.actor.userId : (ctx?.userId ?? null),
        actor: e.actor ? e.actor.name : (ctx?.username ?? 'system'),
        action: e.action,
        entity: e.entity,
        entityId: e.entityId == null ? null : String(e.entityId),
        requestId: ctx?.requestId ?? null,
        // JSON columns defeat TypeORM's deep-partial typing; the entity type above is the check.
        detail: (e.detail ?? null) as never,
      })),
    )
    .execute();
}
