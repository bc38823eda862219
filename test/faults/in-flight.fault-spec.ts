// The fault suite's main run: 1,000 reports uploaded by 50 secretaries while, one after another, a
// worker is SIGKILLed and replaced, Redis crashes and comes back from its AOF, Redis comes back
// having lost everything, MariaDB shuts down and comes back, and MariaDB crashes and restarts on
// the same datadir. Afterwards nothing is lost or doubled: every report extracted once with
// exactly the mentions a clean run of the extractor gives, one 'extracted' transition and one
// notification per report, aggregates equal to a clean aggregation, no job left behind; and while
// a dependency was down the api answered 503 saying which, then recovered by itself.
import { extract, prepareText } from '@thermocline/extraction';
import { createRedis, enqueueAggregate, JobQueues, type QueueName } from '@thermocline/jobs';
import type IORedis from 'ioredis';
import { Client } from '../support/http';
import { waitFor } from '../support/redis-server';
import { upload } from '../support/reports';
import { WorkerProcess } from '../support/worker-process';
import { createBranches, PERIOD, reportText, SECRETARY_PASSWORD, startFaultStack, type Branch, type FaultStack } from './support/stack';

const REPORTS = Number(process.env.FAULT_REPORTS ?? 1000);
const UPLOADERS = 8;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Answer {
  path: string;
  status: number;
  message?: string;
  body?: unknown;
}

describe(`${REPORTS} reports in flight through a worker crash, two Redis restarts and two MariaDB restarts`, () => {
  let s: FaultStack;
  let branches: Branch[];
  let queues: JobQueues;
  let producer: IORedis | undefined;
  const workers: WorkerProcess[] = [];
  /** Stops the background uploaders when the test ends early. */
  let finished = false;
  const timeline: string[] = [];
  const t0 = Date.now();
  const mark = (what: string) => timeline.push(`${((Date.now() - t0) / 1000).toFixed(1).padStart(6)} s  ${what}`);

  beforeAll(async () => {
    s = await startFaultStack({ WORKER_LOCK_MS: '5000' });
    branches = await createBranches(s.admin, 5, 10);
    producer = createRedis(s.redis.url, 'producer', 'fault-suite');
    producer.on('error', () => undefined);
    queues = new JobQueues(producer, s.h.config.queuePrefix);
    for (const q of Object.values(queues.queues)) q.on('error', () => undefined);
    mark(`stack ready: private MariaDB on :${s.mariadb.port}, AOF Redis on :${s.redis.port}, ${branches.length} branches`);
  }, 180_000);

  afterAll(async () => {
    finished = true;
    for (const w of workers) await w.stop('SIGKILL').catch(() => undefined);
    await queues?.close().catch(() => undefined);
    producer?.disconnect();
    await s?.close();
    console.log(`fault suite timeline\n${timeline.join('\n')}`);
  }, 60_000);

  it('loses nothing, doubles nothing, answers 503 while a dependency is down and recovers by itself', async () => {
    const texts = Array.from({ length: REPORTS + 2 }, (_, i) => reportText(i));
    const anon = new Client(s.h.url);
    const leader = await anon.login('leader', SECRETARY_PASSWORD);
    const secretaries = new Map<string, Client>();
    for (const b of branches) secretaries.set(b.code, await anon.login(b.secretary, SECRETARY_PASSWORD));

    // The queue board (bull-board) for an admin: the one page whose data lives in Redis.
    const ticket = await s.admin.post<{ url: string }>('/api/admin/queues/session');
    const boardCookie = ((await fetch(s.h.url + ticket.body.url, { redirect: 'manual' })).headers.get('set-cookie') ?? '').split(';')[0];
    const board = async () => {
      const r = await fetch(`${s.h.url}/api/admin/queues/api/queues?activeQueue=extraction&page=1&jobsPerPage=10`, { headers: { cookie: boardCookie } });
      return { status: r.status, body: (await r.json()) as { message?: string } };
    };
    expect((await board()).status).toBe(200);

    const count = async () => {
      const rows = await s.q<{ status: string; n: number }>('SELECT status, COUNT(*) AS n FROM reports GROUP BY status');
      return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)])) as Record<string, number>;
    };
    const extracted = async () => (await count()).extracted ?? 0;

    // ---- secretaries upload in the background; a refused upload is tried again, as a person would.
    const reportIndex = new Map<number, number>();
    const refusals: Answer[] = [];
    let next = 0;
    const uploadOne = async (i: number): Promise<number> => {
      const b = branches[i % branches.length];
      while (!finished) {
        try {
          const r = await upload(secretaries.get(b.code) as Client, b.code, PERIOD, `report-${i}.txt`, Buffer.from(texts[i]));
          if (r.status === 202 || r.status === 200) {
            reportIndex.set(r.body.id, i);
            return r.body.id;
          }
          refusals.push({ path: 'POST /api/reports', status: r.status, message: r.body.message });
          if (r.status !== 503) throw new Error(`upload ${i} answered ${r.status}: ${JSON.stringify(r.body)}`);
        } catch (e) {
          if (e instanceof Error && e.message.startsWith('upload ')) throw e;
          refusals.push({ path: 'POST /api/reports', status: 0, message: e instanceof Error ? e.message : String(e) });
        }
        await sleep(250);
      }
      return 0;
    };
    // The last 15% wait for the database to go down, so that uploads meet that outage too.
    let dbWentDown: () => void = () => undefined;
    const dbDownGate = new Promise<void>((resolve) => (dbWentDown = resolve));
    const uploading = Promise.all(
      Array.from({ length: UPLOADERS }, async () => {
        while (next < REPORTS && !finished) {
          const i = next++;
          if (i >= Math.floor(REPORTS * 0.85)) await dbDownGate;
          await uploadOne(i);
        }
      }),
    ).then(() => mark(`all ${REPORTS} uploads accepted`));

    // ---- 1. a worker is SIGKILLed mid-batch and another takes over
    workers.push(await WorkerProcess.start(s.h.env));
    mark('worker 1 started');
    await waitFor(async () => (await extracted()) >= REPORTS * 0.1, 120_000, '10% extracted');
    await workers[0].stop('SIGKILL');
    mark(`worker 1 SIGKILLed at ${await extracted()} extracted`);
    workers.push(await WorkerProcess.start(s.h.env));
    mark('worker 2 started');

    const redisOutage = async (what: string, lose: boolean): Promise<void> => {
      await s.redis.kill();
      if (lose) await s.redis.wipe();
      const down = Date.now();
      mark(`${what} (at ${await extracted()} extracted)`);
      const health = await anon.get<Record<string, unknown>>('/api/health');
      expect(health.status).toBe(503);
      expect(health.body).toMatchObject({ status: 'error', db: 'up', redis: 'down' });
      expect(String(health.body.message)).toContain('Redis');
      // Uploads need only MySQL and the file store: accepted, queued for the sweeper.
      const b = branches[0];
      const probe = await upload(secretaries.get(b.code) as Client, b.code, PERIOD, `probe-${what}.txt`, Buffer.from(texts[lose ? REPORTS + 1 : REPORTS]));
      expect([probe.status, probe.body.status]).toEqual([202, 'queued']);
      reportIndex.set(probe.body.id, lose ? REPORTS + 1 : REPORTS);
      // Reading the dashboard needs no Redis either; the queue board says Redis is away.
      expect((await leader.get(`/api/dashboard/gap?period=${PERIOD}`)).status).toBe(200);
      const q = await board();
      expect([q.status, q.body.message]).toEqual([503, '队列服务（Redis）暂时不可用，请稍后重试']);
      await sleep(Math.max(0, 3000 - (Date.now() - down)));
      await s.redis.start();
      mark(`Redis back after ${Date.now() - down} ms${lose ? ', empty' : ''}`);
      await waitFor(async () => (await anon.get('/api/health')).status === 200, 30_000, 'health after Redis came back');
      await waitFor(async () => (await board()).status === 200, 30_000, 'the queue board after Redis came back');
      mark('api health and queue board 200 again');
    };

    // ---- 2. Redis crashes and replays its AOF
    await waitFor(async () => (await extracted()) >= REPORTS * 0.25, 180_000, '25% extracted');
    await redisOutage('Redis SIGKILLed (AOF kept)', false);

    // ---- 3. Redis comes back with nothing
    await waitFor(async () => (await extracted()) >= REPORTS * 0.45, 180_000, '45% extracted');
    await redisOutage('Redis SIGKILLed and its AOF deleted', true);

    // ---- 4. MariaDB restarts: an orderly shutdown (an operator's restart), then a crash
    const someReport = [...reportIndex.keys()][0];
    const dbOutage = async (what: string, signal: 'SIGTERM' | 'SIGKILL'): Promise<void> => {
      await s.mariadb.stop(signal);
      const down = Date.now();
      mark(`${what} (${reportIndex.size} uploads accepted so far)`);
      dbWentDown();
      const answers: Answer[] = [];
      for (const path of ['/api/health', `/api/reports/${someReport}`, `/api/dashboard/gap?period=${PERIOD}`, '/api/reports']) {
        const r = path === '/api/health' ? await anon.get<Record<string, unknown>>(path) : await leader.get<Record<string, unknown>>(path);
        answers.push({ path, status: r.status, message: String(r.body.message), body: r.body });
      }
      expect(answers[0].status).toBe(503);
      expect(answers[0].body).toMatchObject({ status: 'error', db: 'down', redis: 'up' });
      expect(answers[0].message).toContain('数据库');
      for (const a of answers.slice(1)) expect([a.path, a.status, a.message]).toEqual([a.path, 503, '数据库暂时不可用，请稍后重试']);
      await sleep(Math.max(0, 5000 - (Date.now() - down)));
      await s.mariadb.start();
      mark(`MariaDB back after ${Date.now() - down} ms`);
      // The same api process (no restart) serves again: health, reads with a token, and uploads.
      await waitFor(async () => (await anon.get('/api/health')).status === 200, 30_000, 'health after MariaDB came back');
      await waitFor(async () => (await leader.get(`/api/reports/${someReport}`)).status === 200, 30_000, 'a report read after MariaDB came back');
      expect((await leader.get(`/api/dashboard/gap?period=${PERIOD}`)).status).toBe(200);
      mark('api health and reads 200 again');
    };
    await waitFor(async () => (await extracted()) >= REPORTS * 0.6, 180_000, '60% extracted');
    await dbOutage('MariaDB shut down (SIGTERM)', 'SIGTERM');
    await waitFor(async () => (await extracted()) >= REPORTS * 0.75, 180_000, '75% extracted');
    await dbOutage('MariaDB SIGKILLed', 'SIGKILL');

    await uploading;
    // Uploads refused meanwhile said why (503, the database) or could not connect at all.
    expect(refusals.length).toBeGreaterThan(0);
    expect(refusals.filter((r) => r.status !== 503 || r.message !== '数据库暂时不可用，请稍后重试')).toEqual([]);
    mark(`${refusals.length} upload attempts answered 503 (数据库暂时不可用) while MariaDB was down, then accepted`);

    // ---- every report settles
    const ids = [...reportIndex.keys()];
    expect(ids).toHaveLength(REPORTS + 2);
    await waitFor(
      async () => {
        const c = await count();
        return (c.extracted ?? 0) + (c.failed ?? 0) >= ids.length;
      },
      300_000,
      'every report to settle',
    ).catch(async (e: unknown) => {
      throw new Error(`${String(e)}: ${JSON.stringify(await count())}\n${workers.at(-1)?.output.slice(-3000)}`);
    });
    mark('every report settled');
    const statuses = await s.q<{ id: number; status: string; error: string | null }>(`SELECT id, status, error FROM reports`);
    expect(statuses.filter((r) => r.status !== 'extracted')).toEqual([]);
    expect(statuses).toHaveLength(ids.length);

    // ---- extracted exactly once, with exactly what a clean run of the extractor gives
    const mentionRows = await s.q<{ report_id: number; metric_key: string; value: string; evidence_start: number; evidence_end: number }>(
      `SELECT report_id, metric_key, value, evidence_start, evidence_end FROM mentions WHERE origin = 'auto' ORDER BY report_id, evidence_start, metric_key`,
    );
    const got = new Map<number, string[]>();
    for (const m of mentionRows) {
      const list = got.get(Number(m.report_id)) ?? [];
      list.push(`${m.metric_key}:${Number(m.value)}:${m.evidence_start}-${m.evidence_end}`);
      got.set(Number(m.report_id), list);
    }
    const differing: number[] = [];
    for (const [id, i] of reportIndex) {
      const want = extract(prepareText(texts[i])).metrics.map((x) => `${x.key}:${x.value}:${x.evidence.start}-${x.evidence.end}`);
      if ((got.get(id) ?? []).sort().join('|') !== want.sort().join('|')) differing.push(id);
    }
    expect(differing).toEqual([]);
    const transitions = await s.q<{ id: string; n: number }>(
      `SELECT entity_id AS id, COUNT(*) AS n FROM audit_log WHERE entity = 'report' AND action = 'report.status' AND detail LIKE '%"to":"extracted"%' GROUP BY entity_id`,
    );
    expect(transitions).toHaveLength(ids.length);
    expect(transitions.filter((t) => Number(t.n) !== 1)).toEqual([]);
    mark(`${ids.length} reports extracted once each (${mentionRows.length} mentions, as a clean run)`);

    // ---- one 'extracted' notification per report, to its unit's secretary; no failure notices
    const notes = await s.q<{ report_id: number; user_id: number; n: number }>(
      `SELECT n.report_id, n.user_id, COUNT(*) AS n FROM notifications n WHERE n.kind = 'extracted' GROUP BY n.report_id, n.user_id`,
    );
    const secretaryOf = new Map(
      (await s.q<{ report_id: number; user_id: number }>(`SELECT r.id AS report_id, u.id AS user_id FROM reports r JOIN users u ON u.unit_id = r.unit_id AND u.role = 'secretary'`)).map((r) => [
        Number(r.report_id),
        Number(r.user_id),
      ]),
    );
    expect(notes.filter((n) => Number(n.n) !== 1 || secretaryOf.get(Number(n.report_id)) !== Number(n.user_id))).toEqual([]);
    const noted = new Set(notes.map((n) => Number(n.report_id)));
    expect(ids.filter((id) => !noted.has(id))).toEqual([]);
    expect(await s.q(`SELECT id, report_id FROM notifications WHERE kind = 'extraction_failed'`)).toEqual([]);
    mark(`${notes.length} 'extracted' notifications, one per report`);

    // ---- nothing left in the queues; the schedulers a Redis that lost its data lost are back
    // Idle: nothing running or waiting, and nothing delayed but the next run of a scheduler.
    const idle = async (queue: QueueName) => {
      const q = queues.queues[queue];
      const c = await q.getJobCounts('active', 'waiting', 'prioritized', 'waiting-children');
      return Object.values(c).every((n) => n === 0) && (await q.getDelayed()).every((j) => Boolean(j.repeatJobKey));
    };
    const latest = async () =>
      (
        await s.q<{ computed: Date | null; extracted: Date | null }>(
          `SELECT (SELECT computed_at FROM period_aggregations a JOIN periods p ON p.id = a.period_id WHERE p.code = ?) AS computed, (SELECT MAX(extracted_at) FROM reports) AS extracted`,
          [PERIOD],
        )
      )[0];
    await waitFor(
      async () => {
        const l = await latest();
        return (await idle('extraction')) && (await idle('analytics')) && l.computed !== null && l.extracted !== null && new Date(l.computed) >= new Date(l.extracted);
      },
      120_000,
      'the period re-aggregated after the last extraction',
    ).catch(async (e: unknown) => {
      const counts = Object.fromEntries(await Promise.all((['extraction', 'analytics'] as const).map(async (q) => [q, await queues.queues[q].getJobCounts()])));
      throw new Error(`${String(e)}: ${JSON.stringify({ counts, latest: await latest() })}\n${workers.at(-1)?.output.slice(-6000)}`);
    });
    mark('queues idle, period aggregated after the last extraction');
    const schedulers = async (queue: QueueName) => (await queues.queues[queue].getJobSchedulers()).map((j) => j.key).sort();
    expect(await schedulers('maintenance')).toEqual(['sweep-orphans', 'sweep-queued']);
    expect(await schedulers('analytics')).toEqual(['analytics-tick']);
    expect(await schedulers('notifications')).toEqual(['deliver-sweep', 'reminder-scan']);

    // ---- every aggregate equals a clean aggregation of the same data
    const snapshot = async () => ({
      stats: await s.q(
        `SELECT s.unit_id, s.report_id, s.status, s.temperature, s.components, s.totals, s.facts, s.flags, s.flag_codes FROM unit_period_stats s JOIN periods p ON p.id = s.period_id WHERE p.code = ? ORDER BY s.unit_id`,
        [PERIOD],
      ),
      metrics: await s.q(
        `SELECT m.unit_id, m.metric_key, m.total, m.normalized, m.score FROM unit_period_metrics m JOIN periods p ON p.id = m.period_id WHERE p.code = ? ORDER BY m.unit_id, m.metric_key`,
        [PERIOD],
      ),
    });
    const before = await snapshot();
    expect(before.stats.length).toBeGreaterThan(branches.length);
    const { computed } = await latest();
    const [{ id: periodId }] = await s.q<{ id: number }>('SELECT id FROM periods WHERE code = ?', [PERIOD]);
    await enqueueAggregate(queues, Number(periodId), 'fault suite: clean run');
    await waitFor(async () => new Date((await latest()).computed as Date) > new Date(computed as Date) && (await idle('analytics')), 60_000, 'the clean aggregation');
    expect(await snapshot()).toEqual(before);
    mark(`aggregates equal a clean run (${before.stats.length} units, ${before.metrics.length} unit metrics)`);
  }, 900_000);
});
