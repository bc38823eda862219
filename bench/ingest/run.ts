// bench/ingest: N reports uploaded through the HTTP api by concurrent clients, timed until the last
// one is extracted by one worker process; in the same run, BullMQ no-op jobs on the same Redis as
// the yardstick. Prints figures; no pass/fail.
//
//   npm run build && npx tsx --conditions=source bench/ingest/run.ts [--reports 2000] [--clients 16]
import { Queue, Worker } from 'bullmq';
import IORedis from 'ioredis';
import { demoReport, DEMO_UNITS } from '../../apps/api/src/cli/demo-data';
import { ADMIN_PASSWORD, firstLogin, fmt, load, login, percentile, REDIS, startStack } from '../support/stack';

const arg = (name: string, def: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : def;
};
const N = arg('reports', 2000);
const CLIENTS = arg('clients', 16);

async function noopThroughput(jobs: number): Promise<number> {
  const prefix = `tcbench-noop-${process.pid}`;
  const conn = new IORedis(REDIS, { maxRetriesPerRequest: null });
  const queue = new Queue('noop', { connection: conn, prefix });
  let done = 0;
  const started = performance.now();
  const finished = new Promise<void>((resolve) => {
    const w = new Worker('noop', async () => undefined, { connection: conn.duplicate(), prefix, concurrency: 4 });
    w.on('completed', () => {
      if (++done === jobs) void w.close().then(resolve);
    });
  });
  for (let i = 0; i < jobs; i += 500) await queue.addBulk(Array.from({ length: Math.min(500, jobs - i) }, (_, j) => ({ name: 'noop', data: { i: i + j }, opts: { removeOnComplete: true } })));
  await finished;
  const rate = jobs / ((performance.now() - started) / 1000);
  await queue.obliterate({ force: true });
  await queue.close();
  conn.disconnect();
  return rate;
}

async function main() {
  const stack = await startStack({ worker: true });
  try {
    const admin = await login(stack.url, 'admin', ADMIN_PASSWORD);
    const call = async (method: string, path: string, body: unknown) => {
      const r = await fetch(stack.url + path, { method, headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
      if (!r.ok) throw new Error(`${path}: ${r.status} ${await r.text()}`);
    };
    // 50 branches, each with its own secretary: uploads of one unit are serialised (versions), of
    // different units are not.
    const UNITS = 50;
    const tokens: string[] = [];
    for (let u = 0; u < UNITS; u++) {
      await call('POST', '/api/units', { code: `branch-${u}`, name: `第${u}支部`, parentCode: 'bureau', memberCount: 40 });
      await call('POST', '/api/users', { username: `bench-sec-${u}`, password: 'Branch-Writes-2026', displayName: '书记', role: 'secretary', unitCode: `branch-${u}` });
    }
    await call('POST', '/api/periods', { code: '2099-H1', startsOn: '2099-01-01', endsOn: '2099-06-30', dueOn: '2099-07-10' });
    for (let u = 0; u < UNITS; u++) tokens.push(await firstLogin(stack.url, `bench-sec-${u}`, 'Branch-Writes-2026'));

    // Distinct report texts of realistic length (1,000-2,500 characters).
    const texts = Array.from({ length: N }, (_, i) => {
      const unit = DEMO_UNITS[i % DEMO_UNITS.length];
      return `${demoReport({ ...unit, code: `${unit.code}-${i}` }, { code: `b${i}`, name: '2099年上半年' }, 0.2 + ((i * 37) % 80) / 100)}\n（基准 ${i}）`;
    });
    let next = 0;
    const started = performance.now();
    const up = await load(
      async () => {
        const i = next++;
        const form = new FormData();
        form.append('unitCode', `branch-${i % UNITS}`);
        form.append('periodCode', '2099-H1');
        form.append('file', new Blob([texts[i]], { type: 'text/plain' }), `report-${i}.txt`);
        const r = await fetch(`${stack.url}/api/reports`, { method: 'POST', headers: { authorization: `Bearer ${tokens[i % UNITS]}` }, body: form });
        if (r.status !== 202) throw new Error(`upload ${i}: ${r.status}`);
        await r.arrayBuffer();
      },
      { clients: CLIENTS, count: N },
    );
    const uploadSeconds = (performance.now() - started) / 1000;
    let extracted = 0;
    for (;;) {
      const [[row]] = (await stack.db.query("SELECT SUM(status = 'extracted') AS done, SUM(status = 'failed') AS failed FROM reports")) as unknown as [{ done: string; failed: string }[]];
      extracted = Number(row.done);
      if (extracted + Number(row.failed) >= N - up.errors) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const totalSeconds = (performance.now() - started) / 1000;
    const [[m]] = (await stack.db.query('SELECT COUNT(*) AS n FROM mentions')) as unknown as [{ n: number }[]];
    const noop = await noopThroughput(5000);
    const extractRate = extracted / totalSeconds;
    console.log(`${N} reports from ${UNITS} branches, ${CLIENTS} concurrent clients, one api and one worker process (extraction concurrency 4)`);
    console.log(`uploads:    ${fmt(N / uploadSeconds)} /s   latency p50 ${fmt(percentile(up.latencies, 50))} ms, p99 ${fmt(percentile(up.latencies, 99))} ms, errors ${up.errors}`);
    console.log(`extraction: ${extracted} extracted (${m.n} mentions) ${fmt(extractRate)} reports/s, last one ${fmt(totalSeconds)} s after the first upload`);
    console.log(`BullMQ no-op jobs on the same Redis (one worker, concurrency 4): ${fmt(noop, 0)} jobs/s`);
    console.log(`reports extracted/s ÷ no-op jobs/s = ${fmt(extractRate / noop, 3)}`);
  } finally {
    await stack.stop();
  }
  process.exit(0);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
