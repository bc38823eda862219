import type { MigrationInterface, QueryRunner } from 'typeorm';

// Runs unchanged on MySQL 8 and MariaDB 10.11: utf8mb4_unicode_ci (not the MySQL-only _0900_
// collations), datetime(3), JSON kept in LONGTEXT (see json.ts).
const TABLE = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

export class Foundation1764000000000 implements MigrationInterface {
  name = 'Foundation1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE units (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT,
      code VARCHAR(64) NOT NULL,
      name VARCHAR(200) NOT NULL,
      parent_id INT UNSIGNED NULL,
      level SMALLINT UNSIGNED NOT NULL,
      path VARCHAR(700) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
      member_count INT UNSIGNED NOT NULL DEFAULT 0,
      created_at DATETIME(3) NOT NULL,
      updated_at DATETIME(3) NOT NULL,
      PRIMARY KEY (id),
      UNIQUE KEY uq_units_code (code),
      KEY ix_units_parent (parent_id),
      KEY ix_units_path (path),
      CONSTRAINT fk_units_parent FOREIGN KEY (parent_id) REFERENCES units (id) ON DELETE RESTRICT ON UPDATE RESTRICT
    ) ${TABLE}`);
    await q.query(`CREATE TABLE users (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT,
      username VARCHAR(64) NOT NULL,
      display_name VARCHAR(100) NOT NULL,
      role VARCHAR(16) NOT NULL,
      unit_id INT UNSIGNED NOT NULL,
      email VARCHAR(254) NULL,
      password_hash VARCHAR(255) NOT NULL,
      disabled TINYINT(1) NOT NULL DEFAULT 0,
      token_version INT UNSIGNED NOT NULL DEFAULT 0,
      last_login_at DATETIME(3) NULL,
      created_at DATETIME(3) NOT NULL,
      updated_at DATETIME(3) NOT NULL,
      PRIMARY KEY (id),
      UNIQUE KEY uq_users_username (username),
      KEY ix_users_unit (unit_id),
      CONSTRAINT fk_users_unit FOREIGN KEY (unit_id) REFERENCES units (id) ON DELETE RESTRICT ON UPDATE RESTRICT,
      CONSTRAINT ck_users_role CHECK (role IN ('admin', 'leader', 'secretary'))
    ) ${TABLE}`);
    await q.query(`CREATE TABLE periods (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT,
      code VARCHAR(32) NOT NULL,
      name VARCHAR(100) NOT NULL,
      starts_on DATE NOT NULL,
      ends_on DATE NOT NULL,
      due_on DATE NOT NULL,
      created_at DATETIME(3) NOT NULL,
      updated_at DATETIME(3) NOT NULL,
      PRIMARY KEY (id),
      UNIQUE KEY uq_periods_code (code),
      KEY ix_periods_ends (ends_on)
    ) ${TABLE}`);
    await q.query(`CREATE TABLE audit_log (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
      at DATETIME(3) NOT NULL,
      actor_user_id INT UNSIGNED NULL,
      actor VARCHAR(64) NOT NULL,
      action VARCHAR(64) NOT NULL,
      entity VARCHAR(32) NOT NULL,
      entity_id VARCHAR(64) NULL,
      request_id VARCHAR(64) NULL,
      detail LONGTEXT NULL,
      PRIMARY KEY (id),
      KEY ix_audit_at (at),
      KEY ix_audit_entity (entity, entity_id)
    ) ${TABLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE audit_log');
    await q.query('DROP TABLE periods');
    await q.query('DROP TABLE users');
    await q.query('DROP TABLE units');
  }
}
