// A database that hangs instead of going away. SIGSTOP freezes the private MariaDB with every socket
// open: nothing is refused, nothing answers — what a frozen VM, a stalled disk or a network
// partition looks like. Without a query timeout every request would wait on it (TCP never gives
// up on an open, silent socket). With DB_QUERY_TIMEOUT_MS the api answers 503 after it, the worker
// leaves its reports to retries and the sweeper, and when the server carries on — with the
// statements that queued up meanwhile, a COMMIT among them perhaps — nothing is lost or doubled.
import { extract, prepareText } from '@thermocline/extraction';
import { Client } from '../support/http';
import { waitFor } from '../support/redis-server';
import { upload } from '../support/reports';
import { WorkerProcess } from '../support/worker-process';
import { createBranches, PERIOD, reportText, SECRETARY_PASSWORD, startFaultStack, type Branch, type FaultStack } from './support/stack';

/** Mention rows an extraction writes: one per count, the unclassified ones included. */
function stored(text: string): number {
  const r = extract(prepareText(text));
  return r.metrics.length + r.unclassified.length;
}

const REPORTS = 60;
const QUERY_TIMEOUT_MS = 2000;

describe('a database that stops answering without closing its connections', () => {
  let s: FaultStack;
  let branches: Branch[];
  let worker: WorkerProcess | undefined;

  beforeAll(async () => {
    s = await startFaultStack({ DB_QUERY_TIMEOUT_MS: String(QUERY_TIMEOUT_MS), WORKER_LOCK_MS: '5000' });
    branches = await createBranches(s.admin, 2, 3);
  }, 180_000);

  afterAll(async () => {
    s?.mariadb.resume();
    await worker?.stop('SIGKILL').catch(() => undefined);
    await s?.close();
  }, 60_000);

  it('answers 503 within the query timeout while it hangs, and loses and doubles nothing when it carries on', async () => {
    const anon = new Client(s.h.url);
    const leader = await anon.login('leader', SECRETARY_PASSWORD);
    const secretaries = await Promise.all(branches.map((b) => anon.login(b.secretary, SECRETARY_PASSWORD)));
    const texts = new Map<number, string>();
    const send = async (i: number) => {
      const b = i % branches.length;
      const r = await upload(secretaries[b], branches[b].code, PERIOD, `report-${i}.txt`, Buffer.from(reportText(i)));
      return { r, text: reportText(i) };
    };
    for (let i = 0; i < REPORTS; i++) {
      const { r, text } = await send(i);
      expect(r.status).toBe(202);
      texts.set(r.body.id, text);
    }
    const ids = [...texts.keys()];
    const count = async (status: string) => Number((await s.q<{ n: number }>('SELECT COUNT(*) AS n FROM reports WHERE status = ?', [status]))[0].n);

    worker = await WorkerProcess.start(s.h.env);
    await waitFor(async () => (await count('extracted')) >= 10, 60_000, '10 reports extracted');

    // ---- the server freezes mid-batch
    s.mariadb.pause();
    const frozenAt = Date.now();
    const timed = async <T>(call: () => Promise<T>) => {
      const t = Date.now();
      const answer = await call();
      return { answer, ms: Date.now() - t };
    };
    const [health, report, gap, refused] = await Promise.all([
      timed(() => anon.get<Record<string, unknown>>('/api/health')),
      timed(() => leader.get<{ message?: string }>(`/api/reports/${ids[0]}`)),
      timed(() => leader.get<{ message?: string }>(`/api/dashboard/gap?period=${PERIOD}`)),
      timed(() => send(REPORTS).then((x) => x.r)),
    ]);
    expect(health.answer.status).toBe(503);
    expect(health.answer.body).toMatchObject({ status: 'error', db: 'down', redis: 'up' });
    for (const { answer } of [report, gap, refused]) expect([answer.status, answer.body.message]).toEqual([503, '数据库暂时不可用，请稍后重试']);
    // Bounded by the query timeout (or, for a new connection, the 5-second connect timeout) — not
    // by the outage: a request on a frozen server without them never ends.
    for (const { ms } of [health, report, gap, refused]) expect(ms).toBeLessThan(QUERY_TIMEOUT_MS + 5000 + 3000);

    // ---- it stays frozen a while (worker attempts time out meanwhile), then carries on
    await new Promise((r) => setTimeout(r, Math.max(0, 8000 - (Date.now() - frozenAt))));
    s.mariadb.resume();
    await waitFor(async () => (await anon.get('/api/health')).status === 200, 30_000, 'health after the database carried on');
    await waitFor(async () => (await leader.get(`/api/reports/${ids[0]}`)).status === 200, 30_000, 'a report read after the database carried on');

    // The upload refused while it hung is made again and accepted, once.
    const again = await send(REPORTS);
    expect(again.r.status).toBe(202);
    texts.set(again.r.body.id, again.text);
    ids.push(again.r.body.id);

    await waitFor(
      async () => (await count('extracted')) + (await count('failed')) >= ids.length,
      180_000,
      'every report to settle',
    ).catch(async (e: unknown) => {
      throw new Error(`${String(e)}\n${worker?.output.slice(-3000)}`);
    });
    const rows = await s.q<{ id: number; status: string; error: string | null }>('SELECT id, status, error FROM reports');
    expect(rows.filter((r) => r.status !== 'extracted')).toEqual([]);
    expect(rows).toHaveLength(ids.length);

    // Extracted once each, with exactly a clean run's mentions.
    const mentions = await s.q<{ report_id: number; n: number }>(`SELECT report_id, COUNT(*) AS n FROM mentions WHERE origin = 'auto' GROUP BY report_id`);
    const got = new Map(mentions.map((m) => [Number(m.report_id), Number(m.n)]));
    expect(ids.filter((id) => (got.get(id) ?? 0) !== stored(texts.get(id) as string))).toEqual([]);
    const transitions = await s.q<{ id: string; n: number }>(
      `SELECT entity_id AS id, COUNT(*) AS n FROM audit_log WHERE entity = 'report' AND action = 'report.status' AND detail LIKE '%"to":"extracted"%' GROUP BY entity_id`,
    );
    expect(transitions).toHaveLength(ids.length);
    expect(transitions.filter((t) => Number(t.n) !== 1)).toEqual([]);
  }, 600_000);
});
