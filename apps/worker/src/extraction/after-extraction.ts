import { Injectable } from '@nestjs/common';
import type { ReportEntity } from '@thermocline/db';

/**
 * What follows an extraction outside its transaction: re-aggregation of the period and the
 * secretary's notification. Failures here never undo the extraction (they are retried by their own
 * jobs); see the analytics and notifications modules.
 */
@Injectable()
export class AfterExtraction {
  async extracted(_report: ReportEntity): Promise<void> {
    // Wired by the analytics (aggregate) and notifications features.
  }

  async failed(_report: ReportEntity, _reason: string): Promise<void> {
    // Wired by the notifications feature.
  }
}
