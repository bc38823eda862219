import { Inject, Injectable } from '@nestjs/common';
import { enqueueAggregate, JobQueues } from '@thermocline/jobs';
import { LOGGER } from '@thermocline/server';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';

/**
 * Tells the worker that figures changed (a review, a unit edit, new weights…), so the affected
 * periods are re-aggregated. Requests coalesce in the queue; if Redis is away the worker's
 * ten-minute tick notices the change by its timestamps and catches up.
 */
@Injectable()
export class AnalyticsEvents {
  constructor(
    private readonly db: DataSource,
    private readonly queues: JobQueues,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async periodChanged(periodId: number, reason: string): Promise<void> {
    try {
      await enqueueAggregate(this.queues, periodId, reason);
    } catch (e) {
      this.logger.warn({ periodId, reason, err: e instanceof Error ? e.message : String(e) }, 'could not enqueue aggregation; the worker tick will');
    }
  }

  /** The tree, the settings or the catalogue changed: every period is affected. */
  async allPeriodsChanged(reason: string): Promise<void> {
    const rows = (await this.db.query('SELECT id FROM periods')) as { id: number }[];
    for (const r of rows) await this.periodChanged(Number(r.id), reason);
  }
}
