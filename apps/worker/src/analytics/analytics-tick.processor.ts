import { Inject, Injectable } from '@nestjs/common';
import { deadlineFor } from '@thermocline/analytics';
import type { AppConfig } from '@thermocline/config';
import { enqueueAggregate, JobQueues } from '@thermocline/jobs';
import { Clock } from '@thermocline/runtime';
import { APP_CONFIG, LOGGER, REDIS } from '@thermocline/server';
import type IORedis from 'ioredis';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { keepScheduled } from '../keep-scheduled';

/**
 * The safety net of the analytics. Time alone changes them: when a due date passes, the units that
 * have not reported become `missing_report`. And a re-aggregation request can be lost (Redis away
 * at that moment). Every ten minutes, a period is aggregated again when its deadline passed, or a
 * report, a review or the unit tree changed, after its last aggregation.
 */
@Injectable()
export class AnalyticsTickProcessor {
  constructor(
    private readonly db: DataSource,
    private readonly queues: JobQueues,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    @Inject(REDIS) private readonly redis: IORedis,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** Fires at once, then every ten minutes; back with a Redis that lost it (and the requests lost with it). */
  schedule(): Promise<void> {
    return keepScheduled(this.redis, this.logger, 'the analytics tick', () =>
      this.queues.queues.analytics.upsertJobScheduler('analytics-tick', { every: 600_000 }, { name: 'analytics-tick', data: {} }),
    );
  }

  async run(now = this.clock.now()): Promise<{ enqueued: number }> {
    const rows = (await this.db.query(
      `SELECT p.id, DATE_FORMAT(p.due_on, '%Y-%m-%d') AS due_on, p.updated_at, a.computed_at,
              (SELECT MAX(r.updated_at) FROM reports r WHERE r.period_id = p.id) AS last_report,
              (SELECT MAX(m.updated_at) FROM mentions m JOIN reports r ON r.id = m.report_id WHERE r.period_id = p.id) AS last_review
         FROM periods p LEFT JOIN period_aggregations a ON a.period_id = p.id
        WHERE p.closed_at IS NULL`,
    )) as { id: number; due_on: string; updated_at: Date; computed_at: Date | null; last_report: Date | null; last_review: Date | null }[];
    const [tree] = (await this.db.query('SELECT MAX(updated_at) AS at FROM units')) as { at: Date | null }[];
    let enqueued = 0;
    for (const r of rows) {
      const deadline = deadlineFor(r.due_on, this.config.tzReports);
      const computed = r.computed_at ? new Date(r.computed_at).getTime() : -Infinity;
      const changedSince = [r.updated_at, r.last_report, r.last_review, tree?.at ?? null].some((t) => t !== null && new Date(t).getTime() > computed);
      const deadlinePassed = now >= deadline && computed < deadline.getTime();
      if (changedSince || deadlinePassed) {
        await enqueueAggregate(this.queues, Number(r.id), deadlinePassed ? 'deadline passed' : 'changed since last aggregation');
        enqueued++;
      }
    }
    return { enqueued };
  }
}
