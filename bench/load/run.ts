// bench/load: sustained mixed load against one api and one worker process (the built apps, on a
// fresh database): S secretaries, each with a unit and a login of their own, upload new versions of
// their unit's report back to back, while L bureau and committee leaders read the dashboard — the
// gap view, a comparison (random metric, raw or per 100 members) and a unit's page, in turn — for
// the given time. Prints throughput, p50/p95/p99 per operation, errors, the extraction backlog at
// the end of the load and the time the worker takes to drain it (every upload extracted and the
// period re-aggregated). Figures, no pass/fail.
//
//   npm run build && npx tsx --conditions=source bench/load/run.ts [--seconds 60] [--secretaries 50] [--leaders 50]
import { cpus, loadavg } from 'node:os';
import { DEFAULT_CATALOGUE } from '@thermocline/extraction';
import { Queue } from 'bullmq';
import { demoReport, DEMO_UNITS } from '../../apps/api/src/cli/demo-data';
import { ADMIN_PASSWORD, firstLogin, fmt, login, percentile, startStack, type Stack } from '../support/stack';

const arg = (name: string, def: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : def;
};
const SECONDS = arg('seconds', 60);
const SECRETARIES = arg('secretaries', 50);
const LEADERS = arg('leaders', 50);
const COMMITTEES = 5;
const PERIOD = '2099-H1';
const PASSWORD = 'Load-Bench-2026';

type Op = 'upload' | 'gap' | 'comparison' | 'unit';
const OPS: Op[] = ['upload', 'gap', 'comparison', 'unit'];

class Recorder {
  readonly latencies = new Map<Op, number[]>(OPS.map((o) => [o, []]));
  readonly errors = new Map<Op, number>(OPS.map((o) => [o, 0]));
  readonly samples: string[] = [];

  async time(op: Op, work: () => Promise<void>): Promise<void> {
    const t = performance.now();
    try {
      await work();
      this.latencies.get(op)?.push(performance.now() - t);
    } catch (e) {
      this.errors.set(op, (this.errors.get(op) ?? 0) + 1);
      if (this.samples.length < 10) this.samples.push(`${op}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
}

/** A distinct report text per (unit, version): realistic length and numbers, heat varying. */
function text(unit: number, version: number): string {
  const demo = DEMO_UNITS[1 + ((unit + version) % (DEMO_UNITS.length - 1))];
  return `${demoReport({ ...demo, code: `b${unit}-${version}` }, { code: `${unit}-${version}`, name: '2099年上半年' }, 0.2 + (((unit * 31 + version * 17) % 80) / 100))}\n（第 ${unit} 支部第 ${version} 版）`;
}

async function call(stack: Stack, token: string, path: string, init: RequestInit = {}, expect = 200): Promise<void> {
  const r = await fetch(stack.url + path, { ...init, headers: { authorization: `Bearer ${token}`, ...(init.headers ?? {}) } });
  await r.arrayBuffer();
  if (r.status !== expect) throw new Error(`${init.method ?? 'GET'} ${path.split('?')[0]}: ${r.status}`);
}

async function uploadReport(stack: Stack, token: string, unitCode: string, body: string, name: string): Promise<void> {
  const form = new FormData();
  form.append('unitCode', unitCode);
  form.append('periodCode', PERIOD);
  form.append('file', new Blob([body], { type: 'text/plain' }), name);
  await call(stack, token, '/api/reports', { method: 'POST', body: form }, 202);
}

/** Waits until nothing is queued or processing and the period was aggregated after the last extraction. */
async function drained(stack: Stack, analytics: Queue): Promise<{ extracted: number; failed: number }> {
  for (;;) {
    const [[r]] = (await stack.db.query(
      `SELECT SUM(status IN ('queued', 'processing')) AS pending, SUM(status = 'extracted') AS extracted, SUM(status = 'failed') AS failed, MAX(extracted_at) AS last,
              (SELECT MAX(computed_at) FROM period_aggregations) AS computed FROM reports`,
    )) as unknown as [{ pending: string; extracted: string; failed: string; last: Date | null; computed: Date | null }[]];
    if (Number(r.pending) === 0 && (r.last === null || (r.computed && new Date(r.computed) >= new Date(r.last)))) {
      const c = await analytics.getJobCounts('active', 'waiting', 'prioritized');
      if (Object.values(c).every((n) => n === 0)) return { extracted: Number(r.extracted), failed: Number(r.failed) };
    }
    await new Promise((res) => setTimeout(res, 200));
  }
}

async function main() {
  const t0 = performance.now();
  const stack = await startStack({ worker: true });
  const analytics = new Queue('analytics', { connection: stack.redis, prefix: stack.prefix });
  try {
    const admin = await login(stack.url, 'admin', ADMIN_PASSWORD);
    const post = (path: string, body: unknown) => call(stack, admin, path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }, 201);

    // ---- the bureau: COMMITTEES committees, the branches spread over them; leaders at the top and in the committees
    const branches: { code: string; user: string }[] = [];
    for (let c = 0; c < COMMITTEES; c++) await post('/api/units', { code: `c${c}`, name: `第${c + 1}党委`, parentCode: 'bureau', memberCount: 40 + c * 3 });
    for (let b = 0; b < SECRETARIES; b++) {
      const code = `c${b % COMMITTEES}-b${b}`;
      await post('/api/units', { code, name: `第${b + 1}支部`, parentCode: `c${b % COMMITTEES}`, memberCount: 10 + ((b * 7) % 60) });
      branches.push({ code, user: `sec-${code}` });
    }
    const leaders = Array.from({ length: LEADERS }, (_, i) => ({ user: `leader-${i}`, unit: i % 5 === 0 ? 'bureau' : `c${i % COMMITTEES}` }));
    const users = [
      ...branches.map((b) => ({ username: b.user, displayName: `${b.code}书记`, role: 'secretary', unitCode: b.code })),
      ...leaders.map((l) => ({ username: l.user, displayName: `${l.unit}领导`, role: 'leader', unitCode: l.unit })),
    ];
    for (let i = 0; i < users.length; i += 8) await Promise.all(users.slice(i, i + 8).map((u) => post('/api/users', { ...u, password: PASSWORD })));
    await post('/api/periods', { code: PERIOD, startsOn: '2099-01-01', endsOn: '2099-06-30', dueOn: '2099-07-10' });
    const secTokens = await Promise.all(branches.map((b) => firstLogin(stack.url, b.user, PASSWORD)));
    const leaderTokens = await Promise.all(leaders.map((l) => firstLogin(stack.url, l.user, PASSWORD)));
    const subtree = (unit: string) => (unit === 'bureau' ? branches.map((b) => b.code).concat(['bureau', ...Array.from({ length: COMMITTEES }, (_, c) => `c${c}`)]) : [unit, ...branches.filter((b) => b.code.startsWith(`${unit}-`)).map((b) => b.code)]);

    // ---- every branch has reported once before the load, so the dashboard has figures
    await Promise.all(branches.map((b, i) => uploadReport(stack, secTokens[i], b.code, text(i, 0), 'v0.txt')));
    await drained(stack, analytics);
    const setupSeconds = (performance.now() - t0) / 1000;

    // ---- the load
    const rec = new Recorder();
    const metrics = ['temperature', ...DEFAULT_CATALOGUE.map((d) => d.key)];
    const pick = <T>(xs: T[]): T => xs[Math.floor(Math.random() * xs.length)];
    const load0 = loadavg()[0];
    const started = performance.now();
    const deadline = started + SECONDS * 1000;
    let uploaded = 0;
    const secretaryLoops = branches.map(async (b, i) => {
      for (let v = 1; performance.now() < deadline; v++) {
        await rec.time('upload', () => uploadReport(stack, secTokens[i], b.code, text(i, v), `v${v}.txt`));
        uploaded++;
      }
    });
    const leaderLoops = leaders.map(async (l, i) => {
      const units = subtree(l.unit);
      const token = leaderTokens[i];
      while (performance.now() < deadline) {
        await rec.time('gap', () => call(stack, token, `/api/dashboard/gap?period=${PERIOD}`));
        if (performance.now() >= deadline) break;
        await rec.time('comparison', () => call(stack, token, `/api/dashboard/comparison?period=${PERIOD}&metric=${encodeURIComponent(pick(metrics))}&normalize=${pick(['none', 'per100'])}`));
        if (performance.now() >= deadline) break;
        await rec.time('unit', () => call(stack, token, `/api/dashboard/units/${pick(units)}?period=${PERIOD}`));
      }
    });
    await Promise.all([...secretaryLoops, ...leaderLoops]);
    const loadSeconds = (performance.now() - started) / 1000;
    const [[backlog]] = (await stack.db.query(`SELECT SUM(status IN ('queued', 'processing')) AS pending, SUM(status = 'extracted') AS extracted FROM reports`)) as unknown as [
      { pending: string; extracted: string }[],
    ];
    const drainStarted = performance.now();
    const final = await drained(stack, analytics);
    const drainSeconds = (performance.now() - drainStarted) / 1000;
    const load1 = loadavg()[0];

    // ---- figures
    console.log(`bench/load: ${SECRETARIES} secretaries uploading and ${LEADERS} leaders reading the dashboard for ${fmt(loadSeconds)} s`);
    console.log(`one api and one worker process (built apps), ${cpus().length} CPUs, load average ${fmt(load0)} → ${fmt(load1)}; setup ${fmt(setupSeconds)} s\n`);
    console.log('operation    count   per s    p50 ms   p95 ms   p99 ms   max ms  errors');
    for (const op of OPS) {
      const l = (rec.latencies.get(op) ?? []).sort((a, b) => a - b);
      const row = [op.padEnd(10), String(l.length).padStart(7), fmt(l.length / loadSeconds).padStart(7), ...[50, 95, 99].map((p) => fmt(percentile(l, p)).padStart(8)), fmt(l.at(-1) ?? NaN).padStart(8), String(rec.errors.get(op)).padStart(7)];
      console.log(row.join('  '));
    }
    const total = OPS.reduce((n, op) => n + (rec.latencies.get(op)?.length ?? 0), 0);
    const errors = OPS.reduce((n, op) => n + (rec.errors.get(op) ?? 0), 0);
    console.log(`all         ${String(total).padStart(7)}  ${fmt(total / loadSeconds).padStart(7)}  requests/s, errors ${errors}`);
    if (rec.samples.length) console.log(`error samples:\n  ${rec.samples.join('\n  ')}`);
    console.log(
      `\nuploads accepted during the load: ${uploaded - errors}; extracted by its end: ${Number(backlog.extracted) - SECRETARIES} of them; backlog at the end: ${backlog.pending} reports`,
    );
    console.log(`backlog drain: ${fmt(drainSeconds)} s until every upload was extracted (${final.extracted} in all, ${final.failed} failed) and the period re-aggregated`);
    console.log(`extraction throughput over load + drain: ${fmt((final.extracted - SECRETARIES) / (loadSeconds + drainSeconds))} reports/s`);
  } finally {
    await analytics.close();
    await stack.stop();
  }
  process.exit(0);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
