import { Inject, Injectable } from '@nestjs/common';
import type { PeriodAggregate } from '@thermocline/analytics';
import type { PeriodEntity, ReportEntity } from '@thermocline/db';
import { EventNotifier } from '@thermocline/notify';
import { LOGGER } from '@thermocline/server';
import type { Logger } from 'pino';

/**
 * What the extraction and aggregation hooks call. A notification that cannot be written is logged
 * and never undoes (or retries) the extraction or aggregation it follows.
 */
@Injectable()
export class NotificationHooks {
  constructor(
    private readonly events: EventNotifier,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async extracted(report: ReportEntity): Promise<void> {
    await this.guard('extracted', report.id, () => this.events.extracted(report.id));
  }

  async failed(report: ReportEntity, reason: string): Promise<void> {
    await this.guard('extraction_failed', report.id, () => this.events.failed(report.id, reason));
  }

  async aggregated(period: PeriodEntity, result: PeriodAggregate): Promise<void> {
    const units = result.units
      .filter((u) => u.status === 'reported' && u.flags.some((f) => f.code === 'cold' || f.code === 'declining'))
      .map((u) => ({ unitId: u.unitId, flags: u.flags.filter((f) => f.code === 'cold' || f.code === 'declining').map((f) => ({ code: f.code, reason: f.reason })) }));
    if (!units.length) return;
    await this.guard('flags', period.id, () => this.events.flagged({ id: period.id, code: period.code, dueOn: period.dueOn }, units));
  }

  private async guard(what: string, id: number, work: () => Promise<number>): Promise<void> {
    try {
      await work();
    } catch (e) {
      this.logger.warn({ notification: what, id, err: e instanceof Error ? e.message : String(e) }, 'could not create notifications');
    }
  }
}
