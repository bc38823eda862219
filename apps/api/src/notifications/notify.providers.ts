import type { Provider } from '@nestjs/common';
import type { AppConfig } from '@thermocline/config';
import { JobQueues } from '@thermocline/jobs';
import { NotificationCentre, ReminderScanner } from '@thermocline/notify';
import { APP_CONFIG, Clock, LOGGER } from '@thermocline/server';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';

/** The api writes notifications itself for "remind now" and channel tests; the worker delivers them. */
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
