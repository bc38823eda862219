import type { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/** Reports (unit × period × version), their text, and what the extractor read from them. */
export class Ingestion1764100000000 implements MigrationInterface {
  name = 'Ingestion1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE metric_definitions (
      \`key\` VARCHAR(64) NOT NULL,
      name VARCHAR(100) NOT NULL,
      category VARCHAR(32) NOT NULL,
      normalization VARCHAR(16) NOT NULL,
      weight DOUBLE NOT NULL DEFAULT 1,
      enabled TINYINT(1) NOT NULL DEFAULT 1,
      sort_order INT NOT NULL DEFAULT 0,
      definition LONGTEXT NOT NULL,
      created_at DATETIME(3) NOT NULL,
      updated_at DATETIME(3) NOT NULL,
      PRIMARY KEY (\`key\`)
    ) ${TABLE}`);
    await q.query(`CREATE TABLE reports (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT,
      unit_id INT UNSIGNED NOT NULL,
      period_id INT UNSIGNED NOT NULL,
      version SMALLINT UNSIGNED NOT NULL,
      status VARCHAR(16) NOT NULL,
      error_code VARCHAR(64) NULL DEFAULT NULL,
      error VARCHAR(500) NULL DEFAULT NULL,
      original_name VARCHAR(255) NOT NULL,
      format VARCHAR(8) NOT NULL,
      mime VARCHAR(100) NOT NULL,
      size_bytes INT UNSIGNED NOT NULL,
      sha256 CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
      storage_key VARCHAR(255) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
      uploaded_by INT UNSIGNED NULL DEFAULT NULL,
      submitted_at DATETIME(3) NOT NULL,
      late TINYINT(1) NOT NULL DEFAULT 0,
      attempts SMALLINT UNSIGNED NOT NULL DEFAULT 0,
      extracted_at DATETIME(3) NULL DEFAULT NULL,
      extraction_ms INT UNSIGNED NULL DEFAULT NULL,
      text_chars INT UNSIGNED NULL DEFAULT NULL,
      specificity DOUBLE NULL DEFAULT NULL,
      fingerprint VARCHAR(512) CHARACTER SET ascii COLLATE ascii_bin NULL DEFAULT NULL,
      placeholder_count SMALLINT UNSIGNED NOT NULL DEFAULT 0,
      created_at DATETIME(3) NOT NULL,
      updated_at DATETIME(3) NOT NULL,
      PRIMARY KEY (id),
      UNIQUE KEY uq_reports_version (unit_id, period_id, version),
      UNIQUE KEY uq_reports_bytes (unit_id, period_id, sha256),
      KEY ix_reports_period (period_id, unit_id),
      KEY ix_reports_status (status, updated_at),
      CONSTRAINT fk_reports_unit FOREIGN KEY (unit_id) REFERENCES units (id) ON DELETE RESTRICT ON UPDATE RESTRICT,
      CONSTRAINT fk_reports_period FOREIGN KEY (period_id) REFERENCES periods (id) ON DELETE RESTRICT ON UPDATE RESTRICT,
      CONSTRAINT ck_reports_status CHECK (status IN ('queued', 'processing', 'extracted', 'failed'))
    ) ${TABLE}`);
    await q.query(`CREATE TABLE report_texts (
      report_id INT UNSIGNED NOT NULL,
      text LONGTEXT NOT NULL,
      PRIMARY KEY (report_id),
      CONSTRAINT fk_report_texts_report FOREIGN KEY (report_id) REFERENCES reports (id) ON DELETE CASCADE ON UPDATE RESTRICT
    ) ${TABLE}`);
    await q.query(`CREATE TABLE mentions (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
      report_id INT UNSIGNED NOT NULL,
      metric_key VARCHAR(64) NOT NULL,
      value DOUBLE NOT NULL,
      approx TINYINT(1) NOT NULL DEFAULT 0,
      unit_word VARCHAR(16) NOT NULL DEFAULT '',
      subset TINYINT(1) NOT NULL DEFAULT 0,
      evidence_start INT UNSIGNED NOT NULL,
      evidence_end INT UNSIGNED NOT NULL,
      evidence_text VARCHAR(1000) NOT NULL,
      origin VARCHAR(8) NOT NULL,
      state VARCHAR(16) NOT NULL,
      original_key VARCHAR(64) NULL DEFAULT NULL,
      original_value DOUBLE NULL DEFAULT NULL,
      reviewed_by INT UNSIGNED NULL DEFAULT NULL,
      reviewed_at DATETIME(3) NULL DEFAULT NULL,
      created_at DATETIME(3) NOT NULL,
      updated_at DATETIME(3) NOT NULL,
      PRIMARY KEY (id),
      KEY ix_mentions_report (report_id, metric_key),
      CONSTRAINT fk_mentions_report FOREIGN KEY (report_id) REFERENCES reports (id) ON DELETE CASCADE ON UPDATE RESTRICT,
      CONSTRAINT ck_mentions_origin CHECK (origin IN ('auto', 'manual')),
      CONSTRAINT ck_mentions_state CHECK (state IN ('unreviewed', 'confirmed', 'corrected', 'rejected'))
    ) ${TABLE}`);
    await q.query(`CREATE TABLE report_items (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
      report_id INT UNSIGNED NOT NULL,
      kind VARCHAR(16) NOT NULL,
      ord SMALLINT UNSIGNED NOT NULL,
      text VARCHAR(2000) NOT NULL,
      evidence_start INT UNSIGNED NOT NULL,
      evidence_end INT UNSIGNED NOT NULL,
      PRIMARY KEY (id),
      KEY ix_report_items_report (report_id, kind, ord),
      CONSTRAINT fk_report_items_report FOREIGN KEY (report_id) REFERENCES reports (id) ON DELETE CASCADE ON UPDATE RESTRICT,
      CONSTRAINT ck_report_items_kind CHECK (kind IN ('problem', 'plan', 'placeholder'))
    ) ${TABLE}`);
    await q.query(`CREATE TABLE cadences (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
      report_id INT UNSIGNED NOT NULL,
      metric_key VARCHAR(64) NOT NULL,
      per VARCHAR(16) NOT NULL,
      times SMALLINT UNSIGNED NOT NULL,
      evidence_start INT UNSIGNED NOT NULL,
      evidence_end INT UNSIGNED NOT NULL,
      evidence_text VARCHAR(1000) NOT NULL,
      PRIMARY KEY (id),
      KEY ix_cadences_report (report_id),
      CONSTRAINT fk_cadences_report FOREIGN KEY (report_id) REFERENCES reports (id) ON DELETE CASCADE ON UPDATE RESTRICT
    ) ${TABLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['cadences', 'report_items', 'mentions', 'report_texts', 'reports', 'metric_definitions']) await q.query(`DROP TABLE ${t}`);
  }
}
