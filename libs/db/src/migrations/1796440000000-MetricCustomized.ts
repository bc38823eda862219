import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `metric_definitions.customized`: an administrator's edit is kept when the shipped catalogue
 * changes (Catalogue.sync refreshes only the rows without it).
 *
 * Existing rows are marked from their history, not by comparing them with today's shipped
 * default: seeding writes created_at = updated_at, and only an administrator's PUT/POST changes a
 * row after that. Comparing with the default would mark every row that still holds an OLDER
 * default vocabulary as "customized" and so freeze exactly the rows that need the refresh.
 * Metrics an administrator created (keys not in the default catalogue) are customized too.
 */
export class MetricCustomized1796440000000 implements MigrationInterface {
  name = 'MetricCustomized1796440000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE metric_definitions ADD COLUMN customized TINYINT(1) NOT NULL DEFAULT 0');
    await q.query('UPDATE metric_definitions SET customized = 1 WHERE updated_at > created_at');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE metric_definitions DROP COLUMN customized');
  }
}
