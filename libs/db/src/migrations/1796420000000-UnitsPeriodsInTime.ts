import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Units and periods in time (#15): a unit is active from `active_from` until `active_until`
 * (deletion keeps its row and history), and a period can be closed (`closed_at`) so that its
 * expected units, temperatures and flags are frozen. The stats keep the tree position each unit had
 * when the period was last aggregated, so a closed period is not re-shaped by later moves.
 */
export class UnitsPeriodsInTime1796420000000 implements MigrationInterface {
  name = 'UnitsPeriodsInTime1796420000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE units ADD COLUMN active_from DATE NULL DEFAULT NULL, ADD COLUMN active_until DATE NULL DEFAULT NULL');
    // Existing units: active from the day they were created, as new ones are by default.
    await q.query('UPDATE units SET active_from = DATE(created_at)');
    await q.query('ALTER TABLE units MODIFY COLUMN active_from DATE NOT NULL');
    await q.query('ALTER TABLE periods ADD COLUMN closed_at DATETIME(3) NULL DEFAULT NULL');
    await q.query(
      'ALTER TABLE unit_period_stats ADD COLUMN parent_id INT UNSIGNED NULL DEFAULT NULL, ADD COLUMN level SMALLINT UNSIGNED NULL DEFAULT NULL, ADD COLUMN path VARCHAR(700) CHARACTER SET ascii COLLATE ascii_bin NULL DEFAULT NULL',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE unit_period_stats DROP COLUMN path, DROP COLUMN level, DROP COLUMN parent_id');
    await q.query('ALTER TABLE periods DROP COLUMN closed_at');
    await q.query('ALTER TABLE units DROP COLUMN active_until, DROP COLUMN active_from');
  }
}
