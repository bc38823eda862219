import type { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/**
 * Notifications (in-app centre, deduplicated per recipient × period × rule stage), the channels
 * they go out on (users' e-mail and webhooks, units' group-chat robots) and the delivery log.
 */
export class Notifications1764300000000 implements MigrationInterface {
  name = 'Notifications1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE notifications (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
      dedupe_key VARCHAR(191) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
      batch VARCHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
      user_id INT UNSIGNED NULL DEFAULT NULL,
      recipient_unit_id INT UNSIGNED NULL DEFAULT NULL,
      unit_id INT UNSIGNED NULL DEFAULT NULL,
      period_id INT UNSIGNED NULL DEFAULT NULL,
      report_id INT UNSIGNED NULL DEFAULT NULL,
      kind VARCHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
      stage VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
      title VARCHAR(200) NOT NULL,
      body TEXT NOT NULL,
      link VARCHAR(500) NULL DEFAULT NULL,
      data LONGTEXT NULL DEFAULT NULL,
      created_at DATETIME(3) NOT NULL,
      read_at DATETIME(3) NULL DEFAULT NULL,
      PRIMARY KEY (id),
      UNIQUE KEY uq_notifications_dedupe (dedupe_key),
      KEY ix_notifications_user (user_id, id),
      KEY ix_notifications_unread (user_id, read_at),
      KEY ix_notifications_recipient_unit (recipient_unit_id),
      KEY ix_notifications_unit (unit_id),
      KEY ix_notifications_period (period_id),
      KEY ix_notifications_report (report_id),
      CONSTRAINT fk_notifications_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE ON UPDATE RESTRICT,
      CONSTRAINT fk_notifications_recipient_unit FOREIGN KEY (recipient_unit_id) REFERENCES units (id) ON DELETE CASCADE ON UPDATE RESTRICT,
      CONSTRAINT fk_notifications_unit FOREIGN KEY (unit_id) REFERENCES units (id) ON DELETE CASCADE ON UPDATE RESTRICT,
      CONSTRAINT fk_notifications_period FOREIGN KEY (period_id) REFERENCES periods (id) ON DELETE CASCADE ON UPDATE RESTRICT,
      CONSTRAINT fk_notifications_report FOREIGN KEY (report_id) REFERENCES reports (id) ON DELETE SET NULL ON UPDATE RESTRICT
    ) ${TABLE}`);
    await q.query(`CREATE TABLE notification_channels (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT,
      user_id INT UNSIGNED NULL DEFAULT NULL,
      unit_id INT UNSIGNED NULL DEFAULT NULL,
      type VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
      name VARCHAR(100) NOT NULL DEFAULT '',
      url VARCHAR(1000) NULL DEFAULT NULL,
      secret VARCHAR(255) NULL DEFAULT NULL,
      events VARCHAR(255) CHARACTER SET ascii COLLATE ascii_bin NOT NULL DEFAULT '',
      enabled TINYINT(1) NOT NULL DEFAULT 1,
      created_at DATETIME(3) NOT NULL,
      updated_at DATETIME(3) NOT NULL,
      PRIMARY KEY (id),
      KEY ix_channels_user (user_id),
      KEY ix_channels_unit (unit_id),
      CONSTRAINT fk_channels_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE ON UPDATE RESTRICT,
      CONSTRAINT fk_channels_unit FOREIGN KEY (unit_id) REFERENCES units (id) ON DELETE CASCADE ON UPDATE RESTRICT
    ) ${TABLE}`);
    await q.query(`CREATE TABLE notification_deliveries (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
      notification_id BIGINT UNSIGNED NOT NULL,
      channel VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
      channel_id INT UNSIGNED NULL DEFAULT NULL,
      status VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
      attempts SMALLINT UNSIGNED NOT NULL DEFAULT 0,
      last_error VARCHAR(500) NULL DEFAULT NULL,
      response_code SMALLINT UNSIGNED NULL DEFAULT NULL,
      not_before DATETIME(3) NULL DEFAULT NULL,
      last_attempt_at DATETIME(3) NULL DEFAULT NULL,
      delivered_at DATETIME(3) NULL DEFAULT NULL,
      created_at DATETIME(3) NOT NULL,
      updated_at DATETIME(3) NOT NULL,
      PRIMARY KEY (id),
      KEY ix_deliveries_notification (notification_id),
      KEY ix_deliveries_status (status, updated_at),
      KEY ix_deliveries_channel (channel_id, id),
      CONSTRAINT fk_deliveries_notification FOREIGN KEY (notification_id) REFERENCES notifications (id) ON DELETE CASCADE ON UPDATE RESTRICT,
      CONSTRAINT fk_deliveries_channel FOREIGN KEY (channel_id) REFERENCES notification_channels (id) ON DELETE SET NULL ON UPDATE RESTRICT
    ) ${TABLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['notification_deliveries', 'notification_channels', 'notifications']) await q.query(`DROP TABLE ${t}`);
  }
}
