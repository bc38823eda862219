// Backup and restore: scripts/backup.sh of a running installation (a database user with a password
// full of URL and shell metacharacters), scripts/restore.sh into a fresh database and an empty file
// store, and an api started on the copy finds every report — its original downloadable byte for
// byte, its text, mentions (reviews included) and the dashboard as they were. restore.sh refuses a
// database that already has tables.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { createBureau, PASSWORD } from '../support/bureau';
import { ADMIN_PASSWORD, deleteRedisPrefix, startHarness, type Harness } from '../support/harness';
import { Client } from '../support/http';
import { TestRedis, waitFor } from '../support/redis-server';
import { fixture, settled, upload } from '../support/reports';
import { WorkerProcess } from '../support/worker-process';
import { PrivateMariaDB } from './support/mariadb';
import { reportText } from './support/stack';

const ROOT = join(__dirname, '..', '..');
const DB_PASSWORD = `Bk:p@ss/w"rd'$(x) #1`;

/** Runs one of scripts/; `out` is stdout and stderr together, `stdout` alone. */
function sh(script: string, args: string[], env: Record<string, string>): Promise<{ code: number; out: string; stdout: string }> {
  return new Promise((resolve) => {
    execFile('bash', [join(ROOT, 'scripts', script), ...args], { env: { PATH: process.env.PATH ?? '', ...env }, timeout: 120_000 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
      resolve({ code, out: `${stdout}${stderr}`, stdout });
    });
  });
}

interface Snapshot {
  reports: unknown[];
  details: unknown[];
  mentions: unknown[];
  files: Buffer[];
  gap: unknown;
}

async function snapshot(admin: Client, leader: Client, ids: number[]): Promise<Snapshot> {
  const ok = <T>(r: { status: number; body: T }, what: string): T => {
    if (r.status !== 200) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  const files: Buffer[] = [];
  for (const id of ids) files.push(ok(await admin.get<Buffer>(`/api/reports/${id}/file`), `file ${id}`));
  return {
    reports: ok(await admin.get<unknown[]>('/api/reports'), 'list'),
    details: await Promise.all(ids.map(async (id) => ok(await admin.get(`/api/reports/${id}`), `detail ${id}`))),
    mentions: await Promise.all(ids.map(async (id) => ok(await admin.get(`/api/reports/${id}/mentions`), `mentions ${id}`))),
    files,
    gap: ok(await leader.get('/api/dashboard/gap?period=2099-H1'), 'gap'),
  };
}

describe('backup.sh and restore.sh', () => {
  let mariadb: PrivateMariaDB;
  let redis: TestRedis;
  let source: Harness | undefined;
  let restored: Harness | undefined;
  let worker: WorkerProcess | undefined;
  const dirs: string[] = [];
  const tmp = async (prefix: string) => {
    const d = await mkdtemp(join(tmpdir(), prefix));
    dirs.push(d);
    return d;
  };

  beforeAll(async () => {
    mariadb = await PrivateMariaDB.create();
    redis = await TestRedis.create();
    const root = await createConnection({ host: '127.0.0.1', port: mariadb.port, user: 'root' });
    await root.query(`CREATE USER 'tc_app'@'%' IDENTIFIED BY ?`, [DB_PASSWORD]);
    await root.query(`GRANT ALL PRIVILEGES ON *.* TO 'tc_app'@'%'`);
    await root.end();
  }, 120_000);

  afterAll(async () => {
    await worker?.stop('SIGKILL');
    for (const h of [source, restored]) {
      if (!h) continue;
      await h.app.close().catch(() => undefined);
      await deleteRedisPrefix(redis.url, h.config.queuePrefix);
      await rm(h.config.storageDir, { recursive: true, force: true });
    }
    for (const d of dirs) await rm(d, { recursive: true, force: true });
    await redis?.stop();
    await mariadb?.destroy();
  }, 60_000);

  it('restores every report, its original, text, mentions and the dashboard into a fresh database', async () => {
    const server = `mysql://tc_app:${encodeURIComponent(DB_PASSWORD)}@127.0.0.1:${mariadb.port}`;
    source = await startHarness({ DATABASE_URL: `${server}/tc_source`, REDIS_URL: redis.url });
    const admin = await new Client(source.url).login('admin', ADMIN_PASSWORD);
    await createBureau(admin);
    await admin.post('/api/periods', { code: '2099-H1', startsOn: '2099-01-01', endsOn: '2099-06-30', dueOn: '2099-07-10' });
    const sec1 = await admin.login('sec-school-1', PASSWORD);
    const sec2 = await admin.login('sec-school-2', PASSWORD);
    const sec3 = await admin.login('sec-hospital', PASSWORD);
    worker = await WorkerProcess.start(source.env);

    const uploads: [Client, string, string, Buffer][] = [
      [sec1, 'school-1', 'report-sample.docx', fixture('report-sample.docx')],
      [sec2, 'school-2', 'report-sample.pdf', fixture('report-sample.pdf')],
      [sec3, 'hospital', 'report-gb18030.txt', fixture('report-gb18030.txt')],
      ...Array.from({ length: 5 }, (_, i): [Client, string, string, Buffer] => [sec1, 'school-1', `第${i + 1}版.txt`, Buffer.from(reportText(i))]),
    ];
    const ids: number[] = [];
    const originals = new Map<number, Buffer>();
    for (const [client, unit, name, bytes] of uploads) {
      const r = await upload(client, unit, '2099-H1', name, bytes);
      expect(r.status).toBe(202);
      ids.push(r.body.id);
      originals.set(r.body.id, bytes);
    }
    const done = await settled(admin, ids, 120_000);
    expect([...done.values()].filter((r) => r.status !== 'extracted')).toEqual([]);
    // A secretary's review must survive too.
    const [first] = (await sec1.get<{ id: string; value: number }[]>(`/api/reports/${ids.at(-1)}/mentions`)).body;
    const aggregatedAfter = Date.now();
    expect((await sec1.patch(`/api/mentions/${first.id}`, { state: 'corrected', value: first.value + 1 })).status).toBe(200);
    const leader = await admin.login('leader', PASSWORD);
    await waitFor(
      async () => {
        const g = (await leader.get<{ aggregatedAt: string | null }>('/api/dashboard/gap?period=2099-H1')).body;
        return g.aggregatedAt !== null && new Date(g.aggregatedAt).getTime() >= aggregatedAfter;
      },
      60_000,
      'the period aggregated after the review',
    );
    await worker.stop();
    const before = await snapshot(admin, leader, ids);
    for (const [i, id] of ids.entries()) expect(before.files[i].equals(originals.get(id) as Buffer)).toBe(true);

    // ---- backup (the api keeps running)
    const backups = await tmp('tc-backups-');
    const backup = await sh('backup.sh', [backups], { DATABASE_URL: `${server}/tc_source`, STORAGE_DIR: source.config.storageDir });
    expect(backup).toMatchObject({ code: 0 });
    for (const secret of [DB_PASSWORD, encodeURIComponent(DB_PASSWORD), 'p@ss']) expect(backup.out).not.toContain(secret);
    const dir = backup.stdout.trim();
    expect(dir.startsWith(join(backups, 'thermocline-'))).toBe(true);
    expect((await readdir(dir)).sort()).toEqual(['SHA256SUMS', 'database.sql.gz', 'manifest.txt', 'storage.tar.gz']);

    // ---- restore into a fresh database and an empty store
    const storage = await tmp('tc-restored-');
    const target = { DATABASE_URL: `${server}/tc_restored`, STORAGE_DIR: storage };
    const restore = await sh('restore.sh', [dir], target);
    expect(restore).toMatchObject({ code: 0 });
    expect(restore.out).not.toContain(DB_PASSWORD);
    // Once more over it: refused, nothing touched.
    const again = await sh('restore.sh', [dir], target);
    expect(again.code).not.toBe(0);
    expect(again.out).toMatch(/refusing to overwrite/);
    // And into a live database: refused as well.
    const live = await sh('restore.sh', [dir], { DATABASE_URL: `${server}/tc_source`, STORAGE_DIR: await tmp('tc-empty-') });
    expect(live.code).not.toBe(0);
    expect(live.out).toMatch(/already has \d+ tables; refusing/);

    // ---- an api on the copy (its own secret: everyone signs in again) finds everything
    restored = await startHarness({ ...target, REDIS_URL: redis.url });
    const admin2 = await new Client(restored.url).login('admin', ADMIN_PASSWORD);
    const leader2 = await admin2.login('leader', PASSWORD);
    const after = await snapshot(admin2, leader2, ids);
    expect(after.reports).toEqual(before.reports);
    expect(after.details).toEqual(before.details);
    expect(after.mentions).toEqual(before.mentions);
    expect(after.gap).toEqual(before.gap);
    for (const [i, id] of ids.entries()) expect([id, after.files[i].equals(originals.get(id) as Buffer)]).toEqual([id, true]);
    expect(existsSync(join(dir, 'database.sql.gz'))).toBe(true);
  }, 300_000);
});
