import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@thermocline/config';
import { JobQueues } from '@thermocline/jobs';
import { deliverJobId, NotificationCentre, ReminderScanner, type ScanResult } from '@thermocline/notify';
import { Clock } from '@thermocline/runtime';
import { APP_CONFIG, LOGGER, REDIS } from '@thermocline/server';
import type IORedis from 'ioredis';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { keepScheduled } from '../keep-scheduled';

const SWEEP_EVERY_MS = 5 * 60_000;
/** A delivery untouched this long while not final, with no job in the queue, was lost. */
const LOST_AFTER_MS = 10 * 60_000;

/**
 * The `reminder-scan` job (daily at REMINDER_HOUR in TZ_REPORTS, one scheduler for the whole
 * installation however many workers upsert it) and the `deliver-sweep` safety net.
 */
@Injectable()
export class ReminderScanProcessor {
  constructor(
    private readonly scanner: ReminderScanner,
    private readonly centre: NotificationCentre,
    private readonly queues: JobQueues,
    private readonly db: DataSource,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(REDIS) private readonly redis: IORedis,
  ) {}

  /** The daily scan at REMINDER_HOUR in TZ_REPORTS, and the deliver-sweep. */
  schedule(): Promise<void> {
    const q = this.queues.queues.notifications;
    return keepScheduled(this.redis, this.logger, 'the reminder scan', async () => {
      await q.upsertJobScheduler('reminder-scan', { pattern: `0 ${this.config.reminderHour} * * *`, tz: this.config.tzReports }, { name: 'reminder-scan', data: {} });
      await q.upsertJobScheduler('deliver-sweep', { every: SWEEP_EVERY_MS }, { name: 'deliver-sweep', data: {} });
    });
  }

  run(periodId?: number): Promise<ScanResult> {
    return this.scanner.scan(periodId === undefined ? {} : { periodId });
  }

  /** Re-enqueues deliveries whose job is gone; marks failed those whose job failed without saying so. */
  async sweep(): Promise<{ requeued: number; failed: number }> {
    const now = this.clock.now();
    const rows = (await this.db.query(
      `SELECT id, status, not_before FROM notification_deliveries WHERE status IN ('pending', 'deferred', 'retrying') AND updated_at < ? ORDER BY id LIMIT 1000`,
      [new Date(now.getTime() - LOST_AFTER_MS)],
    )) as { id: string; status: string; not_before: Date | null }[];
    const queue = this.queues.queues.deliver;
    const lost: { id: string; delay: number }[] = [];
    let failed = 0;
    for (const r of rows) {
      const job = await queue.getJob(deliverJobId(r.id));
      const state = job ? await job.getState() : 'unknown';
      if (state === 'failed') {
        await this.db.query(`UPDATE notification_deliveries SET status = 'failed', last_error = COALESCE(last_error, '重试次数已用尽'), updated_at = ? WHERE id = ? AND status <> 'delivered'`, [now, r.id]);
        failed++;
        continue;
      }
      if (state !== 'completed' && state !== 'unknown') continue;
      if (job) await job.remove().catch(() => undefined);
      lost.push({ id: String(r.id), delay: r.not_before ? Math.max(0, new Date(r.not_before).getTime() - now.getTime()) : 0 });
    }
    await this.centre.enqueue(lost);
    if (lost.length || failed) this.logger.info({ requeued: lost.length, failed }, 'deliver-sweep');
    return { requeued: lost.length, failed };
  }
}
