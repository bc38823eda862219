import type { Provider } from '@nestjs/common';
import type { AppConfig } from '@thermocline/config';
import { JobQueues } from '@thermocline/jobs';
import { NotificationCentre, ReminderScanner } from '@thermocline/notify';
import { Clock } from '@thermocline/runtime';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { APP_CONFIG, LOGGER } from './tokens';

/**
 * The framework-free notification classes of @thermocline/notify as Nest providers: the api writes
 * notifications itself ("remind now", channel tests), the worker scans and delivers.
 */
export const NOTIFY_PROVIDERS: Provider[] = [
  {
    provide: NotificationCentre,
    inject: [DataSource, JobQueues, APP_CONFIG, Clock, LOGGER],
    useFactory: (db: DataSource, queues: JobQueues, config: AppConfig, clock: Clock, logger: Logger) => new NotificationCentre(db, queues, config, clock, logger),
  },
  {
    provide: ReminderScanner,
    inject: [DataSource, NotificationCentre, APP_CONFIG, Clock, LOGGER],
    useFactory: (db: DataSource, centre: NotificationCentre, config: AppConfig, clock: Clock, logger: Logger) => new ReminderScanner(db, centre, config, clock, logger),
  },
];
