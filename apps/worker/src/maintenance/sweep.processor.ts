import { Inject, Injectable } from '@nestjs/common';
import { enqueueExtract, JobQueues, QUEUES } from '@thermocline/jobs';
import type { AppConfig } from '@thermocline/config';
import { APP_CONFIG, LOGGER, REDIS } from '@thermocline/server';
import type IORedis from 'ioredis';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';

const SWEEP_EVERY_MS = 30_000;
/** A report is left alone this long after upload: the api enqueues it itself when Redis is up. */
const GRACE_MS = 5_000;

/**
 * The safety net behind "the row is committed before the job is enqueued": every report still
 * `queued` (its enqueue failed, e.g. Redis was down) or stuck `processing` (its worker died and
 * the job is gone) is enqueued again. The job id is the report id, so a report already in the
 * queue is not added twice.
 */
@Injectable()
export class SweepProcessor {
  constructor(
    private readonly db: DataSource,
    private readonly queues: JobQueues,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REDIS) private readonly redis: IORedis,
  ) {}

  /** Registers the repeating sweep (one scheduler per installation, whatever the worker count). */
  async schedule(): Promise<void> {
    // Whenever Redis comes back after an outage (uploads accepted meanwhile wait in MySQL)…
    // A Redis that lost its data lost the scheduler too, so it is registered again each time.
    this.redis.on('ready', () => void this.sweepSoon('redis-back'));
    // …and once now, so a restart picks up what was left at once.
    await this.sweepSoon('start');
  }

  private async sweepSoon(why: string): Promise<void> {
    try {
      await this.queues.queues.maintenance.upsertJobScheduler('sweep-queued', { every: SWEEP_EVERY_MS }, { name: 'sweep-queued', data: {} });
      // Delayed past the grace period, so uploads made during the outage qualify.
      await this.queues.add('sweep-queued', {}, { jobId: `sweep-${why}-${Date.now()}`, delay: why === 'start' ? 0 : GRACE_MS + 500 });
    } catch (e) {
      this.logger.warn({ err: e instanceof Error ? e.message : String(e) }, 'could not schedule a sweep');
    }
  }

  async run(now = new Date()): Promise<{ enqueued: number }> {
    const stuckAfter = new Date(now.getTime() - (this.config.workerLockMs ?? QUEUES.extraction.lockDuration) * 2);
    const rows = (await this.db.query(
      `SELECT id FROM reports
        WHERE (status = 'queued' AND updated_at < ?) OR (status = 'processing' AND updated_at < ?)
        ORDER BY id LIMIT 5000`,
      [new Date(now.getTime() - GRACE_MS), stuckAfter],
    )) as { id: number }[];
    if (!rows.length) return { enqueued: 0 };
    const queue = this.queues.queues.extraction;
    let enqueued = 0;
    for (const { id } of rows) {
      if (await enqueueExtract(queue, Number(id))) enqueued++;
    }
    if (enqueued) this.logger.info({ enqueued }, 'sweeper enqueued reports left behind');
    return { enqueued };
  }
}
