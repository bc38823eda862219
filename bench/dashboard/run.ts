// bench/dashboard: 10,000 units on 4 levels × 8 periods × every catalogue metric, seeded through
// bulk inserts; then /api/dashboard/gap, /comparison and /api/health under 10 concurrent clients,
// and a full re-aggregation of one period by the worker. Prints figures; no pass/fail.
//
//   npm run build && npx tsx --conditions=source bench/dashboard/run.ts [--units 10000] [--seconds 15] [--only comparison]
import http from 'node:http';
import { DEFAULT_CATALOGUE, fingerprint } from '@thermocline/extraction';
import { enqueueAggregate, JobQueues } from '@thermocline/jobs';
import { fmt, load, login, percentile, startStack, ADMIN_PASSWORD } from '../support/stack';

const arg = (name: string, def: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : def;
};
const UNITS = arg('units', 10_000);
const SECONDS = arg('seconds', 15);
const PERIODS = 8;

function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s ^ (s >>> 15), 2246822507) + 0x9e3779b9) >>> 0) / 4294967296);
}

async function insertRows(db: import('mysql2/promise').Connection, table: string, columns: string[], rows: unknown[][], chunk = 4000) {
  for (let i = 0; i < rows.length; i += chunk) {
    const part = rows.slice(i, i + chunk);
    await db.query(`INSERT INTO ${table} (${columns.join(',')}) VALUES ?`, [part]);
  }
}

async function main() {
  const t0 = performance.now();
  const stack = await startStack();
  const { db } = stack;
  try {
    const now = new Date();
    // ---- units: 1 root (created at first start), 20 committees, 25 branches each, the rest leaves.
    const [[root]] = (await db.query('SELECT id, path FROM units WHERE parent_id IS NULL')) as unknown as [{ id: number; path: string }[]];
    const units: { id: number; parent: number | null; level: number; path: string; members: number }[] = [{ id: root.id, parent: null, level: 0, path: root.path, members: 40 }];
    const random = rng(42);
    let nextId = root.id + 1;
    const l1: typeof units = [];
    const l2: typeof units = [];
    for (let i = 0; i < 20; i++) l1.push({ id: nextId++, parent: root.id, level: 1, path: '', members: 30 + Math.floor(random() * 40) });
    for (const p of l1) for (let i = 0; i < 25; i++) l2.push({ id: nextId++, parent: p.id, level: 2, path: '', members: 20 + Math.floor(random() * 80) });
    const l3: typeof units = [];
    for (let i = 0; units.length + l1.length + l2.length + l3.length < UNITS; i++) l3.push({ id: nextId++, parent: l2[i % l2.length].id, level: 3, path: '', members: 5 + Math.floor(random() * 40) });
    const byId = new Map(units.map((u) => [u.id, u]));
    for (const u of [...l1, ...l2, ...l3]) {
      u.path = `${(byId.get(u.parent as number) as { path: string }).path}${u.id}/`;
      byId.set(u.id, u);
      units.push(u);
    }
    // Active long before the first period, so every unit is expected in every period.
    await insertRows(db, 'units', ['id', 'code', 'name', 'parent_id', 'level', 'path', 'member_count', 'active_from', 'created_at', 'updated_at'], units.slice(1).map((u) => [u.id, `u${u.id}`, `第${u.id}党支部`, u.parent, u.level, u.path, u.members, '2000-01-01', now, now]));
    // ---- periods
    const periods: { id: number; code: string }[] = [];
    for (let p = 0; p < PERIODS; p++) {
      const year = 2023 + Math.floor(p / 2);
      const half = p % 2 === 0 ? 'H1' : 'H2';
      const [r] = (await db.query('INSERT INTO periods (code, name, starts_on, ends_on, due_on, created_at, updated_at) VALUES (?,?,?,?,?,?,?)', [
        `${year}-${half}`,
        `${year}年${half === 'H1' ? '上' : '下'}半年`,
        `${year}-${half === 'H1' ? '01-01' : '07-01'}`,
        `${year}-${half === 'H1' ? '06-30' : '12-31'}`,
        half === 'H1' ? `${year}-07-15` : `${year + 1}-01-15`,
        now,
        now,
      ])) as unknown as [{ insertId: number }];
      periods.push({ id: r.insertId, code: `${year}-${half}` });
    }
    // ---- pre-aggregated rows for every period
    const keys = DEFAULT_CATALOGUE.map((d) => d.key);
    for (const p of periods) {
      const stats: unknown[][] = [];
      const metrics: unknown[][] = [];
      for (const u of units) {
        const mean = [90, 78, 60, 42][u.level];
        const missing = u.level === 3 && random() < 0.05;
        const temperature = missing ? 0 : Math.max(0, Math.min(100, Math.round((mean + (random() - 0.5) * 40) * 10) / 10));
        const totals: Record<string, number> = {};
        if (!missing) for (const k of keys) if (random() < 0.6) totals[k] = Math.floor(random() * 20 * (4 - u.level));
        const flags = missing
          ? [{ code: 'missing_report', reason: `截至 ${p.code} 截止日未提交报告`, evidence: {} }]
          : temperature < 40
            ? [{ code: 'cold', reason: `温度 ${temperature}，低于冷点阈值 40`, evidence: { temperature, threshold: 40 } }]
            : [];
        stats.push([p.id, u.id, missing ? null : u.id, missing ? 'missing' : 'reported', temperature, missing ? null : JSON.stringify({ breadth: 0.8, intensity: 0.5, specificity: 0.6, timeliness: 1, originality: 1 }), JSON.stringify(totals), null, JSON.stringify(flags), flags.length ? `,${flags[0].code},` : '', now]);
        if (!missing) for (const k of keys) metrics.push([p.id, k, u.id, totals[k] ?? 0, ((totals[k] ?? 0) * 100) / u.members, random()]);
      }
      await insertRows(db, 'unit_period_stats', ['period_id', 'unit_id', 'report_id', 'status', 'temperature', 'components', 'totals', 'facts', 'flags', 'flag_codes', 'computed_at'], stats, 2000);
      await insertRows(db, 'unit_period_metrics', ['period_id', 'metric_key', 'unit_id', 'total', 'normalized', 'score'], metrics, 8000);
      await db.query('INSERT INTO period_aggregations (period_id, computed_at, duration_ms, unit_count) VALUES (?,?,?,?)', [p.id, now, 0, units.length]);
    }
    // ---- reports and mentions of the last period, for the re-aggregation timing
    const last = periods[periods.length - 1];
    const reports: unknown[][] = [];
    const mentions: unknown[][] = [];
    const base = '党支部认真落实意识形态工作责任制，坚持三会一课制度，组织党员集中学习，开展主题党日活动，加强网络阵地管理，推进精神文明建设。';
    for (const u of units) {
      const text = `${base}第${u.id}党支部开展集中学习${u.id % 17}次，讲党课${u.id % 5}次，发布信息${u.id % 31}篇，组织志愿服务${u.id % 11}次，结合本单位第${(u.id * 7919) % 1000}项重点工作。`;
      reports.push([u.id, u.id, last.id, 1, 'extracted', 'r.txt', 'txt', 'text/plain', text.length, `${u.id}`.padStart(64, '0'), `bench/${u.id}.txt`, now, 0, now, text.length, 12, fingerprint(text), now, now]);
      for (let k = 0; k < 20; k++) mentions.push([u.id, keys[(u.id + k) % keys.length], 1 + ((u.id * (k + 3)) % 17), 0, '次', 0, k * 10, k * 10 + 8, '开展集中学习12次', 'auto', 'unreviewed', now, now]);
    }
    await insertRows(db, 'reports', ['id', 'unit_id', 'period_id', 'version', 'status', 'original_name', 'format', 'mime', 'size_bytes', 'sha256', 'storage_key', 'submitted_at', 'late', 'extracted_at', 'text_chars', 'placeholder_count', 'fingerprint', 'created_at', 'updated_at'], reports, 2000);
    await insertRows(db, 'mentions', ['report_id', 'metric_key', 'value', 'approx', 'unit_word', 'subset', 'evidence_start', 'evidence_end', 'evidence_text', 'origin', 'state', 'created_at', 'updated_at'], mentions, 8000);
    const seedSeconds = (performance.now() - t0) / 1000;
    console.log(`seeded ${units.length} units (levels 0-3: 1/${l1.length}/${l2.length}/${l3.length}) × ${PERIODS} periods × ${keys.length} metrics, ${reports.length} reports and ${mentions.length} mentions in ${fmt(seedSeconds)} s`);

    const token = await login(stack.url, 'admin', ADMIN_PASSWORD);
    const auth = { authorization: `Bearer ${token}` };
    // Like a browser: keep-alive, gzip accepted; the body is received but not inflated here, so
    // the figures are the server's, not this load generator's.
    const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
    const get = (path: string) =>
      new Promise<void>((resolve, reject) => {
        const req = http.get(stack.url + path, { agent, headers: { ...auth, 'accept-encoding': 'gzip' } }, (res) => {
          res.on('data', () => undefined);
          res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`${path}: ${res.statusCode}`))));
        });
        req.on('error', reject);
      });
    const probe = await fetch(`${stack.url}/api/dashboard/gap?period=${last.code}`, { headers: auth });
    const body = await probe.text();
    console.log(`gap payload: ${(body.length / 1024 / 1024).toFixed(2)} MB for ${units.length} units`);

    if (process.argv.includes('--seed-only')) return;
    // Cold: the first request for a period after an aggregation (nothing cached yet).
    const cold: number[] = [];
    for (const p of periods) {
      const t = performance.now();
      await get(`/api/dashboard/gap?period=${p.code}`);
      cold.push(performance.now() - t);
    }
    cold.sort((a, b) => a - b);
    console.log(`gap, first request per period after an aggregation (uncached, one client): median ${fmt(percentile(cold, 50))} ms, max ${fmt(cold[cold.length - 1])} ms`);
    // Cold comparison: metrics of a period not asked for yet (the first builds the period's columns).
    const coldCmp: number[] = [];
    for (const key of keys.slice(0, 12)) {
      const t = performance.now();
      await get(`/api/dashboard/comparison?period=${periods[0].code}&metric=${key}&normalize=per100`);
      coldCmp.push(performance.now() - t);
    }
    const firstCmp = coldCmp[0];
    coldCmp.sort((a, b) => a - b);
    console.log(`comparison, first request per metric (uncached, one client): median ${fmt(percentile(coldCmp, 50))} ms, max ${fmt(coldCmp[coldCmp.length - 1])} ms (the period's first: ${fmt(firstCmp)} ms)`);
    const endpoints: [string, () => Promise<void>][] = [
      ['GET /api/health', () => get('/api/health')],
      ['GET /api/dashboard/gap', () => get(`/api/dashboard/gap?period=${periods[Math.floor(Math.random() * PERIODS)].code}`)],
      ['GET /api/dashboard/comparison', () => get(`/api/dashboard/comparison?period=${periods[Math.floor(Math.random() * PERIODS)].code}&metric=${keys[Math.floor(Math.random() * keys.length)]}&normalize=per100`)],
    ];
    // --only NAME: one endpoint under load (with BENCH_NODE_ARGS=--cpu-prof, a profile of just that one).
    const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : null;
    if (only) endpoints.splice(0, endpoints.length, ...endpoints.filter(([name]) => name.endsWith(`/${only}`)));
    const p95: Record<string, number> = {};
    console.log(`\n${'endpoint'.padEnd(32)}${'req/s'.padStart(8)}${'p50 ms'.padStart(9)}${'p95 ms'.padStart(9)}${'p99 ms'.padStart(9)}${'errors'.padStart(8)}   (10 clients, ${SECONDS} s each)`);
    for (const [name, task] of endpoints) {
      await load(task, { clients: 2, count: 20 }); // warm-up
      const r = await load(task, { clients: 10, ms: SECONDS * 1000 });
      p95[name] = percentile(r.latencies, 95);
      console.log(`${name.padEnd(32)}${fmt(r.latencies.length / r.seconds).padStart(8)}${fmt(percentile(r.latencies, 50)).padStart(9)}${fmt(p95[name]).padStart(9)}${fmt(percentile(r.latencies, 99)).padStart(9)}${String(r.errors).padStart(8)}`);
    }
    if (!only) console.log(`\ngap p95 ÷ health p95 = ${fmt(p95['GET /api/dashboard/gap'] / p95['GET /api/health'])}  (goal: gap p95 < 150 ms and ≤ 10×)`);

    // ---- full re-aggregation of one period by the real worker
    await stack.startWorker();
    const queues = new JobQueues(stack.redis, stack.prefix);
    const before = new Date();
    await enqueueAggregate(queues, last.id, 'bench');
    const deadline = Date.now() + 300_000;
    for (;;) {
      const [[row]] = (await db.query('SELECT computed_at, duration_ms FROM period_aggregations WHERE period_id = ?', [last.id])) as unknown as [{ computed_at: Date; duration_ms: number }[]];
      if (new Date(row.computed_at) >= before && row.duration_ms > 0) {
        console.log(`full re-aggregation of ${last.code} for ${units.length} units (${reports.length} reports, ${mentions.length} mentions): ${row.duration_ms} ms in the worker`);
        break;
      }
      if (Date.now() > deadline) throw new Error('re-aggregation did not finish in 300 s');
      await new Promise((r) => setTimeout(r, 200));
    }
    await queues.close();
  } finally {
    if (process.argv.includes('--keep')) console.log(`kept: ${JSON.stringify(stack.env)}`);
    else await stack.stop();
  }
  process.exit(0);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
