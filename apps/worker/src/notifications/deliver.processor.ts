import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@thermocline/config';
import { emailMessage, quietUntil, webhookRequest, WEBHOOK_TYPES, type MessageContent, type NotificationKind, type WebhookType } from '@thermocline/notify';
import { Clock } from '@thermocline/runtime';
import { APP_CONFIG, LOGGER } from '@thermocline/server';
import { DelayedError, UnrecoverableError, type Job } from 'bullmq';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { DeliveryRateLimiter } from './rate-limiter';
import { DeliveryError, EmailSender, WebhookSender } from './senders';

interface Row {
  id: string;
  channel: string;
  channel_id: number | null;
  status: string;
  attempts: number;
  notification_id: string;
  kind: NotificationKind;
  title: string;
  body: string;
  link: string | null;
  report_id: number | null;
  created_at: Date;
  email: string | null;
  unit_code: string | null;
  unit_name: string | null;
  period_code: string | null;
  url: string | null;
  secret: string | null;
  channel_enabled: number | null;
}

export type DeliverJob = Pick<Job<{ deliveryId: number }>, 'data' | 'attemptsMade' | 'opts' | 'token' | 'moveToDelayed'>;

/**
 * The `deliver` job: sends one delivery and records the attempt. Quiet hours and the per-channel
 * rate limit put the job back as delayed (no attempt spent); 5xx, timeouts and network errors are
 * retried with exponential backoff; 4xx and bad settings fail at once (UnrecoverableError); the
 * last failure is kept as `failed` with its reason — shown to the recipient and in the admin log.
 */
@Injectable()
export class DeliverProcessor {
  constructor(
    private readonly db: DataSource,
    private readonly email: EmailSender,
    private readonly webhooks: WebhookSender,
    private readonly limiter: DeliveryRateLimiter,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async run(job: DeliverJob): Promise<{ status: string }> {
    const id = job.data.deliveryId;
    const [row] = (await this.db.query(
      `SELECT d.id, d.channel, d.channel_id, d.status, d.attempts, d.notification_id,
              n.kind, n.title, n.body, n.link, n.report_id, n.created_at,
              usr.email, u.code AS unit_code, u.name AS unit_name, p.code AS period_code,
              c.url, c.secret, c.enabled AS channel_enabled
         FROM notification_deliveries d
         JOIN notifications n ON n.id = d.notification_id
         LEFT JOIN users usr ON usr.id = n.user_id
         LEFT JOIN units u ON u.id = n.unit_id
         LEFT JOIN periods p ON p.id = n.period_id
         LEFT JOIN notification_channels c ON c.id = d.channel_id
        WHERE d.id = ?`,
      [id],
    )) as Row[];
    if (!row) return { status: 'gone' };
    if (row.status === 'delivered' || row.status === 'failed') return { status: row.status };

    const now = this.clock.now();
    const until = quietUntil(now, this.config.quietHours, this.config.tzReports);
    if (until) {
      await this.db.query(`UPDATE notification_deliveries SET status = IF(status = 'retrying', status, 'deferred'), not_before = ?, updated_at = ? WHERE id = ?`, [until, now, id]);
      await this.delay(job, until.getTime() - now.getTime());
    }
    const wait = await this.limiter.take(row.channel, row.channel_id);
    if (wait > 0) await this.delay(job, wait);

    const attempt = Number(row.attempts) + 1;
    const last = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    try {
      const code = await this.send(row);
      await this.db.query(
        `UPDATE notification_deliveries SET status = 'delivered', attempts = ?, response_code = ?, last_error = NULL, last_attempt_at = ?, delivered_at = ?, updated_at = ? WHERE id = ?`,
        [attempt, code, now, this.clock.now(), this.clock.now(), id],
      );
      return { status: 'delivered' };
    } catch (e) {
      const err = e instanceof DeliveryError ? e : new DeliveryError(e instanceof Error ? e.message : String(e), false);
      const final = err.permanent || last;
      await this.db.query(`UPDATE notification_deliveries SET status = ?, attempts = ?, response_code = ?, last_error = ?, last_attempt_at = ?, updated_at = ? WHERE id = ?`, [
        final ? 'failed' : 'retrying',
        attempt,
        err.code,
        err.message.slice(0, 500),
        now,
        this.clock.now(),
        id,
      ]);
      // Channel and notification ids only: URLs and secrets never reach the log.
      this.logger.warn({ deliveryId: id, channel: row.channel, channelId: row.channel_id, attempt, final, err: err.message }, 'delivery attempt failed');
      if (err.permanent) throw new UnrecoverableError(err.message);
      throw err;
    }
  }

  /** Puts the job back to wait `ms` without spending an attempt. */
  private async delay(job: DeliverJob, ms: number): Promise<never> {
    await job.moveToDelayed(Date.now() + Math.max(1, ms), job.token);
    throw new DelayedError();
  }

  private async send(row: Row): Promise<number> {
    const content: MessageContent = {
      kind: row.kind,
      title: row.title,
      body: row.body,
      url: row.link ? `${this.config.publicUrl}${row.link}` : null,
      unit: row.unit_code ? { code: row.unit_code, name: row.unit_name ?? row.unit_code } : null,
      periodCode: row.period_code,
      reportId: row.report_id === null ? null : Number(row.report_id),
      notificationId: Number(row.notification_id),
      deliveryId: Number(row.id),
      createdAt: new Date(row.created_at).toISOString(),
    };
    if (row.channel === 'email') {
      if (!row.email) throw new DeliveryError('收件人未设置邮箱地址', true);
      return this.email.send(row.email, emailMessage(content, `${this.config.publicUrl}/account`));
    }
    if (!(WEBHOOK_TYPES as readonly string[]).includes(row.channel)) throw new DeliveryError(`未知的渠道类型 ${row.channel}`, true);
    if (row.channel_id === null || !row.url) throw new DeliveryError('Webhook 渠道已删除', true);
    if (!Number(row.channel_enabled)) throw new DeliveryError('Webhook 渠道已停用', true);
    const request = webhookRequest(row.channel as WebhookType, row.url, row.secret, content, new Date());
    return this.webhooks.send(row.channel as WebhookType, request, [row.url, row.secret]);
  }
}
