import { extract, prepareText } from '@thermocline/extraction';
import { createBureau, PASSWORD } from './support/bureau';
import { ADMIN_PASSWORD, dropDatabase, startHarness, TEST_MYSQL, uniqueName, type Harness } from './support/harness';
import { Client } from './support/http';
import { MysqlProxy } from './support/mysql-proxy';
import { FileStore } from '@thermocline/runtime';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { sweepOrphans } from '../apps/worker/src/maintenance/orphans.processor';
import { TestRedis, waitFor } from './support/redis-server';
import { settled, upload } from './support/reports';
import { WorkerProcess } from './support/worker-process';
import { demoReport, DEMO_UNITS } from '../apps/api/src/cli/demo-data';

/** A distinct, realistic report text per index (numbers and heat vary). */
/** Mention rows an extraction writes for a text: one per count, the unclassified ones included. */
function stored(text: string): number {
  const r = extract(prepareText(text));
  return r.metrics.length + r.unclassified.length;
}

function reportText(i: number): string {
  const unit = { ...DEMO_UNITS[1 + (i % (DEMO_UNITS.length - 1))], code: `u${i}` };
  return `${demoReport(unit, { code: `p${i}`, name: '2026年上半年' }, 0.3 + ((i * 37) % 70) / 100)}\n（第 ${i} 份）`;
}

describe('nothing is lost or doubled when Redis or a worker goes away', () => {
  let redis: TestRedis;
  let h: Harness;
  let admin: Client;
  let sec: Client;

  beforeAll(async () => {
    redis = await TestRedis.create();
    h = await startHarness({ REDIS_URL: redis.url, WORKER_LOCK_MS: '3000' });
    admin = await new Client(h.url).login('admin', ADMIN_PASSWORD);
    await createBureau(admin);
    await admin.post('/api/periods', { code: '2099-H1', startsOn: '2099-01-01', endsOn: '2099-06-30', dueOn: '2099-07-10' });
    sec = await admin.login('sec-school-1', PASSWORD);
  });
  afterAll(async () => {
    await h?.close();
    await redis?.stop();
  });

  it('accepts an upload while Redis is down and extracts it once Redis is back', async () => {
    const worker = await WorkerProcess.start(h.env);
    try {
      await redis.stop();
      const text = reportText(1000);
      const r = await upload(sec, 'school-1', '2099-H1', 'offline.txt', Buffer.from(text));
      expect(r.status).toBe(202);
      expect(r.body.status).toBe('queued');
      expect((await sec.get<{ status: string }>(`/api/reports/${r.body.id}`)).body.status).toBe('queued');

      await redis.start();
      const done = await settled(sec, [r.body.id], 60_000);
      expect(done.get(r.body.id)?.status).toBe('extracted');
      const mentions = (await sec.get<unknown[]>(`/api/reports/${r.body.id}/mentions`)).body;
      expect(mentions).toHaveLength(stored(text));
    } finally {
      await worker.stop();
    }
  });

  it('extracts each of 200 reports exactly once when a worker is SIGKILLed mid-batch', async () => {
    const texts = new Map<number, string>();
    for (let i = 0; i < 200; i++) {
      const text = reportText(i);
      const r = await upload(sec, 'school-1', '2099-H1', `batch-${i}.txt`, Buffer.from(text));
      expect(r.status).toBe(202);
      texts.set(r.body.id, text);
    }
    const ids = [...texts.keys()];
    const extractedCount = async () => (await h.db.query(`SELECT COUNT(*) AS n FROM reports WHERE status = 'extracted' AND id IN (${ids.join(',')})`))[0].n as number;

    const first = await WorkerProcess.start(h.env);
    await waitFor(async () => Number(await extractedCount()) >= 30, 60_000, '30 reports extracted');
    await first.stop('SIGKILL');
    const midway = Number(await extractedCount());
    expect(midway).toBeLessThan(200);

    const second = await WorkerProcess.start(h.env);
    try {
      const done = await settled(sec, ids, 120_000);
      expect([...done.values()].filter((r) => r.status !== 'extracted')).toEqual([]);
    } finally {
      await second.stop();
    }

    // Every report holds exactly the mentions a clean run of the extractor gives for its text…
    const counts = (await h.db.query(`SELECT report_id AS id, COUNT(*) AS n FROM mentions WHERE report_id IN (${ids.join(',')}) GROUP BY report_id`)) as { id: number; n: number }[];
    const got = new Map(counts.map((c) => [Number(c.id), Number(c.n)]));
    for (const [id, text] of texts) expect([id, got.get(id) ?? 0]).toEqual([id, stored(text)]);
    // …and was marked extracted once.
    const transitions = (await h.db.query(
      `SELECT entity_id AS id, COUNT(*) AS n FROM audit_log WHERE entity = 'report' AND action = 'report.status' AND detail LIKE '%"to":"extracted"%' AND entity_id IN (${ids.map((i) => `'${i}'`).join(',')}) GROUP BY entity_id`,
    )) as { id: string; n: number }[];
    expect(transitions).toHaveLength(200);
    expect(transitions.filter((t) => Number(t.n) !== 1)).toEqual([]);
  });
});

describe('an upload whose database connection is cut mid-transaction', () => {
  let proxy: MysqlProxy;
  let h: Harness;
  let sec: Client;
  const database = uniqueName('tc_test');

  beforeAll(async () => {
    const direct = new URL(TEST_MYSQL);
    proxy = await MysqlProxy.start(direct.hostname, Number(direct.port || 3306));
    const via = new URL(TEST_MYSQL);
    via.host = `127.0.0.1:${proxy.port}`;
    via.pathname = `/${database}`;
    h = await startHarness({ DATABASE_URL: via.toString() });
    const admin = await new Client(h.url).login('admin', ADMIN_PASSWORD);
    await createBureau(admin);
    await admin.post('/api/periods', { code: '2099-H1', startsOn: '2099-01-01', endsOn: '2099-06-30', dueOn: '2099-07-10' });
    sec = await admin.login('sec-school-1', PASSWORD);
  });
  afterAll(async () => {
    await h?.close();
    await dropDatabase(database);
    await proxy?.close();
  });

  const versions = async () => (await sec.get<{ id: number; version: number; status: string }[]>('/api/reports')).body;

  it('keeps the stored file when the COMMIT landed but its answer was lost, and extracts the report', async () => {
    const bytes = Buffer.from(reportText(3001));
    const lost = proxy.loseAnswerTo(/^\s*COMMIT\b/i);
    const first = await upload(sec, 'school-1', '2099-H1', 'commit-lost.txt', bytes);
    await lost;
    // The api cannot know the upload was saved: it says the database is away, and the secretary tries again…
    expect([first.status, first.body.message]).toEqual([503, '数据库暂时不可用，请稍后重试']);
    const again = await upload(sec, 'school-1', '2099-H1', 'commit-lost.txt', bytes);
    // …to find the report the lost COMMIT did save — once, with its original intact.
    expect([again.status, again.body.duplicate]).toEqual([200, true]);
    expect((await versions()).filter((r) => r.id === again.body.id)).toHaveLength(1);
    const file = await fetch(`${h.url}/api/reports/${again.body.id}/file`, { headers: { authorization: `Bearer ${sec.token}` } });
    expect(file.status).toBe(200);
    expect(Buffer.from(await file.arrayBuffer()).equals(bytes)).toBe(true);

    const worker = await WorkerProcess.start(h.env);
    try {
      expect((await settled(sec, [again.body.id], 60_000)).get(again.body.id)).toMatchObject({ status: 'extracted', error: null });
    } finally {
      await worker.stop();
    }
  });

  it('saves nothing when the connection is cut before the COMMIT, and the retry makes one version', async () => {
    const before = await versions();
    const bytes = Buffer.from(reportText(3002));
    const lost = proxy.loseAnswerTo(/^\s*INSERT INTO `reports`/i);
    const first = await upload(sec, 'school-1', '2099-H1', 'insert-lost.txt', bytes);
    await lost;
    expect([first.status, first.body.message]).toEqual([503, '数据库暂时不可用，请稍后重试']);
    expect(await versions()).toEqual(before);
    const again = await upload(sec, 'school-1', '2099-H1', 'insert-lost.txt', bytes);
    expect([again.status, again.body.version]).toEqual([202, Math.max(...before.map((r) => r.version)) + 1]);
    expect(await versions()).toHaveLength(before.length + 1);
  });

  it('moves the file an uncommitted upload kept to orphans/ after a day, and nothing else', async () => {
    const store = new FileStore(h.config.storageDir);
    const files = async () => {
      const all: string[] = [];
      for await (const f of store.originals()) all.push(f.key);
      return all;
    };
    const keys = (await h.db.query('SELECT storage_key AS k FROM reports')) as { k: string }[];
    const referenced = keys.map((r) => r.k);
    // The INSERT cut off above kept its file, and no report names it.
    const strays = (await files()).filter((k) => !referenced.includes(k));
    expect(strays).toHaveLength(1);

    // Not yet: it may still belong to an upload about to commit.
    expect((await sweepOrphans(h.db, store, new Date())).quarantined).toEqual([]);
    const later = await sweepOrphans(h.db, store, new Date(Date.now() + 25 * 3600_000));
    expect(later.quarantined).toEqual(strays);
    expect(later.checked).toBe(referenced.length + 1);
    expect(existsSync(join(h.config.storageDir, 'orphans', strays[0].replace(/^reports\//, '')))).toBe(true);
    // Every report's original is where it was, and downloads.
    expect((await files()).sort()).toEqual([...referenced].sort());
    for (const { id } of await versions()) expect((await fetch(`${h.url}/api/reports/${id}/file`, { headers: { authorization: `Bearer ${sec.token}` } })).status).toBe(200);
  });

  it("extracts a report once, and re-aggregates its period, when the extraction's COMMIT landed but its answer was lost", async () => {
    const worker = await WorkerProcess.start(h.env);
    try {
      await settled(sec, (await versions()).map((r) => r.id), 60_000);
      const aggregatedAt = async () =>
        ((await h.db.query(`SELECT a.computed_at AS at FROM period_aggregations a JOIN periods p ON p.id = a.period_id WHERE p.code = '2099-H1'`)) as { at: Date }[])[0]?.at ?? null;
      // The worker's analytics tick aggregates the period when it starts; after that, only an extraction asks.
      await waitFor(async () => (await aggregatedAt()) !== null, 30_000, 'the first aggregation');

      const text = reportText(3003);
      const lost = proxy.loseAnswerTo(/^\s*COMMIT\b/i, { after: /^\s*INSERT INTO `mentions`/i });
      const r = await upload(sec, 'school-1', '2099-H1', 'extraction-commit-lost.txt', Buffer.from(text));
      expect(r.status).toBe(202);
      await lost;
      expect((await settled(sec, [r.body.id], 60_000)).get(r.body.id)).toMatchObject({ status: 'extracted', error: null });

      // Once: the clean run's mentions and one transition to extracted…
      expect((await sec.get<unknown[]>(`/api/reports/${r.body.id}/mentions`)).body).toHaveLength(stored(text));
      const [{ n }] = (await h.db.query(
        `SELECT COUNT(*) AS n FROM audit_log WHERE entity = 'report' AND entity_id = ? AND action = 'report.status' AND detail LIKE '%"to":"extracted"%'`,
        [String(r.body.id)],
      )) as { n: number }[];
      expect(Number(n)).toBe(1);
      // …and the period aggregated after it, though the attempt that committed it never got to ask.
      const [{ at: extractedAt }] = (await h.db.query('SELECT extracted_at AS at FROM reports WHERE id = ?', [r.body.id])) as { at: Date }[];
      await waitFor(async () => new Date((await aggregatedAt()) ?? 0) >= new Date(extractedAt), 30_000, 'the period re-aggregated after the extraction');
    } finally {
      await worker.stop();
    }
  });
});
