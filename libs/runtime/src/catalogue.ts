import type { MetricDefinition } from '@thermocline/extraction';
import { MetricDefinitionEntity, openDatabase } from '@thermocline/db';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { syncCatalogue, type CatalogueSyncResult } from './catalogue-sync';
import { PinoTypeormLogger } from './logger';

/**
 * The metric catalogue lives in MySQL (admins edit it); this reads it for the extractor and syncs
 * it with the shipped default at start. Admin edits (`customized`) are never overwritten.
 */
export class Catalogue {
  private cache: { stamp: string; definitions: MetricDefinition[] } | null = null;

  constructor(private readonly db: DataSource) {}

  /** Start-up step: adds missing default keys and refreshes the non-customized ones (see syncCatalogue). */
  static sync(db: DataSource): Promise<CatalogueSyncResult> {
    return syncCatalogue(db);
  }

  /** A stamp that changes whenever any definition changes (cheap to check before every job). */
  async stamp(): Promise<string> {
    const [row] = (await this.db.query('SELECT COUNT(*) AS n, MAX(updated_at) AS at FROM metric_definitions')) as { n: number | string; at: Date | null }[];
    return `${row?.n ?? 0}:${row?.at ? new Date(row.at).getTime() : 0}`;
  }

  /** Every definition (enabled or not), merged from the row's columns over its stored JSON. */
  async all(): Promise<MetricDefinition[]> {
    const stamp = await this.stamp();
    if (this.cache?.stamp === stamp) return this.cache.definitions;
    const rows = await this.db.getRepository(MetricDefinitionEntity).find({ order: { sortOrder: 'ASC', key: 'ASC' } });
    const definitions = rows.map((r) => toDefinition(r));
    this.cache = { stamp, definitions };
    return definitions;
  }

  /** Definitions the extractor uses. */
  async enabled(): Promise<MetricDefinition[]> {
    return (await this.all()).filter((d) => d.enabled !== false);
  }
}

export function toDefinition(r: MetricDefinitionEntity): MetricDefinition {
  const stored = r.definition as unknown as Partial<MetricDefinition>;
  return {
    ...stored,
    key: r.key,
    name: r.name,
    category: r.category,
    normalization: r.normalization === 'per_unit' ? 'per_unit' : 'per100',
    weight: r.weight,
    enabled: r.enabled,
    measureWords: stored.measureWords ?? [],
    triggers: stored.triggers ?? [],
  };
}

/** Connects, migrates and syncs the default catalogue: the start-up step of api and worker. */
export async function openAppDatabase(
  url: string,
  options: { poolSize?: number; log?: Logger; queryTimeoutMs?: number } = {},
): Promise<{ dataSource: DataSource; migrated: string[]; synced: CatalogueSyncResult }> {
  const { poolSize, log, queryTimeoutMs } = options;
  const { dataSource, migrated } = await openDatabase({ url, poolSize, queryTimeoutMs, logger: log ? new PinoTypeormLogger(log) : undefined });
  const synced = await Catalogue.sync(dataSource);
  if (synced.refreshed.length || synced.requeued) log?.info(synced, 'metric catalogue synced with the shipped default; open periods re-extract');
  return { dataSource, migrated, synced };
}
