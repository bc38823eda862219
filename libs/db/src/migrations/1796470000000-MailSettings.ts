import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The SMTP server an administrator enters in the browser (setup wizard or 管理 → 通知渠道), used
 * when SMTP_URL is not set. One row (id 1). The password is stored sealed (AES-256-GCM under a key
 * derived from the installation's `secrets.key`), never in plain text.
 */
export class MailSettings1796470000000 implements MigrationInterface {
  name = 'MailSettings1796470000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE mail_settings (
      id TINYINT UNSIGNED NOT NULL,
      host VARCHAR(255) NOT NULL,
      port SMALLINT UNSIGNED NOT NULL,
      secure TINYINT(1) NOT NULL,
      username VARCHAR(255) NULL DEFAULT NULL,
      password_sealed VARCHAR(2048) CHARACTER SET ascii COLLATE ascii_bin NULL DEFAULT NULL,
      from_address VARCHAR(320) NOT NULL,
      updated_at DATETIME(3) NOT NULL,
      updated_by INT UNSIGNED NULL DEFAULT NULL,
      PRIMARY KEY (id)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE mail_settings');
  }
}
