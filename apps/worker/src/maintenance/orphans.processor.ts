import { Inject, Injectable } from '@nestjs/common';
import { JobQueues } from '@thermocline/jobs';
import { FileStore } from '@thermocline/runtime';
import { LOGGER, REDIS } from '@thermocline/server';
import type IORedis from 'ioredis';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { keepScheduled } from '../keep-scheduled';

const EVERY_MS = 24 * 3600_000;
/** Younger files are left alone: an upload stores its file before its row commits. */
const ORPHAN_GRACE_MS = 24 * 3600_000;

/**
 * An upload keeps its stored original when its transaction was cut off (lost connection, query
 * timeout): the COMMIT may have landed, and deleting the file would lose the report. When it had
 * not, nothing refers to the file. Once a day, such files older than a day — and temporary files
 * a crash left mid-write — are moved to `orphans/` in the store (never deleted: an administrator
 * can move one back).
 */
@Injectable()
export class OrphanSweepProcessor {
  constructor(
    private readonly db: DataSource,
    private readonly store: FileStore,
    private readonly queues: JobQueues,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(REDIS) private readonly redis: IORedis,
  ) {}

  /** One daily scheduler per installation (it fires at once, then every day). */
  schedule(): Promise<void> {
    return keepScheduled(this.redis, this.logger, 'the orphan sweep', () =>
      this.queues.queues.maintenance.upsertJobScheduler('sweep-orphans', { every: EVERY_MS }, { name: 'sweep-orphans', data: {} }),
    );
  }

  async run(now = new Date()): Promise<{ checked: number; quarantined: string[] }> {
    const result = await sweepOrphans(this.db, this.store, now);
    if (result.quarantined.length) this.logger.warn({ count: result.quarantined.length, keys: result.quarantined.slice(0, 20) }, 'originals no report refers to moved to orphans/');
    return result;
  }
}

/** The sweep itself: every original older than the grace that no report row names goes to `orphans/`. */
export async function sweepOrphans(db: DataSource, store: FileStore, now: Date): Promise<{ checked: number; quarantined: string[] }> {
  // Every key at once (one scan, ~60 bytes a report) rather than an IN per batch: storage_key
  // has no index, and a daily job does not justify one.
  const rows = (await db.query('SELECT storage_key FROM reports')) as { storage_key: string }[];
  const referenced = new Set(rows.map((r) => r.storage_key));
  const before = now.getTime() - ORPHAN_GRACE_MS;
  const quarantined: string[] = [];
  let checked = 0;
  for await (const { key, modified } of store.originals()) {
    checked++;
    if (referenced.has(key) || modified.getTime() > before) continue;
    await store.quarantine(key);
    quarantined.push(key);
  }
  return { checked, quarantined };
}
