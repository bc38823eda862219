import { Injectable } from '@nestjs/common';
import type { PeriodAggregate } from '@thermocline/analytics';
import type { PeriodEntity } from '@thermocline/db';

/** What follows an aggregation: cold/declining notifications (the notifications feature). */
@Injectable()
export class AfterAggregation {
  async aggregated(_period: PeriodEntity, _result: PeriodAggregate): Promise<void> {
    // Wired by the notifications feature (issue 7).
  }
}
