// Security findings 1, 2, 3 and 11 (issue 13), each replayed against the running api with its
// default settings: user-name variants that got fresh tries, X-Forwarded-For rotation, a burst of
// parallel guesses, and the token and password hardening.
import { randomUUID } from 'node:crypto';
import IORedis from 'ioredis';
import jwt from 'jsonwebtoken';
import { createBureau, firstSignIn, PASSWORD } from '../support/bureau';
import { ADMIN_PASSWORD, startHarness, TEST_REDIS, type Harness } from '../support/harness';
import { Client } from '../support/http';

describe('sign-in hardening (issue 13: findings 1, 2, 3, 11)', () => {
  let h: Harness;
  let anon: Client;
  let admin: Client;
  let redis: IORedis;
  const login = (username: string, password: string, headers: Record<string, string> = {}) =>
    anon.request<{ message: string; accessToken: string; user: { mustChangePassword: boolean } }>('POST', '/api/auth/login', { username, password }, headers);
  /** Forget every login counter, so one test's failures do not throttle the next (all come from 127.0.0.1). */
  const clearCounters = async () => {
    const keys = await redis.keys(`${h.config.queuePrefix}:login-fail:*`);
    if (keys.length) await redis.del(...keys);
  };

  beforeAll(async () => {
    h = await startHarness({ JWT_TTL: '10m' }); // LOGIN_MAX_FAILURES 5, TRUST_PROXY unset: the defaults
    redis = new IORedis(TEST_REDIS);
    anon = new Client(h.url);
    admin = await anon.login('admin', ADMIN_PASSWORD);
    await createBureau(admin);
  });
  afterAll(async () => {
    redis?.disconnect();
    await h?.close();
  });
  beforeEach(clearCounters);

  describe('1: one account, one counter, whatever the spelling of its name', () => {
    it('variants the collation resolves to the same user share its 5 tries; the locked user cannot sign in as a variant', async () => {
      for (const name of ['leader ', 'Leader', 'ｌｅａｄｅｒ', 'léader', ' LEADER  ']) {
        expect([name, (await login(name, 'Wrong-Pass-2026!')).status]).toEqual([name, 401]);
      }
      for (const name of ['leader', 'leader ', 'ｌｅａｄｅｒ']) {
        const r = await login(name, PASSWORD);
        expect([name, r.status, r.body.message]).toEqual([name, 429, expect.stringMatching(/锁定/)]);
      }
    });

    it('a variant with accents never signs in, even with the right password', async () => {
      expect((await login('léader', PASSWORD)).status).toBe(401);
      expect((await login(' LEADER ', PASSWORD)).status).toBe(200);
    });

    it('stores user names normalised and refuses a variant of a name in use', async () => {
      for (const name of ['admin ', 'ａｄｍｉｎ', 'Leader', 'SEC-SCHOOL-1']) {
        const r = await admin.post('/api/users', { username: name, password: PASSWORD, displayName: '冒名者', role: 'admin', unitCode: 'edu' });
        expect([name, r.status]).toEqual([name, 409]);
      }
      const r = await admin.post<{ username: string }>('/api/users', { username: ' Ｎｅｗ.User ', password: PASSWORD, displayName: '新用户', role: 'secretary', unitCode: 'edu' });
      expect([r.status, r.body.username]).toEqual([201, 'new.user']);
      const rows = (await h.db.query("SELECT username FROM users WHERE username LIKE 'new%'")) as { username: string }[];
      expect(rows.map((x) => x.username)).toEqual(['new.user']);
    });
  });

  describe('2: X-Forwarded-For is not believed unless TRUST_PROXY says so', () => {
    it('rotating the header does not escape the per-address limit (10 × 5)', async () => {
      for (let i = 0; i < 50; i++) {
        const r = await login(`spray-${i}`, 'Spring-2026!', { 'x-forwarded-for': `198.51.100.${i}` });
        expect(r.status).toBe(401);
      }
      const r = await login('edu-leader', PASSWORD, { 'x-forwarded-for': '203.0.113.250' });
      expect(r.status).toBe(429);
    });
  });

  describe('3: the count is taken before the password is checked', () => {
    it('of 40 parallel wrong passwords, exactly 5 are checked', async () => {
      const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => login('edu-admin', `Wrong-Guess-${i}!`)));
      const statuses = answers.map((a) => a.status).sort();
      expect(statuses.filter((s) => s === 401)).toHaveLength(5);
      expect(statuses.filter((s) => s === 429)).toHaveLength(35);
      expect((await login('edu-admin', PASSWORD)).status).toBe(429);
    });

    it('successes do not use up the address: 60 sign-ins in a row from one address all succeed', async () => {
      for (let i = 0; i < 60; i++) expect((await login('sec-school-2', PASSWORD)).status).toBe(200);
    });
  });

  describe('11: passwords, tokens and sessions', () => {
    const sign = (claims: object, options: jwt.SignOptions = {}) => jwt.sign(claims, h.config.jwtSecret, { algorithm: 'HS256', issuer: 'thermocline', ...options });
    const userRow = async (name: string) => ((await h.db.query('SELECT id, token_version AS tv FROM users WHERE username = ?', [name])) as { id: number; tv: number }[])[0];

    it('a user an admin created can do nothing but replace that password, and not with the same one', async () => {
      expect((await admin.post('/api/users', { username: 'fresh', password: PASSWORD, displayName: '新书记', role: 'secretary', unitCode: 'school-2' })).status).toBe(201);
      const first = await login('fresh', PASSWORD);
      expect([first.status, first.body.user.mustChangePassword]).toEqual([200, true]);
      const c = anon.as(first.body.accessToken);
      const blocked = await c.get('/api/units');
      expect([blocked.status, blocked.body.message]).toEqual([403, expect.stringMatching(/请先修改初始密码/)]);
      expect((await c.post('/api/auth/refresh')).status).toBe(403);
      expect((await c.get<{ mustChangePassword: boolean }>('/api/auth/me')).body.mustChangePassword).toBe(true);
      const same = await c.put('/api/auth/password', { currentPassword: PASSWORD, newPassword: PASSWORD });
      expect([same.status, same.body.message]).toEqual([400, expect.stringMatching(/不能与管理员设置的密码相同/)]);
      const changed = await c.put<{ accessToken: string; user: { mustChangePassword: boolean } }>('/api/auth/password', { currentPassword: PASSWORD, newPassword: 'Own-Choice-2027!' });
      expect([changed.status, changed.body.user.mustChangePassword]).toEqual([200, false]);
      expect((await anon.as(changed.body.accessToken).get('/api/units')).status).toBe(200);
      // An admin's reset makes it a one-time password again.
      expect((await admin.patch('/api/users/fresh', { password: 'Admin-Chosen-2027' })).status).toBe(200);
      expect((await (await anon.login('fresh', 'Admin-Chosen-2027')).get('/api/units')).status).toBe(403);
    });

    it.each([['Password123'], ['aaaaaaaaaA1'], ['P@ssw0rd2026']])('refuses the common or low-entropy password %s with a Chinese reason', async (pw) => {
      const c = await anon.login('sec-school-1', PASSWORD);
      const r = await c.put('/api/auth/password', { currentPassword: PASSWORD, newPassword: pw });
      expect([r.status, r.body.message]).toEqual([400, expect.stringMatching(/太常见或太容易猜到/)]);
      expect((await admin.post('/api/users', { username: 'weakling', password: pw, displayName: '弱', role: 'secretary', unitCode: 'edu' })).status).toBe(400);
    });

    it('refresh revokes the token it replaces: neither it nor a second refresh of it works', async () => {
      const c = await anon.login('edu-leader', PASSWORD);
      const fresh = await c.post<{ accessToken: string }>('/api/auth/refresh');
      expect(fresh.status).toBe(200);
      expect((await c.get('/api/auth/me')).status).toBe(401);
      expect((await c.post('/api/auth/refresh')).status).toBe(401);
      expect((await anon.as(fresh.body.accessToken).get('/api/auth/me')).status).toBe(200);
    });

    it('two parallel refreshes of one token: one wins', async () => {
      const c = await anon.login('edu-leader', PASSWORD);
      const both = await Promise.all([c.post('/api/auth/refresh'), c.post('/api/auth/refresh')]);
      expect(both.map((r) => r.status).sort()).toEqual([200, 401]);
    });

    it('SESSION_MAX (7 days) bounds a session however often it is refreshed', async () => {
      const { id, tv } = await userRow('edu-leader');
      const now = Math.floor(Date.now() / 1000);
      const old = sign({ sub: String(id), tv, ss: now - 7 * 86400 - 10 }, { expiresIn: 600, jwtid: randomUUID() });
      const r = await anon.as(old).post('/api/auth/refresh');
      expect([r.status, r.body.message]).toEqual([401, expect.stringMatching(/最长会话/)]);
      const nearEnd = sign({ sub: String(id), tv, ss: now - 7 * 86400 + 300 }, { expiresIn: 600, jwtid: randomUUID() });
      const last = await anon.as(nearEnd).post<{ accessToken: string; expiresIn: number }>('/api/auth/refresh');
      expect(last.status).toBe(200);
      expect(last.body.expiresIn).toBeLessThanOrEqual(300);
      expect((jwt.decode(last.body.accessToken) as { exp: number }).exp).toBeLessThanOrEqual(now - 7 * 86400 + 300 + 7 * 86400 + 1);
    });

    it('refuses a correctly signed token without exp (it would never expire)', async () => {
      const { id, tv } = await userRow('edu-leader');
      const forever = sign({ sub: String(id), tv, ss: Math.floor(Date.now() / 1000) }, { jwtid: randomUUID() });
      expect((jwt.decode(forever) as { exp?: number }).exp).toBeUndefined();
      expect((await anon.as(forever).get('/api/auth/me')).status).toBe(401);
      const withExp = sign({ sub: String(id), tv, ss: Math.floor(Date.now() / 1000) }, { jwtid: randomUUID(), expiresIn: 60 });
      expect((await anon.as(withExp).get('/api/auth/me')).status).toBe(200);
    });

    it('answers every auth route with Cache-Control: no-store, errors included', async () => {
      const ok = await login('edu-leader', PASSWORD);
      const bad = await login('edu-leader', 'Wrong-Pass-2026!');
      const me = await anon.as(ok.body.accessToken).get('/api/auth/me');
      const anonMe = await anon.get('/api/auth/me');
      expect([ok, bad, me, anonMe].map((r) => [r.status, r.headers.get('cache-control')])).toEqual([
        [200, 'no-store'],
        [401, 'no-store'],
        [200, 'no-store'],
        [401, 'no-store'],
      ]);
    });
  });

  it('firstSignIn (test support) leaves the user signed in with the same password and free to work', async () => {
    expect((await admin.post('/api/users', { username: 'helper-check', password: PASSWORD, displayName: '检查', role: 'leader', unitCode: 'edu' })).status).toBe(201);
    const c = await firstSignIn(anon, 'helper-check', PASSWORD);
    expect((await c.get('/api/units')).status).toBe(200);
  });
});
