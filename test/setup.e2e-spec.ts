// First run (#18): an installation started with no secrets at all is set up once, through
// /api/setup, by whoever holds the setup code from the api's log.
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '@thermocline/runtime';
import { createConnection } from 'mysql2/promise';
import { startInstallation } from '../apps/api/src/setup/installation';
import { ADMIN_PASSWORD, deleteRedisPrefix, dropDatabase, startHarness, TEST_MYSQL, TEST_REDIS, uniqueName, type Harness } from './support/harness';
import { Client } from './support/http';
import { ApiProcess, WorkerProcess } from './support/worker-process';

const NO_SECRETS = { NODE_ENV: 'production', ADMIN_PASSWORD: '', JWT_SECRET: '' };
const ADMIN = { username: 'wang.ming', password: 'Setup-Admin-2026!', displayName: '王明' };
const ROOT = { code: 'jyj', name: '县教育局党委', memberCount: 35 };

function completion(setupCode: string, admin: Partial<typeof ADMIN> = {}) {
  return { setupCode, admin: { ...ADMIN, ...admin }, root: ROOT };
}

async function auditActions(h: Harness): Promise<string[]> {
  return ((await h.db.query('SELECT action FROM audit_log ORDER BY id')) as { action: string }[]).map((r) => r.action);
}

describe('first run without configuration', () => {
  let h: Harness;
  let anon: Client;
  beforeAll(async () => {
    h = await startHarness(NO_SECRETS);
    anon = new Client(h.url);
  });
  afterAll(() => h?.close());

  it('starts in production, prints the setup code on a line of its own, and never the signing secret', async () => {
    expect(h.config.env).toBe('production');
    expect(h.setupCode).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    const lines = h.printed.filter((l) => l.includes(String(h.setupCode)));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('setup code');
    expect(lines[0]).toContain('初始设置码');
    expect(lines[0]).not.toContain('\n');
    // The generated secret is the database's, and appears in nothing printed.
    const [stored] = (await h.db.query("SELECT value FROM installation WHERE name = 'jwt.secret'")) as { value: string }[];
    expect(stored.value).toBe(h.config.jwtSecret);
    expect(h.config.jwtSecret.length).toBeGreaterThanOrEqual(32);
    expect(h.printed.join('\n')).not.toContain(h.config.jwtSecret);
  });

  it('a second process of the installation gets the same secret and setup code', async () => {
    const again = await startInstallation(h.db, { ...h.config, jwtSecret: null }, createLogger('silent', 'second'), () => undefined);
    expect(again.config.jwtSecret).toBe(h.config.jwtSecret);
    expect(again.setupCode).toBe(h.setupCode);
  });

  it('answers 503 "尚未完成初始设置" everywhere but health and setup until then', async () => {
    expect((await anon.get('/api/setup')).body).toEqual({ needed: true });
    expect((await anon.get('/api/health')).status).toBe(200);
    for (const [method, path] of [['GET', '/api/units'], ['POST', '/api/auth/login'], ['GET', '/api/docs-json'], ['GET', '/api/no-such-route']]) {
      const r = await anon.request(method, path, method === 'POST' ? { username: 'admin', password: 'x' } : undefined);
      expect({ path, status: r.status }).toEqual({ path, status: 503 });
      expect(r.body).toMatchObject({ statusCode: 503, message: expect.stringContaining('尚未完成初始设置') });
    }
    // The web app (here without a build: its own notice) is not closed by the gate.
    const page = await anon.get<string>('/setup');
    expect(String(page.body)).not.toContain('尚未完成初始设置');
  });

  it('refuses a wrong code and a weak password, writing no user', async () => {
    const wrong = await anon.post('/api/setup', completion('AAAA-BBBB-CCCC'));
    expect(wrong.status).toBe(403);
    expect(String(wrong.body.message)).toContain('初始设置码不正确');
    const weak = await anon.post('/api/setup', completion(String(h.setupCode), { password: 'short' }));
    expect(weak.status).toBe(400);
    const invalid = await anon.post('/api/setup', { setupCode: h.setupCode, admin: ADMIN, root: { ...ROOT, code: '局' } });
    expect(invalid.status).toBe(400);
    expect((await h.db.query('SELECT COUNT(*) AS n FROM users')) as { n: string }[]).toEqual([{ n: '0' }]);
    expect(await auditActions(h)).toEqual(['setup.code_rejected']);
    expect((await anon.get('/api/setup')).body).toEqual({ needed: true });
  });

  it('completes once with the code (any case, with spaces), and the administrator signs in', async () => {
    const code = String(h.setupCode).toLowerCase().replaceAll('-', ' ');
    const done = await anon.post('/api/setup', completion(code));
    expect(done.status).toBe(200);
    expect(done.body).toEqual({ username: ADMIN.username, rootCode: ROOT.code });
    expect((await anon.get('/api/setup')).body).toEqual({ needed: false });

    const admin = await anon.login(ADMIN.username, ADMIN.password);
    expect((await admin.get('/api/auth/me')).body).toMatchObject({ username: ADMIN.username, displayName: ADMIN.displayName, role: 'admin', unitCode: ROOT.code, unitName: ROOT.name });
    const units = await admin.get<{ code: string; memberCount: number; parentCode: string | null }[]>('/api/units');
    expect(units.status).toBe(200);
    expect(units.body).toEqual([expect.objectContaining({ code: ROOT.code, memberCount: 35, parentCode: null })]);
    expect(await auditActions(h)).toEqual(expect.arrayContaining(['setup.code_rejected', 'user.create', 'setup.complete', 'auth.login']));
    // The code is retired with the setup.
    expect((await h.db.query("SELECT name FROM installation WHERE name = 'setup.code'")) as unknown[]).toEqual([]);
  });

  it('refuses a second setup, even with the old code', async () => {
    const again = await anon.post('/api/setup', completion(String(h.setupCode), { username: 'intruder' }));
    expect(again.status).toBe(409);
    expect(String(again.body.message)).toContain('初始设置已完成');
    expect(await anon.post('/api/auth/login', { username: 'intruder', password: ADMIN.password })).toMatchObject({ status: 401 });
  });
});

describe('racing completions', () => {
  let h: Harness;
  beforeAll(async () => (h = await startHarness(NO_SECRETS)));
  afterAll(() => h?.close());

  it('lets exactly one of several parallel completions win', async () => {
    const anon = new Client(h.url);
    const replies = await Promise.all(['racer-a', 'racer-b', 'racer-c', 'racer-d'].map((username) => anon.post('/api/setup', completion(String(h.setupCode), { username }))));
    const statuses = replies.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 409, 409, 409]);
    const users = (await h.db.query('SELECT username FROM users')) as { username: string }[];
    expect(users).toHaveLength(1);
    expect(users[0].username).toBe(replies.find((r) => r.status === 200)?.body.username);
    expect((await h.db.query("SELECT COUNT(*) AS n FROM units WHERE parent_id IS NULL")) as { n: string }[]).toEqual([{ n: '1' }]);
    expect((await auditActions(h)).filter((a) => a === 'setup.complete')).toHaveLength(1);
  });
});

describe('guessing the setup code', () => {
  let h: Harness;
  beforeAll(async () => (h = await startHarness(NO_SECRETS)));
  afterAll(() => h?.close());

  it('is rate-limited: after 5 wrong codes even the right one waits', async () => {
    const anon = new Client(h.url);
    for (let i = 0; i < 5; i++) expect((await anon.post('/api/setup', completion(`WRNG-CODE-000${i}`))).status).toBe(403);
    const limited = await anon.post('/api/setup', completion(String(h.setupCode)));
    expect(limited.status).toBe(429);
    expect(String(limited.body.message)).toContain('15 分钟');
    expect((await anon.get('/api/setup')).body).toEqual({ needed: true });
  });
});

describe('scripted install with ADMIN_PASSWORD', () => {
  let h: Harness;
  beforeAll(async () => (h = await startHarness({ ROOT_UNIT_CODE: 'wsj', ROOT_UNIT_NAME: '县卫健局党组' })));
  afterAll(() => h?.close());

  it('creates the root unit and admin unattended: no wizard, no code', async () => {
    const anon = new Client(h.url);
    expect(h.setupCode).toBeNull();
    expect(h.printed).toEqual([]);
    expect((await anon.get('/api/setup')).body).toEqual({ needed: false });
    const admin = await anon.login('admin', ADMIN_PASSWORD);
    expect((await admin.get('/api/auth/me')).body).toMatchObject({ username: 'admin', role: 'admin', unitCode: 'wsj', unitName: '县卫健局党组' });
    expect((await anon.post('/api/setup', completion('AAAA-BBBB-CCCC'))).status).toBe(409);
  });
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('the built api and worker, in production, with no secrets', () => {
  const dbName = uniqueName('tc_setup');
  const prefix = uniqueName('tcsetup');
  let storage: string;
  let env: Record<string, string>;
  let api: ApiProcess | undefined;
  let worker: WorkerProcess | undefined;
  beforeAll(async () => {
    storage = await mkdtemp(join(tmpdir(), 'tc-setup-'));
    const port = await freePort();
    env = { NODE_ENV: 'production', PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}`, DATABASE_URL: `${TEST_MYSQL.replace(/\/$/, '')}/${dbName}`, REDIS_URL: TEST_REDIS, QUEUE_PREFIX: prefix, STORAGE_DIR: storage, LOG_LEVEL: 'info' };
  });
  afterAll(async () => {
    await api?.stop();
    await worker?.stop();
    await dropDatabase(dbName);
    await deleteRedisPrefix(TEST_REDIS, prefix);
    await rm(storage, { recursive: true, force: true });
  });

  it('start together, share one generated secret that survives a restart and is never logged', async () => {
    // Started at once: both race for the migrations and the secret.
    [api, worker] = await Promise.all([ApiProcess.start(env, true), WorkerProcess.start(env, true)]);
    const lines = api.output.split('\n').filter((l) => l.includes('setup code'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('初始设置码');
    const code = /([2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4})/.exec(lines[0])?.[1];
    expect(code).toBeDefined();

    const base = env.PUBLIC_URL;
    const anon = new Client(base);
    expect((await anon.get('/api/units')).status).toBe(503);
    expect((await anon.post('/api/setup', completion(String(code)))).status).toBe(200);
    const admin = await anon.login(ADMIN.username, ADMIN.password);

    await api.stop();
    api = await ApiProcess.start(env, true);
    expect(api.output).not.toContain('setup code');
    // The same secret after the restart: the earlier token still works.
    expect((await admin.get('/api/auth/me')).status).toBe(200);

    const conn = await createConnection(env.DATABASE_URL);
    try {
      const [rows] = await conn.query("SELECT value FROM installation WHERE name = 'jwt.secret'");
      const secret = (rows as { value: string }[])[0].value;
      expect(secret.length).toBeGreaterThanOrEqual(32);
      expect(api.output + worker.output).not.toContain(secret);
    } finally {
      await conn.end();
    }
  });
});
