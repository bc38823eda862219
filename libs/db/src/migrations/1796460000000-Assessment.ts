import type { MigrationInterface, QueryRunner } from 'typeorm';

const TABLE = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/**
 * 年度考核 (issue #20): versions of the 考核细则 (every save a new row, never updated), the scores
 * people enter (manual items and overrides of automatic ones, with their reason), and the rules
 * version a period was pinned to when it closed.
 */
export class Assessment1796460000000 implements MigrationInterface {
  name = 'Assessment1796460000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE assessment_rules (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT,
      rules LONGTEXT NOT NULL,
      note VARCHAR(200) NOT NULL DEFAULT '',
      created_by INT UNSIGNED NULL DEFAULT NULL,
      created_by_name VARCHAR(64) NOT NULL DEFAULT '',
      created_at DATETIME(3) NOT NULL,
      PRIMARY KEY (id),
      CONSTRAINT fk_assessment_rules_user FOREIGN KEY (created_by) REFERENCES users (id) ON DELETE SET NULL ON UPDATE RESTRICT
    ) ${TABLE}`);
    await q.query(`CREATE TABLE assessment_scores (
      period_id INT UNSIGNED NOT NULL,
      unit_id INT UNSIGNED NOT NULL,
      item_id VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
      score DOUBLE NOT NULL,
      note VARCHAR(500) NOT NULL,
      updated_by INT UNSIGNED NULL DEFAULT NULL,
      updated_by_name VARCHAR(64) NOT NULL DEFAULT '',
      updated_at DATETIME(3) NOT NULL,
      PRIMARY KEY (period_id, unit_id, item_id),
      KEY ix_assessment_scores_unit (unit_id),
      CONSTRAINT fk_assessment_scores_period FOREIGN KEY (period_id) REFERENCES periods (id) ON DELETE CASCADE ON UPDATE RESTRICT,
      CONSTRAINT fk_assessment_scores_unit FOREIGN KEY (unit_id) REFERENCES units (id) ON DELETE CASCADE ON UPDATE RESTRICT,
      CONSTRAINT fk_assessment_scores_user FOREIGN KEY (updated_by) REFERENCES users (id) ON DELETE SET NULL ON UPDATE RESTRICT
    ) ${TABLE}`);
    await q.query(`CREATE TABLE assessment_period_rules (
      period_id INT UNSIGNED NOT NULL,
      rules_version INT UNSIGNED NOT NULL,
      pinned_at DATETIME(3) NOT NULL,
      PRIMARY KEY (period_id),
      KEY ix_assessment_period_rules_version (rules_version),
      CONSTRAINT fk_apr_period FOREIGN KEY (period_id) REFERENCES periods (id) ON DELETE CASCADE ON UPDATE RESTRICT,
      CONSTRAINT fk_apr_rules FOREIGN KEY (rules_version) REFERENCES assessment_rules (id) ON DELETE RESTRICT ON UPDATE RESTRICT
    ) ${TABLE}`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['assessment_period_rules', 'assessment_scores', 'assessment_rules']) await q.query(`DROP TABLE ${t}`);
  }
}
