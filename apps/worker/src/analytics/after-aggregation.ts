import { Injectable } from '@nestjs/common';
import type { PeriodAggregate } from '@thermocline/analytics';
import type { PeriodEntity } from '@thermocline/db';
import { NotificationHooks } from '../notifications/event-hooks';

/** What follows an aggregation: cold/declining notifications (the notifications feature). */
@Injectable()
export class AfterAggregation {
  constructor(private readonly notifications: NotificationHooks) {}

  /** Units flagged cold or declining → their secretaries, with the reasons (never throws). */
  async aggregated(period: PeriodEntity, result: PeriodAggregate): Promise<void> {
    await this.notifications.aggregated(period, result);
  }
}
