import type { INestApplicationContext } from '@nestjs/common';
import type { JobHandlers } from '@thermocline/jobs';
import { AggregateProcessor } from './analytics/aggregate.processor';
import { AnalyticsTickProcessor } from './analytics/analytics-tick.processor';
import { ExtractProcessor } from './extraction/extract.processor';
import { OrphanSweepProcessor } from './maintenance/orphans.processor';
import { SweepProcessor } from './maintenance/sweep.processor';
import { DeliverProcessor } from './notifications/deliver.processor';
import { ReminderScanProcessor } from './notifications/reminder-scan.processor';

/**
 * Every job name of the registry mapped to its processor. The type makes a missing job a compile
 * error; startWorkers also checks at run time and refuses to start.
 */
export function jobHandlers(app: INestApplicationContext): JobHandlers {
  const extract = app.get(ExtractProcessor);
  const sweep = app.get(SweepProcessor);
  const orphans = app.get(OrphanSweepProcessor);
  const aggregate = app.get(AggregateProcessor);
  const tick = app.get(AnalyticsTickProcessor);
  const reminders = app.get(ReminderScanProcessor);
  const deliver = app.get(DeliverProcessor);
  return {
    extract: (job) => extract.run(job.data.reportId, job),
    'sweep-queued': () => sweep.run(),
    'sweep-orphans': () => orphans.run(),
    aggregate: (job) => aggregate.run(job.data.periodId),
    'analytics-tick': () => tick.run(),
    'reminder-scan': (job) => reminders.run(job.data.periodId),
    'deliver-sweep': () => reminders.sweep(),
    deliver: (job) => deliver.run(job),
  };
}
