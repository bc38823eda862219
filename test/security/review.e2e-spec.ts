// The security review items, each proven against the running system: headers (api, errors, web
// app, docs), CORS in production, login throttling and lockout (per user name and per address),
// token expiry and refresh, the password policy, uploads never served inline, no secret in any log
// line of the real api and worker processes, and the dependency-audit script.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import IORedis from 'ioredis';
import jwt from 'jsonwebtoken';
import { SMTPServer } from 'smtp-server';
import { createBureau, firstSignIn, PASSWORD } from '../support/bureau';
import { ADMIN_PASSWORD, deleteRedisPrefix, dropDatabase, startHarness, TEST_MYSQL, TEST_REDIS, uniqueName, type Harness } from '../support/harness';
import { Client, fileForm } from '../support/http';
import { freePort, waitFor } from '../support/redis-server';
import { fixture, upload } from '../support/reports';
import { ApiProcess, WorkerProcess } from '../support/worker-process';
import { SOURCE } from './support';

const P = '2026-H1';
const period = { code: P, startsOn: '2026-01-01', endsOn: '2026-06-30', dueOn: '2026-07-10' };

describe('security review', () => {
  let h: Harness;
  let anon: Client;
  let admin: Client;

  beforeAll(async () => {
    // TRUST_PROXY: these tests play many client addresses through X-Forwarded-For from loopback.
    h = await startHarness({ LOGIN_MAX_FAILURES: '3', LOGIN_LOCK_MINUTES: '1', JWT_TTL: '10m', TRUST_PROXY: 'loopback' });
    anon = new Client(h.url);
    admin = await anon.login('admin', ADMIN_PASSWORD);
    await createBureau(admin);
    expect((await admin.post('/api/periods', period)).status).toBe(201);
  });
  afterAll(() => h?.close());

  describe('helmet headers', () => {
    const expectHardened = (headers: Headers, where: string) => {
      const csp = headers.get('content-security-policy') ?? '';
      expect([where, csp]).toEqual([where, expect.stringContaining("default-src 'self'")]);
      for (const directive of ["script-src 'self'", "object-src 'none'", "frame-ancestors 'none'", "base-uri 'self'", "form-action 'self'"]) expect(csp).toContain(directive);
      expect(csp).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
      expect(headers.get('x-content-type-options')).toBe('nosniff');
      expect(headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(headers.get('referrer-policy')).toBe('no-referrer');
      expect(headers.get('strict-transport-security')).toMatch(/max-age=\d{7,}/);
      expect(headers.get('cross-origin-opener-policy')).toBe('same-origin');
      expect(headers.get('cross-origin-resource-policy')).toBe('same-origin');
      expect(headers.get('x-powered-by')).toBeNull();
    };

    it.each([
      ['a JSON answer', '/api/health'],
      ['an error', '/api/units'],
      ['an unknown api path', '/api/nope'],
      ['the web app', '/'],
      ['a client-side route of the web app', '/dashboard'],
      ['the OpenAPI document', '/api/docs-json'],
      ['the OpenAPI page', '/api/docs/'],
    ])('on %s (%s)', async (what, path) => {
      const r = await fetch(h.url + path);
      expectHardened(r.headers, what);
    });

    it('on the built web assets, served with long caching', async () => {
      const index = await fetch(`${h.url}/`);
      const html = await index.text();
      const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
      if (index.status !== 200 || !asset) throw new Error('the web app is not built (npm test builds it first)');
      const r = await fetch(h.url + asset);
      expect(r.status).toBe(200);
      expectHardened(r.headers, asset);
      expect(r.headers.get('cache-control')).toMatch(/immutable/);
    });

    it('serves the build’s top-level files, never its dot-directories', async () => {
      const icon = await fetch(`${h.url}/favicon.svg`);
      expect([icon.status, icon.headers.get('content-type')]).toEqual([200, expect.stringContaining('image/svg+xml')]);
      expectHardened(icon.headers, '/favicon.svg');
      // Vite's manifest is in the build but not for the public: the path falls through to the app's page.
      const manifest = await fetch(`${h.url}/.vite/manifest.json`);
      expect(manifest.headers.get('content-type')).toContain('text/html');
      expect(await manifest.text()).not.toContain('"file"');
    });

    it('sends the build’s precompressed Brotli or gzip copy, by Accept-Encoding, with the same headers', async () => {
      const html = await (await fetch(`${h.url}/`)).text();
      const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
      expect(asset).toBeDefined();
      const plain = await fetch(h.url + asset, { headers: { 'accept-encoding': 'identity' } });
      expect(plain.headers.get('content-encoding')).toBeNull();
      const original = await plain.text();
      for (const [accept, encoding] of [
        ['gzip, deflate, br', 'br'],
        ['gzip', 'gzip'],
      ]) {
        const r = await fetch(h.url + asset, { headers: { 'accept-encoding': accept } });
        expect([accept, r.status, r.headers.get('content-encoding')]).toEqual([accept, 200, encoding]);
        expect(r.headers.get('content-type')).toMatch(/^(application|text)\/javascript/);
        expect(r.headers.get('vary')).toMatch(/Accept-Encoding/i);
        expectHardened(r.headers, `${asset} (${encoding})`);
        expect(r.headers.get('cache-control')).toMatch(/immutable/);
        // The build's file itself (on-the-fly compression would be chunked, without a length).
        const copy = join(__dirname, '..', '..', 'apps', 'web', 'dist', `${asset as string}.${encoding === 'br' ? 'br' : 'gz'}`);
        expect(r.headers.get('content-length')).toBe(String(statSync(copy).size));
        expect(await r.text()).toBe(original); // fetch decodes it
      }
    });
  });

  describe('CORS', () => {
    let prod: Harness;
    const PUBLIC_URL = 'https://tc.example.gov.cn';
    beforeAll(async () => {
      prod = await startHarness({ NODE_ENV: 'production', PUBLIC_URL });
    });
    afterAll(() => prod?.close());

    const ask = (base: string, method: string, origin: string, extra: Record<string, string> = {}) => fetch(`${base}/api/units`, { method, headers: { origin, ...extra } });

    it('in production, a foreign origin gets no Access-Control-Allow-Origin, on a request or a preflight', async () => {
      for (const origin of ['https://evil.example', 'http://tc.example.gov.cn', 'https://tc.example.gov.cn.evil.example', 'null']) {
        const get = await ask(prod.url, 'GET', origin);
        expect([origin, get.headers.get('access-control-allow-origin')]).toEqual([origin, null]);
        const pre = await ask(prod.url, 'OPTIONS', origin, { 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' });
        expect([origin, pre.headers.get('access-control-allow-origin')]).toEqual([origin, null]);
      }
    });

    it('in production, PUBLIC_URL is allowed, without credentials', async () => {
      const pre = await ask(prod.url, 'OPTIONS', PUBLIC_URL, { 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' });
      expect(pre.headers.get('access-control-allow-origin')).toBe(PUBLIC_URL);
      expect(pre.headers.get('access-control-allow-credentials')).toBeNull();
      expect((await ask(prod.url, 'GET', PUBLIC_URL)).headers.get('access-control-allow-origin')).toBe(PUBLIC_URL);
    });

    it('outside production any origin is echoed (development), never with credentials', async () => {
      const r = await ask(h.url, 'GET', 'https://evil.example');
      expect(r.headers.get('access-control-allow-origin')).toBe('https://evil.example');
      expect(r.headers.get('access-control-allow-credentials')).toBeNull();
    });
  });

  describe('login throttling and lockout (LOGIN_MAX_FAILURES=3)', () => {
    const login = (username: string, password: string, ip: string) => anon.request('POST', '/api/auth/login', { username, password }, { 'x-forwarded-for': ip });

    it('locks a user name after 3 failures, whatever its case, and a missing user exactly like an existing one', async () => {
      const ip = '198.51.100.1';
      for (const name of ['sec-school-2', 'SEC-SCHOOL-2', 'Sec-School-2']) expect((await login(name, 'Wrong-Pass-2026!', ip)).status).toBe(401);
      const locked = await login('sec-school-2', PASSWORD, ip);
      expect(locked.status).toBe(429);
      expect(locked.body.message).toMatch(/锁定.*1 分钟后再试/);
      for (let i = 0; i < 3; i++) expect((await login('ghost', 'Wrong-Pass-2026!', ip)).status).toBe(401);
      const ghost = await login('ghost', 'Wrong-Pass-2026!', ip);
      expect([ghost.status, ghost.body.message]).toEqual([429, locked.body.message]);
      // Another address does not unlock the name.
      expect((await login('sec-school-2', PASSWORD, '198.51.100.99')).status).toBe(429);
    });

    it('lifts the lock when its window passes', async () => {
      const redis = new IORedis(TEST_REDIS);
      try {
        const [{ id }] = (await h.db.query("SELECT id FROM users WHERE username = 'sec-school-2'")) as { id: number }[];
        expect(await redis.pexpire(`${h.config.queuePrefix}:login-fail:user:${id}`, 300)).toBe(1);
        await new Promise((r) => setTimeout(r, 400));
      } finally {
        redis.disconnect();
      }
      expect((await login('sec-school-2', PASSWORD, '198.51.100.2')).status).toBe(200);
    });

    it('a success clears the user name’s count', async () => {
      const ip = '198.51.100.3';
      for (let i = 0; i < 2; i++) expect((await login('edu-leader', `Wrong-${i}-Pass!`, ip)).status).toBe(401);
      expect((await login('edu-leader', PASSWORD, ip)).status).toBe(200);
      for (let i = 0; i < 2; i++) expect((await login('edu-leader', `Wrong-${i}-Pass!`, ip)).status).toBe(401);
      expect((await login('edu-leader', PASSWORD, ip)).status).toBe(200);
    });

    it('throttles one address after 10× the limit over many user names (password spraying), not the others', async () => {
      const ip = '203.0.113.7';
      for (let i = 0; i < 30; i++) expect((await login(`spray-${i}`, 'Spring-2026!', ip)).status).toBe(401);
      const blocked = await login('leader', PASSWORD, ip);
      expect(blocked.status).toBe(429);
      expect((await login('leader', PASSWORD, '203.0.113.8')).status).toBe(200);
    });
  });

  describe('tokens (JWT_TTL=10m)', () => {
    const sign = (claims: object, options: jwt.SignOptions = {}, secret = h.config.jwtSecret) => jwt.sign(claims, secret, { algorithm: 'HS256', issuer: 'thermocline', ...options });
    let leaderId = 0;
    beforeAll(async () => {
      leaderId = Number(((await h.db.query("SELECT id FROM users WHERE username = 'leader'")) as { id: number }[])[0].id);
    });

    it('issues tokens that expire after JWT_TTL, and refreshes a valid one into a fresh one', async () => {
      const r = await anon.post<{ accessToken: string; expiresIn: number }>('/api/auth/login', { username: 'leader', password: PASSWORD });
      expect(r.body.expiresIn).toBe(600);
      const claims = jwt.decode(r.body.accessToken) as { exp: number; iat: number; iss: string };
      expect([claims.exp - claims.iat, claims.iss]).toEqual([600, 'thermocline']);
      await new Promise((res) => setTimeout(res, 1100));
      const fresh = await anon.as(r.body.accessToken).post<{ accessToken: string; expiresIn: number; user: { username: string } }>('/api/auth/refresh');
      expect(fresh.status).toBe(200);
      expect(fresh.body).toMatchObject({ expiresIn: 600, user: { username: 'leader' } });
      expect((jwt.decode(fresh.body.accessToken) as { exp: number }).exp).toBeGreaterThan(claims.exp);
      expect((await anon.as(fresh.body.accessToken).get('/api/auth/me')).status).toBe(200);
    });

    it('an expired token can neither be used nor refreshed', async () => {
      const expired = sign({ sub: String(leaderId), tv: 0, exp: Math.floor(Date.now() / 1000) - 5 });
      for (const [method, path] of [
        ['POST', '/api/auth/refresh'],
        ['GET', '/api/auth/me'],
      ]) {
        const r = await anon.as(expired).request(method, path);
        expect([path, r.status, r.body.message]).toEqual([path, 401, '登录已过期，请重新登录']);
      }
    });

    it.each<[string, () => string]>([
      ['signed with another secret', () => sign({ sub: '1', tv: 0 }, {}, randomBytes(32).toString('hex'))],
      ['unsigned (alg none)', () => jwt.sign({ sub: '1', tv: 0, iss: 'thermocline' }, '', { algorithm: 'none' })],
      ['HS512 with the right secret', () => sign({ sub: '1', tv: 0 }, { algorithm: 'HS512' })],
      ['from another issuer', () => sign({ sub: '1', tv: 0 }, { issuer: 'someone-else' })],
      ['with a queue ticket’s claims', () => sign({ sub: 'queues' }, { audience: 'queue-ticket', expiresIn: 60 })],
      ['with a non-numeric subject', () => sign({ sub: '1 OR 1=1', tv: 0 })],
      ['without a token version', () => sign({ sub: '1' })],
      ['with an old token version', () => sign({ sub: '1', tv: -1 })],
      ['tampered (payload changed, signature kept)', () => {
        const [head, , sig] = sign({ sub: String(leaderId), tv: 0 }).split('.');
        return [head, Buffer.from(JSON.stringify({ sub: '1', tv: 0, iss: 'thermocline' })).toString('base64url'), sig].join('.');
      }],
    ])('refuses a token %s (401), for use and for refresh', async (_what, token) => {
      const t = token();
      expect((await anon.as(t).get('/api/auth/me')).status).toBe(401);
      expect((await anon.as(t).post('/api/auth/refresh')).status).toBe(401);
    });

    it('a password change or a disable ends every earlier token, refresh included', async () => {
      const before = await anon.login('sec-hospital', PASSWORD);
      const changed = await before.put<{ accessToken: string }>('/api/auth/password', { currentPassword: PASSWORD, newPassword: 'Hospital-Pass-2027!' });
      expect(changed.status).toBe(200);
      expect((await before.post('/api/auth/refresh')).status).toBe(401);
      const after = anon.as(changed.body.accessToken);
      expect((await after.get('/api/auth/me')).status).toBe(200);
      expect((await admin.patch('/api/users/sec-hospital', { disabled: true })).status).toBe(200);
      const r = await after.post('/api/auth/refresh');
      expect([r.status, r.body.message]).toEqual([401, '登录凭证已失效，请重新登录']);
      expect((await anon.post('/api/auth/login', { username: 'sec-hospital', password: 'Hospital-Pass-2027!' })).status).toBe(401);
      await admin.patch('/api/users/sec-hospital', { disabled: false, password: PASSWORD });
      await firstSignIn(anon, 'sec-hospital', PASSWORD);
    });
  });

  describe('password policy', () => {
    it.each<[string, string, RegExp]>([
      ['shorter than 10', 'Ab1!short', /至少 10 位/],
      ['only two kinds of character', 'onlylowercase123', /至少三类/],
      ['letters only', 'OnlyLettersHere', /至少三类/],
      ['containing the user name', 'Edu-Admin-2026!', /不能包含用户名/],
      ['longer than 128', `Aa1!${'x'.repeat(130)}`, /128|longer|shorter/],
    ])('refuses a new password %s, on change, creation and reset', async (_what, pw, message) => {
      const edu = await anon.login('edu-admin', PASSWORD);
      const change = await edu.put('/api/auth/password', { currentPassword: PASSWORD, newPassword: pw });
      expect([change.status, change.body.message]).toEqual([400, expect.stringMatching(message)]);
      const create = await admin.post('/api/users', { username: 'edu-admin2', password: pw.replace(/Edu-Admin/i, 'Edu-Admin2'), displayName: '新管理员', role: 'admin', unitCode: 'edu' });
      expect(create.status).toBe(400);
      const reset = await admin.patch('/api/users/edu-admin', { password: pw });
      expect(reset.status).toBe(400);
      // Nothing changed: the old password still signs in.
      expect((await anon.post('/api/auth/login', { username: 'edu-admin', password: PASSWORD })).status).toBe(200);
    });

    it('refuses a change with a wrong current password, and stores argon2id hashes only', async () => {
      const edu = await anon.login('edu-admin', PASSWORD);
      const r = await edu.put('/api/auth/password', { currentPassword: 'Not-The-Password-1', newPassword: 'Another-Good-Pass-1' });
      expect([r.status, r.body.message]).toEqual([400, '当前密码不正确']);
      const hashes = (await h.db.query('SELECT password_hash AS h FROM users')) as { h: string }[];
      expect(hashes.every((x) => x.h.startsWith('$argon2id$'))).toBe(true);
      const users = await admin.get<Record<string, unknown>[]>('/api/users');
      expect(JSON.stringify(users.body)).not.toMatch(/argon2|password|tokenVersion/i);
    });
  });

  describe('uploads are never served inline', () => {
    it.each([
      ['a text report', 'report.txt', () => Buffer.from(`${SOURCE}\n下载`)],
      ['a PDF', 'report.pdf', () => fixture('report-sample.pdf')],
      ['a Word file', 'report.docx', () => fixture('report-sample.docx')],
      ['a name made to break the header', 'a"; filename=evil.html\r\nX-Injected: 1.txt', () => Buffer.from(`${SOURCE}\n头部`)],
    ])('%s: an attachment of no sniffable type, sandboxed, not cached', async (_what, name, bytes) => {
      const sec = await anon.login('sec-school-1', PASSWORD);
      const up = await sec.post<{ id: number }>('/api/reports', fileForm({ unitCode: 'school-1', periodCode: P }, { name, bytes: bytes(), type: 'text/html' }));
      expect([202, 200]).toContain(up.status);
      const r = await fetch(`${h.url}/api/reports/${up.body.id}/file`, { headers: { authorization: `Bearer ${sec.token}` } });
      expect(r.status).toBe(200);
      expect(r.headers.get('content-type')).toBe('application/octet-stream');
      expect(r.headers.get('content-disposition')).toMatch(/^attachment; filename="[\x20-\x21\x23-\x7e]*"; filename\*=UTF-8''[A-Za-z0-9%._~!*'()-]+$/);
      expect(r.headers.get('x-content-type-options')).toBe('nosniff');
      expect(r.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
      expect(r.headers.get('cache-control')).toBe('no-store');
      expect(r.headers.get('x-injected')).toBeNull();
      expect(Buffer.from(await r.arrayBuffer())).toEqual(bytes());
    });

    it('Excel exports are attachments too', async () => {
      for (const path of ['/api/units/export.xlsx', '/api/units/import/template.xlsx', `/api/dashboard/comparison.xlsx?period=${P}&metric=temperature`]) {
        const r = await fetch(h.url + path, { headers: { authorization: `Bearer ${admin.token}` } });
        expect([path, r.status]).toEqual([path, 200]);
        expect(r.headers.get('content-disposition')).toMatch(/^attachment;/);
        expect(r.headers.get('x-content-type-options')).toBe('nosniff');
      }
    });
  });

  describe('no secret in any log line (api and worker at LOG_LEVEL=trace)', () => {
    const secrets = {
      adminPassword: `Adm1n-${randomBytes(6).toString('hex')}!`,
      jwtSecret: randomBytes(32).toString('hex'),
      smtpPassword: `smtp-${randomBytes(8).toString('hex')}`,
      userPassword: `User-${randomBytes(6).toString('hex')}-Pw!`,
      newPassword: `Next-${randomBytes(6).toString('hex')}-Pw!`,
      wrongPassword: `Wrong-${randomBytes(6).toString('hex')}-Pw!`,
      channelSecret: `SEC${randomBytes(12).toString('hex')}`,
      urlToken: randomBytes(12).toString('hex'),
      personalSecret: `personal-${randomBytes(8).toString('hex')}`,
      forgedBearer: `forged.${randomBytes(12).toString('hex')}.token`,
    };
    const tokens: string[] = [];
    let api: ApiProcess | undefined;
    let worker: WorkerProcess | undefined;
    let smtp: SMTPServer | undefined;
    let hook: Server | undefined;
    const mails: string[] = [];
    const hooks: string[] = [];
    const dbName = uniqueName('tc_test');
    const prefix = uniqueName('tctest');
    let base = '';

    beforeAll(async () => {
      const smtpPort = await freePort();
      smtp = new SMTPServer({
        authOptional: false,
        allowInsecureAuth: true,
        disabledCommands: ['STARTTLS'],
        logger: false,
        onAuth: (auth, _s, cb) => (auth.username === 'mailer' && auth.password === secrets.smtpPassword ? cb(null, { user: 'mailer' }) : cb(new Error('bad auth'))),
        onData: (stream, _s, cb) => {
          let text = '';
          stream.on('data', (c: Buffer) => (text += c.toString()));
          stream.on('end', () => {
            mails.push(text);
            cb();
          });
        },
      });
      await new Promise<void>((r) => smtp?.listen(smtpPort, '127.0.0.1', r));
      hook = createServer((req, res) => {
        let body = '';
        req.on('data', (c: Buffer) => (body += c.toString()));
        req.on('end', () => {
          hooks.push(`${req.url ?? ''} ${body}`);
          res.writeHead(200, { 'content-type': 'application/json' }).end('{"errcode":0,"code":0}');
        });
      });
      await new Promise<void>((r) => hook?.listen(0, '127.0.0.1', r));
      const port = await freePort();
      base = `http://127.0.0.1:${port}`;
      const env = {
        NODE_ENV: 'test',
        PORT: String(port),
        PUBLIC_URL: `http://127.0.0.1:${port}`,
        DATABASE_URL: `${TEST_MYSQL.replace(/\/$/, '')}/${dbName}`,
        REDIS_URL: TEST_REDIS,
        QUEUE_PREFIX: prefix,
        STORAGE_DIR: mkdtempSync(join(tmpdir(), 'tc-logs-')),
        ADMIN_PASSWORD: secrets.adminPassword,
        JWT_SECRET: secrets.jwtSecret,
        SMTP_URL: `smtp://mailer:${secrets.smtpPassword}@127.0.0.1:${smtpPort}`,
        MAIL_FROM: 'Thermocline <noreply@example.gov.cn>',
        QUIET_HOURS: 'off',
        WEBHOOK_ALLOW_PRIVATE: 'true',
        LOG_LEVEL: 'trace',
        WORKER_LOG_LEVEL: 'trace',
        WORKER_LOCK_MS: '4000',
      };
      // Every line kept: a secret in the first line of a long trace log must be found too.
      api = await ApiProcess.start(env, true);
      worker = await WorkerProcess.start(env, true);
    });
    afterAll(async () => {
      await worker?.stop();
      await api?.stop();
      await new Promise<void>((r) => (smtp ? smtp.close(() => r()) : r()));
      await new Promise<void>((r) => (hook ? hook.close(() => r()) : r()));
      await dropDatabase(dbName);
      await deleteRedisPrefix(TEST_REDIS, prefix);
    });

    it('signs in, changes passwords, configures robots and secrets, sends mail and webhooks — and logs none of it', async () => {
      if (!api || !worker || !hook) throw new Error('not started');
      const c = new Client(base);
      const keep = (t: string) => (tokens.push(t), t);
      expect((await c.post('/api/auth/login', { username: 'admin', password: secrets.wrongPassword })).status).toBe(401);
      const root = await c.login('admin', secrets.adminPassword);
      keep(root.token as string);
      await createBureau(root);
      expect((await root.post('/api/periods', period)).status).toBe(201);
      expect((await root.post('/api/users', { username: 'secret-keeper', password: secrets.userPassword, displayName: '保密员', role: 'secretary', unitCode: 'school-2', email: 'keeper@example.gov.cn' })).status).toBe(201);
      const keeper = await c.login('secret-keeper', secrets.userPassword);
      keep(keeper.token as string);
      const changed = await keeper.put<{ accessToken: string }>('/api/auth/password', { currentPassword: secrets.userPassword, newPassword: secrets.newPassword });
      expect(changed.status).toBe(200);
      keep(changed.body.accessToken);
      const refreshed = await c.as(changed.body.accessToken).post<{ accessToken: string }>('/api/auth/refresh');
      // The refresh revoked the token it replaced: carry on with the fresh one.
      keep(refreshed.body.accessToken);
      expect((await c.as(secrets.forgedBearer).get('/api/auth/me')).status).toBe(401);
      const ticket = await root.post<{ url: string }>('/api/admin/queues/session');
      keep(new URL(base + ticket.body.url).searchParams.get('ticket') as string);
      await fetch(base + ticket.body.url, { redirect: 'manual' });

      const hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}`;
      const channel = await root.post<{ id: number }>('/api/notification-channels', { unitCode: 'school-1', name: '一中工作群', type: 'dingtalk', url: `${hookUrl}/robot/send?access_token=${secrets.urlToken}`, secret: secrets.channelSecret, events: ['reminder'] });
      expect(channel.status).toBe(201);
      expect((await c.as(refreshed.body.accessToken).put('/api/notifications/preferences', { webhook: { type: 'generic', url: `${hookUrl}/personal`, secret: secrets.personalSecret } })).status).toBe(200);
      expect((await root.post(`/api/notification-channels/${channel.body.id}/test`)).status).toBe(202);
      // The reminder scan: an e-mail (SMTP with the credentials) to every missing unit's secretaries.
      expect((await root.post('/api/reminders/run', { periodCode: P })).status).toBe(200);
      const sec = await c.login('sec-school-1', PASSWORD);
      keep(sec.token as string);
      const up = await upload(sec, 'school-1', P, 'r.txt', Buffer.from(`${SOURCE}\n日志`));
      expect(up.status).toBe(202);
      await waitFor(() => mails.length > 0 && hooks.some((x) => x.startsWith('/robot/send')), 60_000, 'a mail and a robot message');
      expect(hooks.find((x) => x.startsWith('/robot/send'))).toContain(`access_token=${secrets.urlToken}`);

      // A write that fails in the database, with secrets among its parameters.
      await (await import('mysql2/promise')).createConnection(`${TEST_MYSQL.replace(/\/$/, '')}/${dbName}`).then(async (conn) => {
        // A column the insert names disappears: the INSERT (secret and token among its parameters) fails.
        await conn.query('ALTER TABLE notification_channels RENAME COLUMN name TO name_gone');
        await conn.end();
      });
      const failing = await root.post('/api/notification-channels', { unitCode: 'school-2', name: '二中工作群', type: 'dingtalk', url: `${hookUrl}/robot/send?access_token=${secrets.urlToken}`, secret: secrets.channelSecret });
      expect(failing.status).toBe(500);
      await new Promise((r) => setTimeout(r, 500));

      const logs = { api: api.output, worker: worker.output };
      expect(logs.api).toContain('query failed');
      // SMTP AUTH PLAIN and LOGIN carry the password base64-encoded.
      const smtpPlain = Buffer.from(`\u0000mailer\u0000${secrets.smtpPassword}`).toString('base64');
      const smtpLogin = Buffer.from(secrets.smtpPassword).toString('base64');
      const needles: Record<string, string> = { ...secrets, smtpPlain, smtpLogin, jwtSignature: tokens[0].split('.')[2] };
      tokens.forEach((t, i) => (needles[`token${i}`] = t));
      const found = Object.entries(needles).flatMap(([name, value]) => Object.entries(logs).filter(([, text]) => text.includes(value)).map(([proc]) => `${name} in the ${proc} log`));
      expect(found).toEqual([]);
      expect(`${logs.api}${logs.worker}`).not.toMatch(/authorization":\s*"Bearer|\$argon2id\$/i);
    });
  });

  describe('scripts/audit.sh', () => {
    const run = (npmOut: string, npmErr = '', code = 0, env: Record<string, string> = {}) => {
      const dir = mkdtempSync(join(tmpdir(), 'tc-audit-'));
      const fake = join(dir, 'npm');
      writeFileSync(join(dir, 'out.json'), npmOut);
      writeFileSync(join(dir, 'err.txt'), npmErr);
      writeFileSync(fake, `#!/bin/sh\ncat "${dir}/out.json"\ncat "${dir}/err.txt" >&2\nexit ${code}\n`);
      chmodSync(fake, 0o755);
      return new Promise<{ code: number; out: string }>((resolve) =>
        execFile(join(__dirname, '..', '..', 'scripts', 'audit.sh'), { env: { ...process.env, NPM: fake, ...env } }, (err, stdout, stderr) =>
          resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, out: stdout + stderr }),
        ),
      );
    };
    const report = (counts: Record<string, number>, vulnerabilities: Record<string, unknown> = {}) =>
      JSON.stringify({ auditReportVersion: 2, vulnerabilities, metadata: { vulnerabilities: { info: 0, low: 0, moderate: 0, high: 0, critical: 0, ...counts } } });

    it('passes a clean report, and one with only moderate advisories', async () => {
      expect(await run(report({}))).toEqual({ code: 0, out: expect.stringContaining('no high or critical advisory') });
      expect((await run(report({ moderate: 2, total: 2 }), '', 1)).code).toBe(0);
    });

    it('fails on a high or critical advisory, naming the package and the fix', async () => {
      const r = await run(
        report({ high: 1 }, { multer: { name: 'multer', severity: 'high', range: '<2.0.2', via: [{ title: 'DoS via malformed request', url: 'https://github.com/advisories/GHSA-x' }], fixAvailable: { name: 'multer', version: '2.0.2' } } }),
        '',
        1,
      );
      expect(r.code).toBe(1);
      expect(r.out).toMatch(/HIGH\s+multer <2\.0\.2 — DoS via malformed request .* upgrade multer to 2\.0\.2/);
    });

    it('says COULD NOT CHECK (exit 0, or 3 with AUDIT_REQUIRED=1) when the endpoint answers 405, as this machine’s registry does', async () => {
      const body = JSON.stringify({ message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk', statusCode: 405, error: { summary: '' } });
      const r = await run(body, 'npm error audit endpoint returned an error\n', 1);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/COULD NOT CHECK[\s\S]*405 Method Not Allowed[\s\S]*NOT audited/);
      expect((await run(body, 'npm error audit endpoint returned an error\n', 1, { AUDIT_REQUIRED: '1' })).code).toBe(3);
      expect((await run('', 'npm error code ENOTFOUND\n', 1)).out).toContain('COULD NOT CHECK');
    });

    it('does not pass what it does not understand', async () => {
      expect((await run('not json', 'something odd\n', 1)).code).toBe(2);
    });
  });
});
