import { Module, type DynamicModule } from '@nestjs/common';
import { CoreModule, type CoreModuleOptions } from '@thermocline/server';
import { AfterAggregation } from './analytics/after-aggregation';
import { AggregateProcessor } from './analytics/aggregate.processor';
import { AnalyticsTickProcessor } from './analytics/analytics-tick.processor';
import { AfterExtraction } from './extraction/after-extraction';
import { ExtractProcessor } from './extraction/extract.processor';
import { JobRunner } from './job-runner';
import { OrphanSweepProcessor } from './maintenance/orphans.processor';
import { SweepProcessor } from './maintenance/sweep.processor';
import { DeliverProcessor } from './notifications/deliver.processor';
import { NotificationHooks } from './notifications/event-hooks';
import { WORKER_NOTIFY_PROVIDERS } from './notifications/notify.providers';
import { DeliveryRateLimiter } from './notifications/rate-limiter';
import { ReminderScanProcessor } from './notifications/reminder-scan.processor';
import { EmailSender, WebhookSender } from './notifications/senders';

/** The worker: BullMQ processors only, over the same libraries as the api. */
@Module({})
export class WorkerModule {
  static forRoot(core: Omit<CoreModuleOptions, 'service'>): DynamicModule {
    return {
      module: WorkerModule,
      imports: [CoreModule.forRoot({ ...core, service: 'worker' })],
      providers: [JobRunner, ExtractProcessor, SweepProcessor, OrphanSweepProcessor, AfterExtraction, AggregateProcessor, AfterAggregation, AnalyticsTickProcessor,
        ...WORKER_NOTIFY_PROVIDERS, NotificationHooks, ReminderScanProcessor, DeliverProcessor, DeliveryRateLimiter, EmailSender, WebhookSender],
    };
  }
}
