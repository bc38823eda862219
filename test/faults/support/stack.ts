// The fault suite's stack: a private MariaDB and a private AOF Redis (both killable), the real api
// in-process on them (the integration harness), a bureau of branches with one secretary each, and
// helpers that read the database over fresh connections (never the api's pool, whose recovery is
// one of the things under test).
import { rm } from 'node:fs/promises';
import { createConnection } from 'mysql2/promise';
import { demoReport, DEMO_UNITS } from '../../../apps/api/src/cli/demo-data';
import { ADMIN_PASSWORD, startHarness, type Harness } from '../../support/harness';
import { firstSignIn } from '../../support/bureau';
import { Client } from '../../support/http';
import { PrivateMariaDB } from './mariadb';
import { AofRedis } from './redis';

export const SECRETARY_PASSWORD = 'Branch-Pass-2026';
export const PERIOD = '2099-H1';

export interface FaultStack {
  mariadb: PrivateMariaDB;
  redis: AofRedis;
  h: Harness;
  database: string;
  admin: Client;
  /** Fresh connection per call: works across database restarts. */
  q<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

export async function startFaultStack(overrides: Record<string, string> = {}): Promise<FaultStack> {
  const mariadb = await PrivateMariaDB.create();
  let redis: AofRedis | undefined;
  try {
    redis = await AofRedis.create();
    const database = 'thermocline_faults';
    const h = await startHarness({ DATABASE_URL: `${mariadb.url}/${database}`, REDIS_URL: redis.url, ...overrides });
    const admin = await new Client(h.url).login('admin', ADMIN_PASSWORD);
    const r = redis;
    return {
      mariadb,
      redis,
      h,
      database,
      admin,
      async q<T>(sql: string, params: unknown[] = []) {
        const c = await createConnection({ host: '127.0.0.1', port: mariadb.port, user: 'root', database, connectTimeout: 3000 });
        try {
          const [rows] = await c.query(sql, params);
          return rows as T[];
        } finally {
          await c.end();
        }
      },
      async close() {
        await h.app.close().catch(() => undefined);
        await rm(h.config.storageDir, { recursive: true, force: true });
        await r.destroy();
        await mariadb.destroy();
      },
    };
  } catch (e) {
    await redis?.destroy();
    await mariadb.destroy();
    throw e;
  }
}

export interface Branch {
  code: string;
  secretary: string;
}

/** `committees` level-1 units under the bureau, `perCommittee` branches under each, a secretary per branch. */
export async function createBranches(admin: Client, committees: number, perCommittee: number): Promise<Branch[]> {
  const post = async (path: string, body: unknown) => {
    const r = await admin.post(path, body);
    if (r.status !== 201) throw new Error(`${path}: ${r.status} ${JSON.stringify(r.body)}`);
  };
  const branches: Branch[] = [];
  for (let c = 0; c < committees; c++) {
    await post('/api/units', { code: `c${c}`, name: `第${c + 1}党委`, parentCode: 'bureau', memberCount: 40 + c });
    for (let b = 0; b < perCommittee; b++) {
      const code = `c${c}-b${b}`;
      await post('/api/units', { code, name: `第${c + 1}党委第${b + 1}支部`, parentCode: `c${c}`, memberCount: 12 + ((c * 7 + b * 5) % 40) });
      branches.push({ code, secretary: `sec-${code}` });
    }
  }
  // Users one after the other is slow (password hashing); a few at a time.
  for (let i = 0; i < branches.length; i += 5) {
    await Promise.all(
      branches.slice(i, i + 5).map((b) =>
        post('/api/users', { username: b.secretary, displayName: `${b.code}书记`, role: 'secretary', unitCode: b.code, password: SECRETARY_PASSWORD, email: `${b.secretary}@example.gov.cn` }),
      ),
    );
  }
  await post('/api/users', { username: 'leader', displayName: '局领导', role: 'leader', unitCode: 'bureau', password: SECRETARY_PASSWORD });
  // Admin-made passwords must be replaced at the first sign-in; the tests keep using them.
  const names = ['leader', ...branches.map((b) => b.secretary)];
  for (let i = 0; i < names.length; i += 5) await Promise.all(names.slice(i, i + 5).map((n) => firstSignIn(admin.as(undefined), n, SECRETARY_PASSWORD)));
  const p = await admin.post('/api/periods', { code: PERIOD, startsOn: '2099-01-01', endsOn: '2099-06-30', dueOn: '2099-07-10' });
  if (p.status !== 201) throw new Error(`period: ${p.status} ${JSON.stringify(p.body)}`);
  return branches;
}

/** A distinct, realistic report text per index (numbers and heat vary). */
export function reportText(i: number): string {
  const unit = { ...DEMO_UNITS[1 + (i % (DEMO_UNITS.length - 1))], code: `u${i}` };
  return `${demoReport(unit, { code: `p${i}`, name: '2099年上半年' }, 0.2 + ((i * 37) % 80) / 100)}\n（第 ${i} 份）`;
}
