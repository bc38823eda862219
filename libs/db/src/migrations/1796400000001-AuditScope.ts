import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Security finding 10: an audit entry's visibility followed its actor's *current* unit, so moving
 * a user revealed their earlier, out-of-scope actions to the new unit's administrators. Each entry
 * now keeps the materialised path of the unit it concerned when it was written.
 *
 * Existing entries get the best answer still available: the unit they name (units, users, reports,
 * channels), else their actor's unit today; what has neither stays NULL (bureau administrators only).
 */
export class AuditScope1796400000001 implements MigrationInterface {
  name = 'AuditScope1796400000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE audit_log ADD COLUMN scope_path VARCHAR(700) CHARACTER SET ascii COLLATE ascii_bin NULL DEFAULT NULL AFTER request_id, ADD KEY ix_audit_scope (scope_path)');
    await q.query("UPDATE audit_log a JOIN units un ON a.entity = 'unit' AND un.code = a.entity_id SET a.scope_path = un.path");
    await q.query(
      "UPDATE audit_log a JOIN users u ON a.entity = 'user' AND a.entity_id REGEXP '^[0-9]+$' AND u.id = CAST(a.entity_id AS UNSIGNED) JOIN units un ON un.id = u.unit_id SET a.scope_path = un.path WHERE a.scope_path IS NULL",
    );
    await q.query(
      "UPDATE audit_log a JOIN reports r ON a.entity = 'report' AND a.entity_id REGEXP '^[0-9]+$' AND r.id = CAST(a.entity_id AS UNSIGNED) JOIN units un ON un.id = r.unit_id SET a.scope_path = un.path WHERE a.scope_path IS NULL",
    );
    await q.query(
      "UPDATE audit_log a JOIN notification_channels c ON a.entity = 'notification_channel' AND a.entity_id REGEXP '^[0-9]+$' AND c.id = CAST(a.entity_id AS UNSIGNED) JOIN units un ON un.id = c.unit_id SET a.scope_path = un.path WHERE a.scope_path IS NULL",
    );
    await q.query('UPDATE audit_log a JOIN users u ON u.id = a.actor_user_id JOIN units un ON un.id = u.unit_id SET a.scope_path = un.path WHERE a.scope_path IS NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE audit_log DROP KEY ix_audit_scope, DROP COLUMN scope_path');
  }
}
