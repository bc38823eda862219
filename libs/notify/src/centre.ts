// Writing notifications: one row per (recipient, period, stage) guarded by a UNIQUE dedupe key,
// inserted with ON DUPLICATE KEY so concurrent writers never fail and never double; the rows this
// call really created get their deliveries (e-mail, webhooks) in the same transaction, and each
// delivery becomes a `deliver` job after commit (held until the end of quiet hours).
// Used by the worker (scans, extraction and aggregation events) and the api ("remind now").

import { randomBytes } from 'node:crypto';
import type { AppConfig } from '@thermocline/config';
import { transactionWithRetry, type JsonObject } from '@thermocline/db';
import type { JobQueues } from '@thermocline/jobs';
import type { Clock } from '@thermocline/runtime';
import type { Logger } from 'pino';
import type { DataSource, EntityManager } from 'typeorm';
import type { MailSettingsSource } from './mail';
import type { Message } from './messages';
import { quietUntil } from './quiet';
import { categoryOf, type NotificationCategory, type NotificationKind } from './types';

export type Recipient = { userId: number } | { unitId: number };

export interface NotificationInput {
  recipient: Recipient;
  /** Part of the dedupe key: reminders are per period. */
  periodId: number | null;
  /** The unit the message is about. */
  unitId: number | null;
  reportId?: number | null;
  /** The rule stage ('due:-7', 'escalate:17', 'extracted:r12', …): the rest of the dedupe key. */
  stage: string;
  message: Message;
  data?: JsonObject | null;
  /** Deliver on this channel only (a channel test), ignoring the recipient's preferences. */
  onlyChannelId?: number;
}

/** (recipient, period, stage): at most one notification each, whatever the number of scans. */
export function dedupeKey(n: Pick<NotificationInput, 'recipient' | 'periodId' | 'stage'>): string {
  const who = 'userId' in n.recipient ? `u${n.recipient.userId}` : `g${n.recipient.unitId}`;
  return `${who}:p${n.periodId ?? 0}:${n.stage}`.slice(0, 191);
}

interface NewRow {
  id: string;
  user_id: number | null;
  recipient_unit_id: number | null;
  kind: NotificationKind;
  dedupe_key: string;
}

interface ChannelRow {
  id: number;
  user_id: number | null;
  unit_id: number | null;
  type: string;
  events: string;
  enabled: number;
}

/** A delivery written with its notification, to become a `deliver` job after commit. */
export interface PendingDelivery {
  id: string;
  /** Milliseconds to hold it (quiet hours). */
  delay: number;
}

export interface NotifyResult {
  /** Notifications this call created (duplicates of earlier ones are not counted). */
  created: number;
  notificationIds: string[];
  deliveryIds: string[];
}

export class NotificationCentre {
  constructor(
    private readonly db: DataSource,
    private readonly queues: JobQueues,
    private readonly config: Pick<AppConfig, 'quietHours' | 'tzReports'>,
    private readonly clock: Clock,
    private readonly logger: Logger,
    /** Whether e-mail is configured (SMTP_URL, or settings stored by an administrator). */
    private readonly mail: Pick<MailSettingsSource, 'configured'>,
  ) {}

  async notify(inputs: NotificationInput[]): Promise<NotifyResult> {
    if (!inputs.length) return { created: 0, notificationIds: [], deliveryIds: [] };
    // Five attempts: concurrent scans on several workers contend for the same unique keys.
    const { result, deliveries } = await transactionWithRetry(this.db, (m) => this.write(m, inputs), 5);
    await this.enqueue(deliveries);
    return result;
  }

  /**
   * What notify() writes, inside the caller's transaction: the notifications commit (or roll back)
   * with the change they announce, so a crash can never keep the one without the other. The caller
   * passes the returned deliveries to enqueue() after its commit (a lost enqueue is caught by the
   * deliver-sweep).
   */
  async write(m: EntityManager, inputs: NotificationInput[]): Promise<{ result: NotifyResult; deliveries: PendingDelivery[] }> {
    if (!inputs.length) return { result: { created: 0, notificationIds: [], deliveryIds: [] }, deliveries: [] };
    const now = this.clock.now();
    const byKey = new Map<string, NotificationInput>();
    for (const n of inputs) byKey.set(dedupeKey(n), n);
    // A stable order keeps concurrent scans from deadlocking on the unique index.
    const keys = [...byKey.keys()].sort();
    const batch = randomBytes(12).toString('hex');
    const until = quietUntil(now, this.config.quietHours, this.config.tzReports);

    const { rows, deliveries } = await (async () => {
      for (let i = 0; i < keys.length; i += 500) {
        const chunk = keys.slice(i, i + 500);
        const values = chunk.map((k) => {
          const n = byKey.get(k) as NotificationInput;
          return [
            k,
            batch,
            'userId' in n.recipient ? n.recipient.userId : null,
            'unitId' in n.recipient ? n.recipient.unitId : null,
            n.unitId,
            n.periodId,
            n.reportId ?? null,
            n.message.kind,
            n.stage.slice(0, 64),
            n.message.title.slice(0, 200),
            n.message.body,
            n.message.link?.slice(0, 500) ?? null,
            n.data ? JSON.stringify(n.data) : null,
            now,
          ];
        });
        await m.query(
          `INSERT INTO notifications (dedupe_key, batch, user_id, recipient_unit_id, unit_id, period_id, report_id, kind, stage, title, body, link, data, created_at)
           VALUES ${values.map(() => '(?,?,?,?,?,?,?,?,?,?,?,?,?,?)').join(',')}
           ON DUPLICATE KEY UPDATE id = id`,
          values.flat(),
        );
      }
      // The rows carrying this call's batch are the ones it created (looked up through the unique key).
      const created: NewRow[] = [];
      for (let i = 0; i < keys.length; i += 500) {
        const chunk = keys.slice(i, i + 500);
        created.push(
          ...((await m.query(`SELECT id, user_id, recipient_unit_id, kind, dedupe_key FROM notifications WHERE dedupe_key IN (${chunk.map(() => '?').join(',')}) AND batch = ?`, [
            ...chunk,
            batch,
          ])) as NewRow[]),
        );
      }
      if (!created.length) return { rows: created, deliveries: [] as PendingDelivery[] };
      const plan = await this.plan(m, created, byKey);
      if (!plan.length) return { rows: created, deliveries: [] as PendingDelivery[] };
      const status = until ? 'deferred' : 'pending';
      for (let i = 0; i < plan.length; i += 1000) {
        const chunk = plan.slice(i, i + 1000);
        await m.query(
          `INSERT INTO notification_deliveries (notification_id, channel, channel_id, status, attempts, not_before, created_at, updated_at)
           VALUES ${chunk.map(() => '(?,?,?,?,0,?,?,?)').join(',')}`,
          chunk.flatMap((p) => [p.notificationId, p.channel, p.channelId, status, until, now, now]),
        );
      }
      // The new notifications had no deliveries before this transaction: all of theirs are new.
      const ids: string[] = [];
      for (let i = 0; i < created.length; i += 500) {
        const chunk = created.slice(i, i + 500).map((r) => r.id);
        const found = (await m.query(`SELECT id FROM notification_deliveries WHERE notification_id IN (${chunk.map(() => '?').join(',')}) ORDER BY id`, chunk)) as { id: string }[];
        ids.push(...found.map((r) => String(r.id)));
      }
      const delay = until ? Math.max(0, until.getTime() - now.getTime()) : 0;
      return { rows: created, deliveries: ids.map((id) => ({ id, delay })) };
    })();
    return { result: { created: rows.length, notificationIds: rows.map((r) => String(r.id)), deliveryIds: deliveries.map((d) => d.id) }, deliveries };
  }

  /** Deliver jobs after commit; a lost enqueue is picked up by the deliver-sweep. */
  async enqueue(deliveries: PendingDelivery[]): Promise<void> {
    if (!deliveries.length) return;
    try {
      for (let i = 0; i < deliveries.length; i += 500) {
        await this.queues.addBulk(
          'deliver',
          deliveries.slice(i, i + 500).map((d) => ({ data: { deliveryId: Number(d.id) }, opts: { jobId: deliverJobId(d.id), delay: d.delay } })),
        );
      }
    } catch (e) {
      this.logger.warn({ deliveries: deliveries.length, err: e instanceof Error ? e.message : String(e) }, 'could not enqueue deliveries; the deliver-sweep will');
    }
  }

  /** Which outgoing channels each new notification goes to. */
  private async plan(m: EntityManager, created: NewRow[], byKey: Map<string, NotificationInput>): Promise<{ notificationId: string; channel: string; channelId: number | null }[]> {
    const userIds = [...new Set(created.map((r) => r.user_id).filter((x): x is number => x !== null))];
    const unitIds = [...new Set(created.map((r) => r.recipient_unit_id).filter((x): x is number => x !== null))];
    const onlyIds = [...new Set(created.map((r) => byKey.get(r.dedupe_key)?.onlyChannelId).filter((x): x is number => x !== undefined))];
    const conditions: string[] = [];
    const params: number[] = [];
    if (userIds.length) {
      conditions.push(`user_id IN (${userIds.map(() => '?').join(',')})`);
      params.push(...userIds);
    }
    if (unitIds.length) {
      conditions.push(`unit_id IN (${unitIds.map(() => '?').join(',')})`);
      params.push(...unitIds);
    }
    if (onlyIds.length) {
      conditions.push(`id IN (${onlyIds.map(() => '?').join(',')})`);
      params.push(...onlyIds);
    }
    const channels = conditions.length ? ((await m.query(`SELECT id, user_id, unit_id, type, events, enabled FROM notification_channels WHERE ${conditions.join(' OR ')}`, params)) as ChannelRow[]) : [];
    const users = userIds.length
      ? ((await m.query(`SELECT id, email, disabled FROM users WHERE id IN (${userIds.map(() => '?').join(',')})`, userIds)) as { id: number; email: string | null; disabled: number }[])
      : [];
    const userById = new Map(users.map((u) => [Number(u.id), u]));
    const emailOn = await this.mail.configured();

    const out: { notificationId: string; channel: string; channelId: number | null }[] = [];
    for (const r of created) {
      const input = byKey.get(r.dedupe_key);
      if (input?.onlyChannelId !== undefined) {
        const c = channels.find((x) => Number(x.id) === input.onlyChannelId);
        if (c && c.type !== 'email') out.push({ notificationId: String(r.id), channel: c.type, channelId: Number(c.id) });
        continue;
      }
      if (r.user_id !== null) {
        const uid = Number(r.user_id);
        const user = userById.get(uid);
        if (!user || Number(user.disabled)) continue;
        const own = channels.filter((c) => c.user_id !== null && Number(c.user_id) === uid);
        const emailPref = own.find((c) => c.type === 'email');
        if (emailOn && user.email && (!emailPref || Number(emailPref.enabled))) out.push({ notificationId: String(r.id), channel: 'email', channelId: null });
        for (const c of own) if (c.type !== 'email' && Number(c.enabled)) out.push({ notificationId: String(r.id), channel: c.type, channelId: Number(c.id) });
      } else if (r.recipient_unit_id !== null) {
        const category = categoryOf(r.kind);
        for (const c of channels) {
          if (c.unit_id === null || Number(c.unit_id) !== Number(r.recipient_unit_id) || !Number(c.enabled) || c.type === 'email') continue;
          if (category && subscribed(c.events).includes(category)) out.push({ notificationId: String(r.id), channel: c.type, channelId: Number(c.id) });
        }
      }
    }
    return out;
  }
}

export const deliverJobId = (deliveryId: string | number): string => `delivery-${deliveryId}`;

/** Categories a unit channel receives ('' → reminders only). */
export function subscribed(events: string): NotificationCategory[] {
  const list = events.split(',').map((s) => s.trim()).filter(Boolean) as NotificationCategory[];
  return list.length ? list : ['reminder'];
}
