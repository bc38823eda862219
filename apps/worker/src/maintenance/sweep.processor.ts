import { Inject, Injectable } from '@nestjs/common';
import { enqueueExtract, JobQueues, QUEUES } from '@thermocline/jobs';
import { LOGGER } from '@thermocline/server';
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
  ) {}

  /** Registers the repeating sweep (one scheduler per installation, whatever the worker count). */
  async schedule(): Promise<void> {
    await this.queues.queues.maintenance.upsertJobScheduler('sweep-queued', { every: SWEEP_EVERY_MS }, { name: 'sweep-queued', data: {} });
    // And once now, so a restart picks up what was left at once.
    await this.queues.add('sweep-queued', {}, { jobId: `sweep-at-start-${Date.now()}` });
  }

  async run(now = new Date()): Promise<{ enqueued: number }> {
    const stuckAfter = new Date(now.getTime() - QUEUES.extraction.lockDuration * 2);
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
