// Starts the built api and worker (apps/*/dist, from `npm run build`) as separate processes on a
// fresh database and Redis prefix, as production runs them, so the load generator (this process)
// never competes inside the same event loop. Everything is dropped on stop().
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import IORedis from 'ioredis';
import { createConnection, type Connection } from 'mysql2/promise';
import { deleteRedisPrefix } from '../../test/support/redis-cleanup';
import { freePort } from '../../test/support/redis-server';

const ROOT = join(__dirname, '..', '..');
export const MYSQL = process.env.BENCH_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306';
export const REDIS = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
export const ADMIN_PASSWORD = 'Bench-Admin-2026';


function start(name: 'api' | 'worker', env: Record<string, string>): Promise<ChildProcess> {
  const main = join(ROOT, 'apps', name, 'dist', 'main.js');
  if (!existsSync(main)) throw new Error(`${main} missing: run npm run build first`);
  // BENCH_NODE_ARGS go before the api's and worker's main (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to see where a figure goes).
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const proc = spawn(process.execPath, [...nodeArgs, main], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  return new Promise((resolve, reject) => {
    const marker = name === 'api' ? '"api listening"' : '"worker started"';
    const onData = (c: Buffer) => {
      out += c.toString();
      if (out.includes(marker)) resolve(proc);
      if (out.length > 100_000) out = out.slice(-50_000);
    };
    proc.stdout?.on('data', onData);
    proc.stderr?.on('data', onData);
    proc.once('exit', (code) => reject(new Error(`${name} exited ${code}: ${out.slice(-1500)}`)));
  });
}

export interface Stack {
  url: string;
  env: Record<string, string>;
  db: Connection;
  redis: IORedis;
  prefix: string;
  startWorker(extra?: Record<string, string>): Promise<ChildProcess>;
  stop(): Promise<void>;
}

export async function startStack(options: { worker?: boolean; env?: Record<string, string> } = {}): Promise<Stack> {
  const id = randomBytes(4).toString('hex');
  const database = `tc_bench_${id}`;
  const prefix = `tcbench${id}`;
  const storage = mkdtempSync(join(tmpdir(), 'tc-bench-'));
  const port = await freePort();
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    PORT: String(port),
    DATABASE_URL: `${MYSQL}/${database}`,
    REDIS_URL: REDIS,
    QUEUE_PREFIX: prefix,
    STORAGE_DIR: storage,
    ADMIN_PASSWORD,
    JWT_SECRET: randomBytes(32).toString('hex'),
    LOG_LEVEL: 'warn',
    ...options.env,
  };
  const procs: ChildProcess[] = [await start('api', { ...env, LOG_LEVEL: 'info' })];
  const startWorker = async (extra: Record<string, string> = {}) => {
    const w = await start('worker', { ...env, LOG_LEVEL: 'info', ...extra });
    procs.push(w);
    return w;
  };
  if (options.worker) await startWorker();
  const u = new URL(MYSQL);
  const db = await createConnection({ host: u.hostname, port: Number(u.port || 3306), user: decodeURIComponent(u.username || 'root'), password: decodeURIComponent(u.password), database, multipleStatements: false });
  const redis = new IORedis(REDIS);
  return {
    url: `http://127.0.0.1:${port}`,
    env,
    db,
    redis,
    prefix,
    startWorker,
    async stop() {
      for (const p of procs) if (p.exitCode === null) p.kill('SIGTERM');
      await Promise.all(procs.map((p) => (p.exitCode !== null ? null : new Promise((r) => p.once('exit', r)))));
      await db.query(`DROP DATABASE IF EXISTS \`${database}\``);
      await db.end();
      redis.disconnect();
      await deleteRedisPrefix(REDIS, prefix);
      rmSync(storage, { recursive: true, force: true });
    },
  };
}

export async function login(url: string, username: string, password: string): Promise<string> {
  const r = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (!r.ok) throw new Error(`login ${username}: ${r.status} ${await r.text()}`);
  return ((await r.json()) as { accessToken: string }).accessToken;
}

/**
 * A user an admin created must replace that password at the first sign-in: this does so through a
 * temporary one and back to `password`, and answers a token signed in with it.
 */
export async function firstLogin(url: string, username: string, password: string): Promise<string> {
  const temporary = `${password}~Tmp#${username.length}`;
  let token = await login(url, username, password);
  for (const [currentPassword, newPassword] of [
    [password, temporary],
    [temporary, password],
  ]) {
    const r = await fetch(`${url}/api/auth/password`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ currentPassword, newPassword }),
    });
    if (!r.ok) throw new Error(`first sign-in of ${username}: ${r.status} ${await r.text()}`);
    token = ((await r.json()) as { accessToken: string }).accessToken;
  }
  return token;
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** Runs `task` from `clients` concurrent loops for `ms` (or `count` calls); returns sorted latencies. */
export async function load(task: () => Promise<void>, opts: { clients: number; ms?: number; count?: number }): Promise<{ latencies: number[]; errors: number; seconds: number }> {
  const latencies: number[] = [];
  let errors = 0;
  let issued = 0;
  const started = performance.now();
  const deadline = opts.ms ? started + opts.ms : Infinity;
  await Promise.all(
    Array.from({ length: opts.clients }, async () => {
      while (performance.now() < deadline && (opts.count === undefined || issued < opts.count)) {
        issued++;
        const t = performance.now();
        try {
          await task();
          latencies.push(performance.now() - t);
        } catch {
          errors++;
        }
      }
    }),
  );
  return { latencies: latencies.sort((a, b) => a - b), errors, seconds: (performance.now() - started) / 1000 };
}

export const fmt = (n: number, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : 'n/a');
