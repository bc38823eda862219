import { DEFAULT_ASSESSMENT_RULES } from '@thermocline/analytics';
import type { EntityManager } from 'typeorm';

// The rules versions a period is scored with, as plain functions over an EntityManager so that
// closing a period (periods.service.ts) pins them in its own transaction without depending on the
// assessment module.

/** Stores the default 细则 as version 1 when there is no version yet (INSERT IGNORE: at most once). */
export async function ensureDefaultRules(m: EntityManager, now: Date): Promise<void> {
  const [row] = (await m.query('SELECT id FROM assessment_rules ORDER BY id DESC LIMIT 1')) as { id: number }[];
  if (row) return;
  await m.query(`INSERT IGNORE INTO assessment_rules (id, rules, note, created_by, created_by_name, created_at) VALUES (1, ?, '默认细则', NULL, '', ?)`, [
    JSON.stringify(DEFAULT_ASSESSMENT_RULES),
    now,
  ]);
}

/** Pins the rules in force to a period being closed: it keeps being scored with them. Idempotent. */
export async function pinAssessmentRules(m: EntityManager, periodId: number, now: Date): Promise<void> {
  await ensureDefaultRules(m, now);
  await m.query('INSERT IGNORE INTO assessment_period_rules (period_id, rules_version, pinned_at) SELECT ?, MAX(id), ? FROM assessment_rules', [periodId, now]);
}

/** A re-opened period follows the rules in force again. */
export async function unpinAssessmentRules(m: EntityManager, periodId: number): Promise<void> {
  await m.query('DELETE FROM assessment_period_rules WHERE period_id = ?', [periodId]);
}
