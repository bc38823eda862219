import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { jsonText, type JsonObject } from '../json';
import { PeriodEntity } from './period.entity';
import { ReportEntity } from './report.entity';
import { UnitEntity } from './unit.entity';
import { UserEntity } from './user.entity';

/**
 * One message to one recipient: a user (shown in their notification centre) or a unit's group
 * chat (delivered to the unit's webhooks only). `dedupe_key` names (recipient, period, rule stage)
 * and is UNIQUE: scans on any number of processes insert with ON DUPLICATE KEY, so each stage
 * reaches each recipient exactly once.
 */
@Entity('notifications')
@Index('ix_notifications_user', ['userId', 'id'])
@Index('ix_notifications_unread', ['userId', 'readAt'])
export class NotificationEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id!: string;

  /** 'u<userId>|g<unitId>:p<periodId>:<stage>' — see libs/notify. */
  @Index('uq_notifications_dedupe', { unique: true })
  @Column({ name: 'dedupe_key', type: 'varchar', length: 191, charset: 'ascii', collation: 'ascii_bin' })
  dedupeKey!: string;

  /** The insert that created the row: tells a scan which of its rows were new. */
  @Column({ type: 'varchar', length: 32, charset: 'ascii', collation: 'ascii_bin' })
  batch!: string;

  @Column({ name: 'user_id', type: 'int', unsigned: true, nullable: true, default: null })
  userId!: number | null;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_notifications_user' })
  user?: UserEntity;

  /** Set instead of user_id for a message to a unit's group chat. */
  @Index('ix_notifications_recipient_unit')
  @Column({ name: 'recipient_unit_id', type: 'int', unsigned: true, nullable: true, default: null })
  recipientUnitId!: number | null;

  @ManyToOne(() => UnitEntity, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'recipient_unit_id', foreignKeyConstraintName: 'fk_notifications_recipient_unit' })
  recipientUnit?: UnitEntity;

  /** The unit the message is about. */
  @Index('ix_notifications_unit')
  @Column({ name: 'unit_id', type: 'int', unsigned: true, nullable: true, default: null })
  unitId!: number | null;

  @ManyToOne(() => UnitEntity, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'fk_notifications_unit' })
  unit?: UnitEntity;

  @Index('ix_notifications_period')
  @Column({ name: 'period_id', type: 'int', unsigned: true, nullable: true, default: null })
  periodId!: number | null;

  @ManyToOne(() => PeriodEntity, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'period_id', foreignKeyConstraintName: 'fk_notifications_period' })
  period?: PeriodEntity;

  @Index('ix_notifications_report')
  @Column({ name: 'report_id', type: 'int', unsigned: true, nullable: true, default: null })
  reportId!: number | null;

  @ManyToOne(() => ReportEntity, { onDelete: 'SET NULL', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'report_id', foreignKeyConstraintName: 'fk_notifications_report' })
  report?: ReportEntity;

  @Column({ type: 'varchar', length: 32, charset: 'ascii', collation: 'ascii_bin' })
  kind!: string;

  @Column({ type: 'varchar', length: 64, charset: 'ascii', collation: 'ascii_bin' })
  stage!: string;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'text' })
  body!: string;

  /** Path in the web app ('/reports/12'). */
  @Column({ type: 'varchar', length: 500, nullable: true, default: null })
  link!: string | null;

  @Column({ type: 'longtext', nullable: true, default: null, transformer: jsonText })
  data!: JsonObject | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;

  @Column({ name: 'read_at', type: 'datetime', precision: 3, nullable: true, default: null })
  readAt!: Date | null;
}

/**
 * Where notifications go besides the in-app centre: a user's e-mail preference or personal webhook,
 * or a unit's group-chat robot (managed by admins). Secrets stay here; the api masks them.
 */
@Entity('notification_channels')
export class NotificationChannelEntity {
  @PrimaryGeneratedColumn({ type: 'int', unsigned: true })
  id!: number;

  @Index('ix_channels_user')
  @Column({ name: 'user_id', type: 'int', unsigned: true, nullable: true, default: null })
  userId!: number | null;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_channels_user' })
  user?: UserEntity;

  @Index('ix_channels_unit')
  @Column({ name: 'unit_id', type: 'int', unsigned: true, nullable: true, default: null })
  unitId!: number | null;

  @ManyToOne(() => UnitEntity, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'fk_channels_unit' })
  unit?: UnitEntity;

  /** email | generic | wecom | dingtalk | feishu */
  @Column({ type: 'varchar', length: 16, charset: 'ascii', collation: 'ascii_bin' })
  type!: string;

  @Column({ type: 'varchar', length: 100, default: '' })
  name!: string;

  /** Secret: robot URLs carry their access token. */
  @Column({ type: 'varchar', length: 1000, nullable: true, default: null })
  url!: string | null;

  /** Secret: the signing secret (generic HMAC, DingTalk 加签, Feishu 签名校验). */
  @Column({ type: 'varchar', length: 255, nullable: true, default: null })
  secret!: string | null;

  /** Unit channels: comma-separated categories (reminder, escalation, extraction, flag). */
  @Column({ type: 'varchar', length: 255, charset: 'ascii', collation: 'ascii_bin', default: '' })
  events!: string;

  @Column({ type: 'boolean', default: true })
  enabled!: boolean;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt!: Date;
}

/** One notification on one outgoing channel: the delivery log (attempts, last error, delivered at). */
@Entity('notification_deliveries')
@Index('ix_deliveries_status', ['status', 'updatedAt'])
@Index('ix_deliveries_channel', ['channelId', 'id'])
export class NotificationDeliveryEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id!: string;

  @Index('ix_deliveries_notification')
  @Column({ name: 'notification_id', type: 'bigint', unsigned: true })
  notificationId!: string;

  @ManyToOne(() => NotificationEntity, { onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'notification_id', foreignKeyConstraintName: 'fk_deliveries_notification' })
  notification?: NotificationEntity;

  /** email | generic | wecom | dingtalk | feishu */
  @Column({ type: 'varchar', length: 16, charset: 'ascii', collation: 'ascii_bin' })
  channel!: string;

  /** The webhook channel (null for e-mail, which goes to the recipient's address). */
  @Column({ name: 'channel_id', type: 'int', unsigned: true, nullable: true, default: null })
  channelId!: number | null;

  @ManyToOne(() => NotificationChannelEntity, { onDelete: 'SET NULL', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'channel_id', foreignKeyConstraintName: 'fk_deliveries_channel' })
  channelRow?: NotificationChannelEntity;

  /** pending | deferred | retrying | delivered | failed */
  @Column({ type: 'varchar', length: 16, charset: 'ascii', collation: 'ascii_bin' })
  status!: string;

  @Column({ type: 'smallint', unsigned: true, default: 0 })
  attempts!: number;

  @Column({ name: 'last_error', type: 'varchar', length: 500, nullable: true, default: null })
  lastError!: string | null;

  /** HTTP status or SMTP reply code of the last attempt. */
  @Column({ name: 'response_code', type: 'smallint', unsigned: true, nullable: true, default: null })
  responseCode!: number | null;

  /** Held until then by quiet hours. */
  @Column({ name: 'not_before', type: 'datetime', precision: 3, nullable: true, default: null })
  notBefore!: Date | null;

  @Column({ name: 'last_attempt_at', type: 'datetime', precision: 3, nullable: true, default: null })
  lastAttemptAt!: Date | null;

  @Column({ name: 'delivered_at', type: 'datetime', precision: 3, nullable: true, default: null })
  deliveredAt!: Date | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt!: Date;
}
