import type { Provider } from '@nestjs/common';
import type { AppConfig } from '@thermocline/config';
import { JobQueues } from '@thermocline/jobs';
import { MailSettingsSource, NotificationCentre, ReminderScanner } from '@thermocline/notify';
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
    // SMTP_URL/MAIL_FROM, else the settings an administrator stored (re-read every few seconds).
    provide: MailSettingsSource,
    inject: [DataSource, APP_CONFIG],
    useFactory: (db: DataSource, config: AppConfig) => new MailSettingsSource(db, config),
  },
  {
    provide: NotificationCentre,
    inject: [DataSource, JobQueues, APP_CONFIG, Clock, LOGGER, MailSettingsSource],
    useFactory: (db: DataSource, queues: JobQueues, config: AppConfig, clock: Clock, logger: Logger, mail: MailSettingsSource) =>
      new NotificationCentre(db, queues, config, clock, logger, mail),
  },
  {
    provide: ReminderScanner,
    inject: [DataSource, NotificationCentre, APP_CONFIG, Clock, LOGGER],
    useFactory: (db: DataSource, centre: NotificationCentre, config: AppConfig, clock: Clock, logger: Logger) => new ReminderScanner(db, centre, config, clock, logger),
  },
];
