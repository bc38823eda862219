import { Inject, Injectable } from '@nestjs/common';
import type { ReportEntity } from '@thermocline/db';
import { enqueueAggregate, JobQueues } from '@thermocline/jobs';
import { LOGGER } from '@thermocline/server';
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
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async extracted(report: ReportEntity): Promise<void> {
    await this.reaggregate(report);
  }

  /** The period's figures changed; a lost request is caught up by the next change or the hourly tick. */
  private async reaggregate(report: ReportEntity): Promise<void> {
    try {
      await enqueueAggregate(this.queues, report.periodId, `report ${report.id}`);
    } catch (e) {
      this.logger.warn({ reportId: report.id, err: e instanceof Error ? e.message : String(e) }, 'could not enqueue aggregation');
    }
  }

  async failed(_report: ReportEntity, _reason: string): Promise<void> {
    // Wired by the notifications feature.
  }
}
