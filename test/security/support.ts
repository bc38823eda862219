// Shared by the security specs: the bureau's out-of-scope markers, row counts, seeding helpers.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
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

export interface RawReply {
  status: number;
  headers: Headers;
  body: Record<string, unknown> | string;
}

/** Sends exact bytes (the test Client JSON-encodes anything that is not a string or a form). */
export async function sendRaw(base: string, token: string | undefined, method: string, path: string, body: Buffer | undefined, contentType?: string): Promise<RawReply> {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (contentType) headers['content-type'] = contentType;
  const res = await fetch(base + path, { method, headers, body: body ? new Uint8Array(body) : undefined });
  const type = res.headers.get('content-type') ?? '';
  return { status: res.status, headers: res.headers, body: type.includes('json') ? ((await res.json()) as Record<string, unknown>) : await res.text() };
}

/** A multipart body built by hand, so a file name can carry any bytes (NUL, CR LF, bidi controls). */
export function multipart(fields: Record<string, string>, file?: { field?: string; name: Buffer | string | { star: string }; bytes: Buffer }): { body: Buffer; type: string } {
  const boundary = `----tcsec${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (file) {
    const name = file.name;
    // { star }: the RFC 5987 form (filename*=UTF-8''…), which can carry control characters a raw header cannot.
    const disposition =
      typeof name === 'object' && !Buffer.isBuffer(name)
        ? [Buffer.from(`filename*=UTF-8''${encodeURIComponent(name.star)}`)]
        : [Buffer.from('filename="'), Buffer.isBuffer(name) ? name : Buffer.from(name), Buffer.from('"')];
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${file.field ?? 'file'}"; `), ...disposition);
    parts.push(Buffer.from('\r\nContent-Type: application/octet-stream\r\n\r\n'), file.bytes, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), type: `multipart/form-data; boundary=${boundary}` };
}

/**
 * A ZIP written by hand, so an entry can declare sizes that are not true (`declared`): the central
 * directory and local header say `declared` bytes, the data inflates to whatever it inflates to.
 */
export function handmadeZip(entries: { name: string; data: Buffer; method: 0 | 8; size: number; declared?: number }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const size = e.declared ?? e.size;
    const crc = e.method === 0 ? crc32(e.data) : 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(e.method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.data);
    centrals.push(central, name);
    offset += local.length + name.length + e.data.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}
