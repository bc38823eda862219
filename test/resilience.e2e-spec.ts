import { extract, prepareText } from '@thermocline/extraction';
import { createBureau, PASSWORD } from './support/bureau';
import { ADMIN_PASSWORD, startHarness, type Harness } from './support/harness';
import { Client } from './support/http';
import { TestRedis, waitFor } from './support/redis-server';
import { settled, upload } from './support/reports';
import { WorkerProcess } from './support/worker-process';
import { demoReport, DEMO_UNITS } from '../apps/api/src/cli/demo-data';

/** A distinct, realistic report text per index (numbers and heat vary). */
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
      expect(mentions).toHaveLength(extract(prepareText(text)).metrics.length);
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
    for (const [id, text] of texts) expect([id, got.get(id) ?? 0]).toEqual([id, extract(prepareText(text)).metrics.length]);
    // …and was marked extracted once.
    const transitions = (await h.db.query(
      `SELECT entity_id AS id, COUNT(*) AS n FROM audit_log WHERE entity = 'report' AND action = 'report.status' AND detail LIKE '%"to":"extracted"%' AND entity_id IN (${ids.map((i) => `'${i}'`).join(',')}) GROUP BY entity_id`,
    )) as { id: string; n: number }[];
    expect(transitions).toHaveLength(200);
    expect(transitions.filter((t) => Number(t.n) !== 1)).toEqual([]);
  });
});
