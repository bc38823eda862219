import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What one installation keeps to itself, apart from the admin-edited `settings`: the generated
 * signing secret (when JWT_SECRET is unset), the one-time setup code, and the mark that setup is
 * complete. Names are primary keys, so "created once" and "completed once" are the database's
 * guarantee even with several api and worker processes starting together.
 */
export class Installation1796410000000 implements MigrationInterface {
  name = 'Installation1796410000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE installation (
      name VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
      value VARCHAR(255) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
      created_at DATETIME(3) NOT NULL,
      PRIMARY KEY (name)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    // An installation that already has users was set up before the wizard existed.
    await q.query(`INSERT INTO installation (name, value, created_at)
      SELECT 'setup.completed', 'before-wizard', NOW(3) FROM DUAL WHERE EXISTS (SELECT 1 FROM users)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE installation');
  }
}
