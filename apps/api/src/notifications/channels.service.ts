import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@thermocline/config';
import type { UnitEntity } from '@thermocline/db';
import { maskSecret, maskUrl, NotificationCentre, subscribed, testMessage } from '@thermocline/notify';
import { writeAudit } from '@thermocline/runtime';
import { APP_CONFIG } from '@thermocline/server';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../common/auth-user';
import { outOfScope } from '../common/errors';
import type { ChannelDto, CreateChannelDto, DeliveryLogDto, DeliveryQueryDto, UpdateChannelDto } from './dto/notification.dto';
import { checkTarget } from './notifications.service';
import { deliveryState, iso, type DeliveryRow } from './rows';

interface ChannelRow {
  id: number;
  unit_id: number;
  unit_code: string;
  unit_name: string;
  unit_path: string;
  name: string;
  type: string;
  url: string | null;
  secret: string | null;
  events: string;
  enabled: number;
  updated_at: Date;
}

/** Units' group-chat robots (admins) and the delivery log. */
@Injectable()
export class ChannelsService {
  constructor(
    private readonly db: DataSource,
    private readonly centre: NotificationCentre,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(user: AuthUser, unit?: UnitEntity): Promise<ChannelDto[]> {
    const rows = (await this.db.query(
      `SELECT c.id, c.unit_id, u.code AS unit_code, u.name AS unit_name, u.path AS unit_path, c.name, c.type, c.url, c.secret, c.events, c.enabled, c.updated_at
         FROM notification_channels c JOIN units u ON u.id = c.unit_id
        WHERE u.path LIKE ? ${unit ? 'AND u.id = ?' : ''} ORDER BY u.path, c.id`,
      unit ? [`${user.unitPath}%`, unit.id] : [`${user.unitPath}%`],
    )) as ChannelRow[];
    return this.toDtos(rows);
  }

  private async toDtos(rows: ChannelRow[]): Promise<ChannelDto[]> {
    if (!rows.length) return [];
    const ids = rows.map((r) => r.id);
    const marks = ids.map(() => '?').join(',');
    const last = (await this.db.query(
      `SELECT d.id, d.notification_id, d.channel, d.status, d.attempts, d.last_error, d.not_before, d.delivered_at, d.channel_id
         FROM notification_deliveries d WHERE d.id IN (SELECT MAX(id) FROM notification_deliveries WHERE channel_id IN (${marks}) GROUP BY channel_id)`,
      ids,
    )) as (DeliveryRow & { channel_id: number })[];
    const failed = (await this.db.query(`SELECT channel_id, COUNT(*) AS c FROM notification_deliveries WHERE status = 'failed' AND channel_id IN (${marks}) GROUP BY channel_id`, ids)) as { channel_id: number; c: string }[];
    return rows.map((r) => {
      const l = last.find((x) => Number(x.channel_id) === Number(r.id));
      return {
        id: Number(r.id),
        unitCode: r.unit_code,
        unitName: r.unit_name,
        name: r.name,
        type: r.type,
        url: maskUrl(r.url) ?? '',
        secretSet: Boolean(r.secret),
        secretHint: maskSecret(r.secret),
        events: subscribed(r.events),
        enabled: Boolean(Number(r.enabled)),
        lastDelivery: l ? deliveryState(l) : null,
        failedCount: Number(failed.find((x) => Number(x.channel_id) === Number(r.id))?.c ?? 0),
        updatedAt: new Date(r.updated_at).toISOString(),
      };
    });
  }

  private async get(user: AuthUser, id: number): Promise<ChannelRow> {
    const [row] = (await this.db.query(
      `SELECT c.id, c.unit_id, u.code AS unit_code, u.name AS unit_name, u.path AS unit_path, c.name, c.type, c.url, c.secret, c.events, c.enabled, c.updated_at
         FROM notification_channels c JOIN units u ON u.id = c.unit_id WHERE c.id = ?`,
      [id],
    )) as ChannelRow[];
    if (!row || !row.unit_path.startsWith(user.unitPath)) throw outOfScope('通知渠道');
    return row;
  }

  async create(user: AuthUser, unit: UnitEntity, dto: CreateChannelDto): Promise<ChannelDto> {
    await checkTarget(dto.url, this.config.webhookAllowPrivate);
    const now = new Date();
    const id = await this.db.transaction(async (m) => {
      const r = (await m.query(
        'INSERT INTO notification_channels (unit_id, type, name, url, secret, events, enabled, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
        [unit.id, dto.type, dto.name, dto.url, dto.secret || null, (dto.events ?? ['reminder']).join(','), dto.enabled ?? true, now, now],
      )) as { insertId: number };
      await writeAudit(m, { action: 'channel.create', entity: 'notification_channel', entityId: r.insertId, detail: { unit: unit.code, type: dto.type, name: dto.name, events: dto.events ?? ['reminder'] } });
      return r.insertId;
    });
    return (await this.toDtos([await this.get(user, id)]))[0];
  }

  async update(user: AuthUser, id: number, dto: UpdateChannelDto): Promise<ChannelDto> {
    const row = await this.get(user, id);
    if (dto.url) await checkTarget(dto.url, this.config.webhookAllowPrivate);
    const secret = dto.secret === undefined ? undefined : dto.secret === '' ? null : dto.secret;
    await this.db.transaction(async (m) => {
      await m.query(
        'UPDATE notification_channels SET name = COALESCE(?, name), type = COALESCE(?, type), url = COALESCE(?, url), secret = IF(?, ?, secret), events = COALESCE(?, events), enabled = COALESCE(?, enabled), updated_at = ? WHERE id = ?',
        [dto.name ?? null, dto.type ?? null, dto.url ?? null, secret !== undefined, secret ?? null, dto.events ? dto.events.join(',') : null, dto.enabled ?? null, new Date(), id],
      );
      await writeAudit(m, {
        action: 'channel.update',
        entity: 'notification_channel',
        entityId: id,
        detail: { unit: row.unit_code, name: dto.name ?? null, type: dto.type ?? null, events: dto.events ?? null, enabled: dto.enabled ?? null, urlChanged: dto.url !== undefined, secretChanged: secret !== undefined },
      });
    });
    return (await this.toDtos([await this.get(user, id)]))[0];
  }

  async remove(user: AuthUser, id: number): Promise<void> {
    const row = await this.get(user, id);
    await this.db.transaction(async (m) => {
      await m.query('DELETE FROM notification_channels WHERE id = ?', [id]);
      await writeAudit(m, { action: 'channel.delete', entity: 'notification_channel', entityId: id, detail: { unit: row.unit_code, name: row.name } });
    });
  }

  /** Sends a test message through the channel (by the worker, like any delivery). */
  async test(user: AuthUser, id: number): Promise<{ deliveryId: number }> {
    const row = await this.get(user, id);
    const result = await this.centre.notify([
      { recipient: { unitId: Number(row.unit_id) }, periodId: null, unitId: Number(row.unit_id), stage: `test:${id}:${Date.now()}`, message: testMessage(row.name), onlyChannelId: id },
    ]);
    return { deliveryId: Number(result.deliveryIds[0] ?? 0) };
  }

  async deliveries(user: AuthUser, q: DeliveryQueryDto): Promise<DeliveryLogDto> {
    const limit = q.limit ?? 100;
    const base = ['COALESCE(uu.path, gu.path) LIKE ?'];
    const baseParams: (string | number)[] = [`${user.unitPath}%`];
    if (q.channel) {
      base.push('d.channel = ?');
      baseParams.push(q.channel);
    }
    const where = q.status ? [...base, 'd.status = ?'] : base;
    const params = q.status ? [...baseParams, q.status] : baseParams;
    const from = `FROM notification_deliveries d JOIN notifications n ON n.id = d.notification_id
      LEFT JOIN users usr ON usr.id = n.user_id LEFT JOIN units uu ON uu.id = usr.unit_id
      LEFT JOIN units gu ON gu.id = n.recipient_unit_id LEFT JOIN notification_channels c ON c.id = d.channel_id`;
    const page = q.before ? [...where, 'd.id < ?'] : where;
    const rows = (await this.db.query(
      `SELECT d.id, d.notification_id, d.channel, d.channel_id, d.status, d.attempts, d.last_error, d.response_code, d.not_before, d.last_attempt_at, d.delivered_at, d.created_at,
              n.kind, n.title, usr.username, usr.email, gu.code AS group_code, c.url
         ${from} WHERE ${page.join(' AND ')} ORDER BY d.id DESC LIMIT ?`,
      [...params, ...(q.before ? [q.before] : []), limit + 1],
    )) as (DeliveryRow & { channel_id: number | null; response_code: number | null; last_attempt_at: Date | null; created_at: Date; kind: string; title: string; username: string | null; email: string | null; group_code: string | null; url: string | null })[];
    const [failed] = (await this.db.query(`SELECT COUNT(*) AS c ${from} WHERE ${[...base, "d.status = 'failed'"].join(' AND ')}`, baseParams)) as { c: string }[];
    const items = rows.slice(0, limit).map((r) => ({
      ...deliveryState(r),
      notificationId: Number(r.notification_id),
      kind: r.kind,
      title: r.title,
      username: r.username,
      groupUnitCode: r.group_code,
      channelId: r.channel_id === null ? null : Number(r.channel_id),
      target: r.channel === 'email' ? r.email : maskUrl(r.url),
      responseCode: r.response_code === null ? null : Number(r.response_code),
      lastAttemptAt: iso(r.last_attempt_at),
      createdAt: new Date(r.created_at).toISOString(),
    }));
    return { items, failedCount: Number(failed?.c ?? 0), nextBefore: rows.length > limit ? items[items.length - 1].id : null };
  }
}
