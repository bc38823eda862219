import { BadRequestException, Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@thermocline/config';
import { assertPublicTarget, MailSettingsSource, maskSecret, maskUrl, WebhookTargetError } from '@thermocline/notify';
import { Clock, writeAudit } from '@thermocline/runtime';
import { APP_CONFIG } from '@thermocline/server';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthUser } from '../common/auth-user';
import { outOfScope } from '../common/errors';
import type { NotificationDto, NotificationListDto, NotificationQueryDto, PreferencesDto, UpdatePreferencesDto, WebhookInputDto } from './dto/notification.dto';
import { deliveryState, iso, type DeliveryRow } from './rows';

interface NotificationRow {
  id: string;
  kind: string;
  stage: string;
  title: string;
  body: string;
  link: string | null;
  report_id: number | null;
  created_at: Date;
  read_at: Date | null;
  unit_code: string | null;
  unit_name: string | null;
  period_code: string | null;
  period_name: string | null;
}

interface ChannelRow {
  id: number;
  type: string;
  url: string | null;
  secret: string | null;
  enabled: number;
}

const pad = (n: number) => String(n).padStart(2, '0');
const hhmm = (m: number) => `${pad(Math.floor(m / 60))}:${pad(m % 60)}`;

/** Validates a webhook target; an unreachable or private one is a 400 with the reason. */
export async function checkTarget(url: string, allowPrivate: boolean): Promise<void> {
  try {
    await assertPublicTarget(url, allowPrivate);
  } catch (e) {
    throw new BadRequestException(e instanceof WebhookTargetError ? e.message : 'Webhook 地址无效');
  }
}

/** The signed-in user's notification centre and channel preferences. */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly mail: MailSettingsSource,
  ) {}

  async list(user: AuthUser, q: NotificationQueryDto): Promise<NotificationListDto> {
    const limit = q.limit ?? 50;
    const where = ['n.user_id = ?'];
    const params: (number | string)[] = [user.id];
    if (q.before) {
      where.push('n.id < ?');
      params.push(q.before);
    }
    if (q.unread === 'true') where.push('n.read_at IS NULL');
    const rows = (await this.db.query(
      `SELECT n.id, n.kind, n.stage, n.title, n.body, n.link, n.report_id, n.created_at, n.read_at, u.code AS unit_code, u.name AS unit_name, p.code AS period_code, p.name AS period_name
         FROM notifications n LEFT JOIN units u ON u.id = n.unit_id LEFT JOIN periods p ON p.id = n.period_id
        WHERE ${where.join(' AND ')} ORDER BY n.id DESC LIMIT ?`,
      [...params, limit + 1],
    )) as NotificationRow[];
    const page = rows.slice(0, limit);
    const [count] = (await this.db.query('SELECT COUNT(*) AS c FROM notifications WHERE user_id = ? AND read_at IS NULL', [user.id])) as { c: string }[];
    return { items: await this.withDeliveries(page), unread: Number(count?.c ?? 0), nextBefore: rows.length > limit ? Number(page[page.length - 1].id) : null };
  }

  async read(user: AuthUser, id: number): Promise<NotificationDto> {
    await this.db.query('UPDATE notifications SET read_at = COALESCE(read_at, ?) WHERE id = ? AND user_id = ?', [this.clock.now(), id, user.id]);
    const rows = (await this.db.query(
      `SELECT n.id, n.kind, n.stage, n.title, n.body, n.link, n.report_id, n.created_at, n.read_at, u.code AS unit_code, u.name AS unit_name, p.code AS period_code, p.name AS period_name
         FROM notifications n LEFT JOIN units u ON u.id = n.unit_id LEFT JOIN periods p ON p.id = n.period_id WHERE n.id = ? AND n.user_id = ?`,
      [id, user.id],
    )) as NotificationRow[];
    if (!rows.length) throw outOfScope('通知');
    return (await this.withDeliveries(rows))[0];
  }

  async readAll(user: AuthUser): Promise<{ updated: number }> {
    const res = (await this.db.query('UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL', [this.clock.now(), user.id])) as { affectedRows?: number };
    return { updated: Number(res.affectedRows ?? 0) };
  }

  private async withDeliveries(rows: NotificationRow[]): Promise<NotificationDto[]> {
    const ids = rows.map((r) => r.id);
    const deliveries = ids.length
      ? ((await this.db.query(
          `SELECT id, notification_id, channel, status, attempts, last_error, not_before, delivered_at FROM notification_deliveries WHERE notification_id IN (${ids.map(() => '?').join(',')}) ORDER BY id`,
          ids,
        )) as DeliveryRow[])
      : [];
    return rows.map((r) => ({
      id: Number(r.id),
      kind: r.kind,
      stage: r.stage,
      title: r.title,
      body: r.body,
      link: r.link,
      unitCode: r.unit_code,
      unitName: r.unit_name,
      periodCode: r.period_code,
      periodName: r.period_name || r.period_code,
      reportId: r.report_id === null ? null : Number(r.report_id),
      createdAt: new Date(r.created_at).toISOString(),
      readAt: iso(r.read_at),
      deliveries: deliveries.filter((d) => String(d.notification_id) === String(r.id)).map(deliveryState),
    }));
  }

  async preferences(user: AuthUser, m: Pick<EntityManager, 'query'> = this.db): Promise<PreferencesDto> {
    const channels = (await m.query('SELECT id, type, url, secret, enabled FROM notification_channels WHERE user_id = ? ORDER BY id', [user.id])) as ChannelRow[];
    const [me] = (await m.query('SELECT email FROM users WHERE id = ?', [user.id])) as { email: string | null }[];
    const emailRow = channels.find((c) => c.type === 'email');
    const hook = channels.find((c) => c.type !== 'email');
    const emailEnabled = emailRow ? Boolean(Number(emailRow.enabled)) : true;
    const q = this.config.quietHours;
    return {
      inApp: true,
      email: { enabled: emailEnabled, address: me?.email ?? null, active: Boolean((await this.mail.configured()) && me?.email && emailEnabled) },
      webhook: hook
        ? { id: Number(hook.id), type: hook.type, url: maskUrl(hook.url) ?? '', secretSet: Boolean(hook.secret), secretHint: maskSecret(hook.secret), enabled: Boolean(Number(hook.enabled)) }
        : null,
      quietHours: q ? `${hhmm(q.startMinute)}-${hhmm(q.endMinute)}` : null,
    };
  }

  async updatePreferences(user: AuthUser, dto: UpdatePreferencesDto): Promise<PreferencesDto> {
    if (dto.webhook?.url) await checkTarget(dto.webhook.url, this.config.webhookAllowPrivate);
    return this.db.transaction(async (m) => {
      const now = new Date();
      const channels = (await m.query('SELECT id, type, url, secret, enabled FROM notification_channels WHERE user_id = ? ORDER BY id FOR UPDATE', [user.id])) as ChannelRow[];
      const detail: Record<string, string | boolean | null> = {};
      if (dto.email !== undefined) {
        const row = channels.find((c) => c.type === 'email');
        if (row) await m.query('UPDATE notification_channels SET enabled = ?, updated_at = ? WHERE id = ?', [dto.email, now, row.id]);
        else await m.query(`INSERT INTO notification_channels (user_id, type, name, enabled, created_at, updated_at) VALUES (?, 'email', '', ?, ?, ?)`, [user.id, dto.email, now, now]);
        detail.email = dto.email;
      }
      if (dto.webhook !== undefined) {
        const hooks = channels.filter((c) => c.type !== 'email');
        if (dto.webhook === null) {
          if (hooks.length) await m.query(`DELETE FROM notification_channels WHERE id IN (${hooks.map(() => '?').join(',')})`, hooks.map((h) => h.id));
          detail.webhook = null;
        } else {
          await this.saveWebhook(m, user, hooks[0], dto.webhook, now);
          detail.webhookType = dto.webhook.type;
          detail.webhookUrlChanged = dto.webhook.url !== undefined;
          detail.webhookSecretChanged = dto.webhook.secret !== undefined;
        }
      }
      // Secrets stay out of the audit log: it records what changed, not to what.
      await writeAudit(m, { action: 'notifications.preferences', entity: 'user', entityId: user.id, detail });
      return this.preferences(user, m);
    });
  }

  private async saveWebhook(m: EntityManager, user: AuthUser, existing: ChannelRow | undefined, w: WebhookInputDto, now: Date): Promise<void> {
    const secret = w.secret === undefined ? undefined : w.secret === '' ? null : w.secret;
    if (existing) {
      await m.query('UPDATE notification_channels SET type = ?, url = COALESCE(?, url), secret = IF(?, ?, secret), enabled = COALESCE(?, enabled), updated_at = ? WHERE id = ?', [
        w.type,
        w.url ?? null,
        secret !== undefined,
        secret ?? null,
        w.enabled ?? null,
        now,
        existing.id,
      ]);
      return;
    }
    if (!w.url) throw new BadRequestException('请填写 Webhook 地址');
    await m.query(`INSERT INTO notification_channels (user_id, type, name, url, secret, enabled, created_at, updated_at) VALUES (?, ?, '个人', ?, ?, ?, ?, ?)`, [
      user.id,
      w.type,
      w.url,
      secret ?? null,
      w.enabled ?? true,
      now,
      now,
    ]);
  }
}
