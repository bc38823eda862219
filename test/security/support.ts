// Shared by the security specs: the bureau's out-of-scope markers, row counts, seeding helpers.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';

/** A real report text (the corpus sample): extracts to a few dozen mentions. */
export const SOURCE = readFileSync(join(__dirname, '..', 'fixtures', 'documents', 'report-sample.source.txt'), 'utf8');

/**
 * Strings that only the health branch (bureau → health → hospital) carries: an answer given to
 * someone of the edu branch must never contain them.
 */
export const HEALTH_BRANCH_MARKERS = ['hospital', '人民医院党委', '卫健局党委', '医院书记'];

/** Rows of every table a refused request must leave alone (audit rows written by people only). */
export async function countRows(db: DataSource): Promise<Record<string, number>> {
  const tables: Record<string, string> = {
    units: 'SELECT COUNT(*) AS c FROM units',
    users: 'SELECT COUNT(*) AS c FROM users',
    periods: 'SELECT COUNT(*) AS c FROM periods',
    reports: 'SELECT COUNT(*) AS c FROM reports',
    mentions: 'SELECT COUNT(*) AS c FROM mentions',
    metrics: 'SELECT COUNT(*) AS c FROM metric_definitions',
    channels: 'SELECT COUNT(*) AS c FROM notification_channels',
    settings: 'SELECT COUNT(*) AS c FROM settings',
    audit: "SELECT COUNT(*) AS c FROM audit_log WHERE actor <> 'system'",
  };
  const out: Record<string, number> = {};
  for (const [name, sql] of Object.entries(tables)) out[name] = Number(((await db.query(sql)) as { c: string }[])[0].c);
  return out;
}

/** Request ids (X-Request-Id) that left an audit entry: a refused request must leave none. */
export async function auditedRequests(db: DataSource, requestIds: string[]): Promise<string[]> {
  if (!requestIds.length) return [];
  const rows = (await db.query(`SELECT DISTINCT request_id FROM audit_log WHERE request_id IN (${requestIds.map(() => '?').join(',')})`, requestIds)) as { request_id: string }[];
  return rows.map((r) => r.request_id);
}

let notificationSeq = 0;

/** An in-app notification for a user, as the reminder scan would write it. */
export async function insertNotification(db: DataSource, username: string, title: string): Promise<number> {
  const [user] = (await db.query('SELECT id FROM users WHERE username = ?', [username])) as { id: number }[];
  const res = (await db.query(
    "INSERT INTO notifications (dedupe_key, batch, user_id, kind, stage, title, body, created_at) VALUES (?, 'security-test', ?, 'reminder', 'manual:test', ?, '安全测试通知', NOW(3))",
    [`u${user.id}:security:${++notificationSeq}`, user.id, title],
  )) as { insertId: number };
  return Number(res.insertId);
}
