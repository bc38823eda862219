import { DEFAULT_CATALOGUE, type MetricDefinition } from '@thermocline/extraction';
import { MetricDefinitionEntity, openDatabase } from '@thermocline/db';
import type { Logger } from 'pino';
import type { DataSource, EntityManager } from 'typeorm';
import { PinoTypeormLogger } from './logger';

/**
 * The metric catalogue lives in MySQL (admins edit it); this reads it for the extractor and seeds
 * the default catalogue's missing keys at start. Admin edits are never overwritten by seeding.
 */
export class Catalogue {
  private cache: { stamp: string; definitions: MetricDefinition[] } | null = null;

  constructor(private readonly db: DataSource) {}

  /** Inserts every default metric whose key is missing. Returns the keys added. */
  static async seed(manager: EntityManager): Promise<string[]> {
    const existing = new Set((await manager.getRepository(MetricDefinitionEntity).find({ select: { key: true } })).map((d) => d.key));
    const missing = DEFAULT_CATALOGUE.filter((d) => !existing.has(d.key));
    if (!missing.length) return [];
    const now = new Date();
    await manager
      .createQueryBuilder()
      .insert()
      .into(MetricDefinitionEntity)
      .values(
        missing.map((d) => ({
          key: d.key,
          name: d.name,
          category: d.category,
          normalization: d.normalization,
          weight: d.weight,
          enabled: d.enabled !== false,
          sortOrder: DEFAULT_CATALOGUE.indexOf(d),
          // JSON columns defeat TypeORM's deep-partial typing.
          definition: d as never,
          createdAt: now,
          updatedAt: now,
        })),
      )
      .orIgnore()
      .execute();
    return missing.map((d) => d.key);
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

/** Connects, migrates and seeds the default catalogue: the start-up step of api and worker. */
export async function openAppDatabase(
  url: string,
  options: { poolSize?: number; log?: Logger; queryTimeoutMs?: number } = {},
): Promise<{ dataSource: DataSource; migrated: string[]; seeded: string[] }> {
  const { poolSize, log, queryTimeoutMs } = options;
  const { dataSource, migrated } = await openDatabase({ url, poolSize, queryTimeoutMs, logger: log ? new PinoTypeormLogger(log) : undefined });
  const seeded = await Catalogue.seed(dataSource.manager);
  return { dataSource, migrated, seeded };
}
