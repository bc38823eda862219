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
  /**
   * Path of the unit the entry concerns (who may read it). When left out it is found now, at write
   * time: the unit, user, report, mention or channel the entry names, else the actor's unit;
   * null = the bureau's administrators only.
   */
  scopePath?: string | null;
}

/** The unit an entry's record belongs to, by entity: [query over ids, whether ids are numeric]. */
const SCOPE_OF: Record<string, [string, boolean]> = {
  unit: ['SELECT code AS id, path FROM units WHERE code IN (?)', false],
  user: ['SELECT u.id AS id, un.path FROM users u JOIN units un ON un.id = u.unit_id WHERE u.id IN (?)', true],
  report: ['SELECT r.id AS id, un.path FROM reports r JOIN units un ON un.id = r.unit_id WHERE r.id IN (?)', true],
  mention: ['SELECT mn.id AS id, un.path FROM mentions mn JOIN reports r ON r.id = mn.report_id JOIN units un ON un.id = r.unit_id WHERE mn.id IN (?)', true],
  notification_channel: ['SELECT c.id AS id, un.path FROM notification_channels c JOIN units un ON un.id = c.unit_id WHERE c.id IN (?)', true],
};
const ACTOR_SCOPE = 'SELECT u.id AS id, un.path FROM users u JOIN units un ON un.id = u.unit_id WHERE u.id IN (?)';

async function pathsOf(manager: EntityManager, sql: string, ids: (string | number)[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const unique = [...new Set(ids.map(String))];
  for (let i = 0; i < unique.length; i += 1000) {
    const rows = (await manager.query(sql, [unique.slice(i, i + 1000)])) as { id: string | number; path: string }[];
    for (const r of rows) out.set(String(r.id), r.path);
  }
  return out;
}

/** Scope paths for entries that did not give one, in a few queries however many entries there are. */
async function scopePaths(manager: EntityManager, entries: AuditEntry[], actorIds: (number | null)[]): Promise<(string | null)[]> {
  const found = new Map<string, Map<string, string>>();
  for (const [entity, [sql, numeric]] of Object.entries(SCOPE_OF)) {
    const ids = entries
      .filter((e) => e.scopePath === undefined && e.entity === entity && e.entityId != null && (!numeric || /^\d{1,18}$/.test(String(e.entityId))))
      .map((e) => String(e.entityId));
    if (ids.length) found.set(entity, await pathsOf(manager, sql, ids));
  }
  const actors = actorIds.filter((id, i): id is number => id !== null && entries[i].scopePath === undefined);
  const actorPaths = actors.length ? await pathsOf(manager, ACTOR_SCOPE, actors) : new Map<string, string>();
  return entries.map((e, i) => {
    if (e.scopePath !== undefined) return e.scopePath;
    const own = e.entityId == null ? undefined : found.get(e.entity)?.get(String(e.entityId));
    return own ?? (actorIds[i] === null ? null : (actorPaths.get(String(actorIds[i])) ?? null));
  });
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
  const actorIds = entries.map((e) => (e.actor ? e.actor.userId : (ctx?.userId ?? null)));
  const scopes = await scopePaths(manager, entries, actorIds);
  await manager
    .createQueryBuilder()
    .insert()
    .into(AuditLogEntity)
    .values(
      entries.map((e, i) => ({
        at,
        actorUserId: actorIds[i],
        scopePath: scopes[i],
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
