import type { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/**
 * Pre-aggregated analytics the dashboard reads (never recomputed from text on a request), the
 * admin-editable analytics settings, and re-extraction runs.
 */
export class Analytics1764200000000 implements MigrationInterface {
  name = 'Analytics1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE unit_period_stats (
      period_id INT UNSIGNED NOT NULL,
      unit_id INT UNSIGNED NOT NULL,
      report_id INT UNSIGNED NULL DEFAULT NULL,
      status VARCHAR(16) NOT NULL,
      temperature DOUBLE NULL DEFAULT NULL,
      components LONGTEXT NULL DEFAULT NULL,
      totals LONGTEXT NOT NULL,
      facts LONGTEXT NULL DEFAULT NULL,
      flags LONGTEXT NOT NULL,
      flag_codes VARCHAR(255) CHARACTER SET ascii COLLATE ascii_bin NOT NULL DEFAULT '',
      computed_at DATETIME(3) NOT NULL,
      PRIMARY KEY (period_id, unit_id),
      KEY ix_ups_unit (unit_id, period_id),
      CONSTRAINT fk_ups_period FOREIGN KEY (period_id) REFERENCES periods (id) ON DELETE CASCADE ON UPDATE RESTRICT,
      CONSTRAINT fk_ups_unit FOREIGN KEY (unit_id) REFERENCES units (id) ON DELETE CASCADE ON UPDATE RESTRICT
    ) ${TABLE}`);
    await q.query(`CREATE TABLE unit_period_metrics (
      period_id INT UNSIGNED NOT NULL,
      metric_key VARCHAR(64) NOT NULL,
      unit_id INT UNSIGNED NOT NULL,
      total DOUBLE NOT NULL,
      normalized DOUBLE NOT NULL,
      score DOUBLE NULL DEFAULT NULL,
      PRIMARY KEY (period_id, metric_key, unit_id),
      KEY ix_upm_unit (unit_id, metric_key, period_id),
      CONSTRAINT fk_upm_period FOREIGN KEY (period_id) REFERENCES periods (id) ON DELETE CASCADE ON UPDATE RESTRICT,
      CONSTRAINT fk_upm_unit FOREIGN KEY (unit_id) REFERENCES units (id) ON DELETE CASCADE ON UPDATE RESTRICT
    ) ${TABLE}`);
    await q.query(`CREATE TABLE period_aggregations (
      period_id INT UNSIGNED NOT NULL,
      computed_at DATETIME(3) NOT NULL,
      duration_ms INT UNSIGNED NOT NULL,
      unit_count INT UNSIGNED NOT NULL,
      PRIMARY KEY (period_id),
      CONSTRAINT fk_pa_period FOREIGN KEY (period_id) REFERENCES periods (id) ON DELETE CASCADE ON UPDATE RESTRICT
    ) ${TABLE}`);
    await q.query(`CREATE TABLE settings (
      name VARCHAR(64) NOT NULL,
      value LONGTEXT NOT NULL,
      updated_at DATETIME(3) NOT NULL,
      updated_by INT UNSIGNED NULL DEFAULT NULL,
      PRIMARY KEY (name)
    ) ${TABLE}`);
    await q.query(`CREATE TABLE reextract_runs (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT,
      period_id INT UNSIGNED NOT NULL,
      report_ids LONGTEXT NOT NULL,
      total INT UNSIGNED NOT NULL,
      requested_by INT UNSIGNED NULL DEFAULT NULL,
      started_at DATETIME(3) NOT NULL,
      PRIMARY KEY (id),
      KEY ix_reextract_period (period_id, started_at),
      CONSTRAINT fk_reextract_period FOREIGN KEY (period_id) REFERENCES periods (id) ON DELETE CASCADE ON UPDATE RESTRICT
    ) ${TABLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['reextract_runs', 'settings', 'period_aggregations', 'unit_period_metrics', 'unit_period_stats']) await q.query(`DROP TABLE ${t}`);
  }
}
