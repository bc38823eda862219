import { Inject, Injectable } from '@nestjs/common';
import type { PeriodAggregate } from '@thermocline/analytics';
import type { PeriodEntity, ReportEntity } from '@thermocline/db';
import { EventNotifier, NotificationCentre, type PendingDelivery } from '@thermocline/notify';
import { LOGGER } from '@thermocline/server';
import type { Logger } from 'pino';
import type { EntityManager } from 'typeorm';

/**
 * What the extraction and aggregation hooks call. A notification that cannot be written is logged
 * and never undoes (or retries) the extraction or aggregation it follows.
 */
@Injectable()
export class NotificationHooks {
  constructor(
    private readonly events: EventNotifier,
    private readonly centre: NotificationCentre,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /**
   * The 'extracted' notification, written in the extraction's own transaction: a worker killed or a
   * database lost right after the commit can no longer leave a report extracted with nobody told.
   * Under a savepoint, so a notification that cannot be written still never undoes the extraction —
   * unless the transaction itself is lost (connection gone, deadlock victim), which is retried whole.
   * Returns the deliveries to enqueue after commit (deliver()).
   */
  async extractedWithin(m: EntityManager, report: ReportEntity): Promise<PendingDelivery[]> {
    await m.query('SAVEPOINT extracted_notification');
    try {
      const deliveries = await this.events.extractedWithin(m, report.id);
      await m.query('RELEASE SAVEPOINT extracted_notification');
      return deliveries;
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (code === 'ER_LOCK_DEADLOCK' || code === 'ER_LOCK_WAIT_TIMEOUT') throw e;
      // Fails too when the connection is gone: then the extraction fails and is retried.
      await m.query('ROLLBACK TO SAVEPOINT extracted_notification').catch(() => Promise.reject(e));
      this.logger.warn({ notification: 'extracted', id: report.id, err: e instanceof Error ? e.message : String(e) }, 'could not create notifications');
      return [];
    }
  }

  /** Enqueues the deliveries of notifications written in a transaction that has committed (never throws). */
  async deliver(deliveries: PendingDelivery[]): Promise<void> {
    await this.centre.enqueue(deliveries);
  }

  async failed(report: ReportEntity, reason: string): Promise<void> {
    await this.guard('extraction_failed', report.id, () => this.events.failed(report.id, reason));
  }

  async aggregated(period: PeriodEntity, result: PeriodAggregate): Promise<void> {
    const units = result.units
      .filter((u) => u.status === 'reported' && u.flags.some((f) => f.code === 'cold' || f.code === 'declining'))
      .map((u) => ({ unitId: u.unitId, flags: u.flags.filter((f) => f.code === 'cold' || f.code === 'declining').map((f) => ({ code: f.code, reason: f.reason })) }));
    if (!units.length) return;
    await this.guard('flags', period.id, () => this.events.flagged({ id: period.id, code: period.code, name: period.name, dueOn: period.dueOn }, units));
  }

  private async guard(what: string, id: number, work: () => Promise<number>): Promise<void> {
    try {
      await work();
    } catch (e) {
      this.logger.warn({ notification: what, id, err: e instanceof Error ? e.message : String(e) }, 'could not create notifications');
    }
  }
}
