import { Inject, Injectable } from '@nestjs/common';
import type { ReportEntity } from '@thermocline/db';
import { enqueueAggregate, JobQueues } from '@thermocline/jobs';
import type { PendingDelivery } from '@thermocline/notify';
import { LOGGER } from '@thermocline/server';
import type { EntityManager } from 'typeorm';
import { NotificationHooks } from '../notifications/event-hooks';
import type { Logger } from 'pino';

/**
 * What follows an extraction outside its transaction: re-aggregation of the period and the
 * secretary's notification. Failures here never undo the extraction (they are retried by their own
 * jobs); see the analytics and notifications modules.
 */
@Injectable()
export class AfterExtraction {
  constructor(
    private readonly queues: JobQueues,
    private readonly notifications: NotificationHooks,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** Inside the extraction's transaction: the secretary's notification (see NotificationHooks). */
  notifyWithin(m: EntityManager, report: ReportEntity): Promise<PendingDelivery[]> {
    return this.notifications.extractedWithin(m, report);
  }

  /** After its commit (never throws). */
  async extracted(report: ReportEntity, deliveries: PendingDelivery[]): Promise<void> {
    await this.reaggregate(report);
    await this.notifications.deliver(deliveries);
  }

  /**
   * The period's figures changed; a lost request is caught up by the next change or the analytics
   * tick (every ten minutes). Also called for a job that finds its report already extracted: the
   * attempt that committed it may have died (or lost its connection) before getting here.
   */
  async reaggregate(report: ReportEntity): Promise<void> {
    try {
      await enqueueAggregate(this.queues, report.periodId, `report ${report.id}`);
    } catch (e) {
      this.logger.warn({ reportId: report.id, err: e instanceof Error ? e.message : String(e) }, 'could not enqueue aggregation');
    }
  }

  /** The reason and what to do, to the unit's secretaries (never throws). */
  async failed(report: ReportEntity, reason: string): Promise<void> {
    await this.notifications.failed(report, reason);
  }
}
