import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Read-only links for a wall display without a login (大屏, #16.7): an administrator issues one for
 * their unit and revokes it. Only the token's SHA-256 is stored; the token is shown once.
 */
export class WallLinks1796430000000 implements MigrationInterface {
  name = 'WallLinks1796430000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE wall_links (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT,
      unit_id INT UNSIGNED NOT NULL,
      name VARCHAR(100) NOT NULL,
      token_hash CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
      created_by INT UNSIGNED NULL DEFAULT NULL,
      created_at DATETIME(3) NOT NULL,
      revoked_at DATETIME(3) NULL DEFAULT NULL,
      last_used_at DATETIME(3) NULL DEFAULT NULL,
      PRIMARY KEY (id),
      UNIQUE INDEX uq_wall_links_token (token_hash),
      INDEX ix_wall_links_unit (unit_id)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE wall_links');
  }
}
