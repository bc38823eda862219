import type { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/**
 * Bulk intake: the files a clerk dropped, held with their proposed units until confirmed (or for a
 * day). The files themselves are in the store; `items` (JSON) points at them.
 */
export class IntakeBatches1796450000000 implements MigrationInterface {
  name = 'IntakeBatches1796450000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE intake_batches (
      id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
      user_id INT UNSIGNED NOT NULL,
      period_id INT UNSIGNED NOT NULL,
      items LONGTEXT NOT NULL,
      created_at DATETIME(3) NOT NULL,
      expires_at DATETIME(3) NOT NULL,
      confirmed_at DATETIME(3) NULL DEFAULT NULL,
      PRIMARY KEY (id),
      KEY ix_intake_batches_expires (expires_at),
      KEY ix_intake_batches_user (user_id),
      KEY ix_intake_batches_period (period_id),
      CONSTRAINT fk_intake_batches_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE ON UPDATE RESTRICT,
      CONSTRAINT fk_intake_batches_period FOREIGN KEY (period_id) REFERENCES periods (id) ON DELETE CASCADE ON UPDATE RESTRICT
    ) ${TABLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE intake_batches');
  }
}
