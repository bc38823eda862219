import { DEFAULT_CATALOGUE, type MetricDefinition } from '@thermocline/extraction';
import { MetricDefinitionEntity } from '@thermocline/db';
import type { DataSource, EntityManager } from 'typeorm';
import { writeAudit } from './audit';

export interface CatalogueSyncResult {
  /** Default keys the installation did not have. */
  added: string[];
  /** Non-customized rows brought up to the shipped default. */
  refreshed: string[];
  /** Reports of open periods set back to `queued` (the worker's sweeper re-extracts them). */
  requeued: number;
}

/** JSON with sorted keys: a stored definition equals the default whatever order MySQL gave back. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v)
      .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

function columnsOf(d: MetricDefinition, sortOrder: number) {
  return { name: d.name, category: d.category, normalization: d.normalization, weight: d.weight, enabled: d.enabled !== false, sortOrder, definition: d as never };
}

function differs(row: MetricDefinitionEntity, d: MetricDefinition, sortOrder: number): boolean {
  const c = columnsOf(d, sortOrder);
  return row.name !== c.name || row.category !== c.category || row.normalization !== c.normalization || Number(row.weight) !== c.weight
    || Boolean(row.enabled) !== c.enabled || row.sortOrder !== sortOrder || canonical(row.definition) !== canonical(d);
}

/** Whether `periods.closed_at` exists (it comes with period closing; before it every period is open). */
async function hasClosedAt(m: EntityManager): Promise<boolean> {
  const rows = (await m.query(
    `SELECT COUNT(*) AS n FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'periods' AND COLUMN_NAME = 'closed_at'`,
  )) as { n: number | string }[];
  return Number(rows[0]?.n ?? 0) > 0;
}

/**
 * Queues the newest extracted version of every unit's report in an open period. A closed period's
 * figures are what was signed off, so a catalogue upgrade never changes them.
 */
async function requeueOpenPeriods(m: EntityManager, now: Date): Promise<number[]> {
  const open = (await hasClosedAt(m)) ? 'AND p.closed_at IS NULL' : '';
  const rows = (await m.query(
    `SELECT r.id FROM reports r JOIN periods p ON p.id = r.period_id
      WHERE r.status = 'extracted' ${open}
        AND r.version = (SELECT MAX(v.version) FROM reports v WHERE v.unit_id = r.unit_id AND v.period_id = r.period_id)`,
  )) as { id: number | string }[];
  const ids = rows.map((r) => Number(r.id));
  for (let i = 0; i < ids.length; i += 1000) {
    const chunk = ids.slice(i, i + 1000);
    await m.query(`UPDATE reports SET status = 'queued', updated_at = ? WHERE status = 'extracted' AND id IN (${chunk.map(() => '?').join(',')})`, [now, ...chunk]);
  }
  return ids;
}

/**
 * Brings the stored catalogue up to the shipped DEFAULT_CATALOGUE at start (api and worker both
 * run it; the row locks make the second one a no-op): inserts missing default keys, rewrites the
 * default keys an administrator never edited (`customized` = 0) with the shipped definition, and
 * leaves customized rows and admin-created keys alone. When anything changed, the reports of open
 * periods are set `queued`, the same hand-over the re-extraction endpoint uses when Redis is away:
 * the worker's sweeper enqueues them and the extraction job re-reads them with the new catalogue.
 */
export async function syncCatalogue(db: DataSource, defaults: readonly MetricDefinition[] = DEFAULT_CATALOGUE): Promise<CatalogueSyncResult> {
  return db.transaction(async (m) => {
    const rows = await m.getRepository(MetricDefinitionEntity).createQueryBuilder('d').setLock('pessimistic_write').getMany();
    const byKey = new Map(rows.map((r) => [r.key, r]));
    const now = new Date();
    const added: string[] = [];
    const refreshed: string[] = [];
    for (const [i, d] of defaults.entries()) {
      const row = byKey.get(d.key);
      if (!row) {
        await m.createQueryBuilder().insert().into(MetricDefinitionEntity).values({ key: d.key, ...columnsOf(d, i), customized: false, createdAt: now, updatedAt: now }).orIgnore().execute();
        added.push(d.key);
      } else if (!row.customized && differs(row, d, i)) {
        await m.update(MetricDefinitionEntity, { key: d.key }, { ...columnsOf(d, i), updatedAt: now });
        refreshed.push(d.key);
      }
    }
    if (!added.length && !refreshed.length) return { added, refreshed, requeued: 0 };
    // A fresh installation's first seeding is no catalogue change anyone needs to read about.
    if (!rows.length) return { added, refreshed, requeued: 0 };
    const requeued = await requeueOpenPeriods(m, now);
    await writeAudit(m, { action: 'catalogue.sync', entity: 'metric', entityId: null, detail: { added, refreshed, requeued: requeued.length } });
    return { added, refreshed, requeued: requeued.length };
  });
}
