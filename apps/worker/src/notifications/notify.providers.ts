import type { Provider } from '@nestjs/common';
import type { AppConfig } from '@thermocline/config';
import { EventNotifier, NotificationCentre } from '@thermocline/notify';
import { Clock } from '@thermocline/runtime';
import { APP_CONFIG, NOTIFY_PROVIDERS } from '@thermocline/server';
import { DataSource } from 'typeorm';

/** The shared notification providers (libs/server), and the event notifier only the worker uses (after extraction and aggregation). */
export const WORKER_NOTIFY_PROVIDERS: Provider[] = [
  ...NOTIFY_PROVIDERS,
  {
    provide: EventNotifier,
    inject: [DataSource, NotificationCentre, APP_CONFIG, Clock],
    useFactory: (db: DataSource, centre: NotificationCentre, config: AppConfig, clock: Clock) => new EventNotifier(db, centre, config, clock),
  },
];
