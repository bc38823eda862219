import ExcelJS from 'exceljs';
import jwt from 'jsonwebtoken';
import { createBureau, firstSignIn, PASSWORD, UNITS } from './support/bureau';
import { ADMIN_PASSWORD, startHarness, type Harness } from './support/harness';
import { Client, fileForm } from './support/http';

type Unit = { code: string; level: number; depth: number; parentCode: string | null; pathCodes: string[] };

describe('foundation: auth, scope, units, users, periods', () => {
  let h: Harness;
  let anon: Client;
  let admin: Client;

  beforeAll(async () => {
    h = await startHarness();
    anon = new Client(h.url);
    admin = await anon.login('admin', ADMIN_PASSWORD);
    await createBureau(admin);
  });
  afterAll(() => h?.close());

  describe('health and platform', () => {
    it('reports MySQL and Redis up', async () => {
      const r = await anon.get('/api/health');
      expect(r.status).toBe(200);
      expect(r.body).toEqual({ status: 'ok', db: 'up', redis: 'up' });
    });

    it('serves OpenAPI with the contract paths, and security headers', async () => {
      const r = await anon.get<{ paths: Record<string, unknown> }>('/api/docs-json');
      expect(r.status).toBe(200);
      for (const p of ['/api/auth/login', '/api/units', '/api/units/import', '/api/users', '/api/periods', '/api/health']) {
        expect(Object.keys(r.body.paths)).toContain(p);
      }
      expect(r.headers.get('x-content-type-options')).toBe('nosniff');
      expect(r.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(r.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('answers errors as {statusCode, error, message} without stacks', async () => {
      const r = await admin.request('POST', '/api/units', '{"code": broken', { 'content-type': 'application/json' });
      expect(r.status).toBe(400);
      expect(r.body).toEqual({ statusCode: 400, error: 'Bad Request', message: '请求体不是有效的 JSON' });
      const v = await admin.post('/api/units', { code: 'x y', name: '', parentCode: 'bureau', memberCount: -1 });
      expect(v.status).toBe(400);
      expect(String(v.body.message)).toContain('单位编码只能包含字母');
      expect(JSON.stringify(v.body)).not.toMatch(/at \w+ \(/);
    });
  });

  describe('login', () => {
    it('signs in with the right password and knows who you are', async () => {
      const r = await anon.post<{ accessToken: string; user: Record<string, unknown> }>('/api/auth/login', { username: 'sec-school-1', password: PASSWORD });
      expect(r.status).toBe(200);
      expect(r.body.user).toMatchObject({ username: 'sec-school-1', role: 'secretary', unitCode: 'school-1' });
      const me = await anon.as(r.body.accessToken).get('/api/auth/me');
      expect(me.body).toMatchObject({ username: 'sec-school-1', unitName: '一中党总支' });
    });

    it('refuses a wrong password with 401 and the same message as an unknown user', async () => {
      const wrong = await anon.post('/api/auth/login', { username: 'sec-school-2', password: 'nope' });
      const unknown = await anon.post('/api/auth/login', { username: 'nobody', password: 'nope' });
      expect(wrong.status).toBe(401);
      expect(unknown.status).toBe(401);
      expect(wrong.body.message).toBe(unknown.body.message);
    });

    it('locks the account after repeated failures, even for the right password', async () => {
      for (let i = 0; i < h.config.login.maxFailures; i++) {
        expect((await anon.post('/api/auth/login', { username: 'sec-hospital', password: `wrong-${i}` })).status).toBe(401);
      }
      const locked = await anon.post('/api/auth/login', { username: 'sec-hospital', password: PASSWORD });
      expect(locked.status).toBe(429);
      expect(String(locked.body.message)).toMatch(/锁定.*分钟后再试/);
      // Another account is not affected.
      expect((await anon.post('/api/auth/login', { username: 'sec-school-2', password: PASSWORD })).status).toBe(200);
    });
  });

  describe('tokens', () => {
    it('refuses an expired token', async () => {
      const expired = jwt.sign({ sub: '1', tv: 0, iss: 'thermocline', exp: Math.floor(Date.now() / 1000) - 10 }, h.config.jwtSecret);
      const r = await anon.as(expired).get('/api/units');
      expect(r.status).toBe(401);
      expect(r.body.message).toBe('登录已过期，请重新登录');
    });

    it('refuses a forged token, an unsigned one, and none at all', async () => {
      const forged = jwt.sign({ sub: '1', tv: 0, iss: 'thermocline' }, 'not-the-secret-not-the-secret-not-the-secret');
      expect((await anon.as(forged).get('/api/units')).status).toBe(401);
      const unsigned = jwt.sign({ sub: '1', tv: 0, iss: 'thermocline' }, '', { algorithm: 'none' });
      expect((await anon.as(unsigned).get('/api/units')).status).toBe(401);
      expect((await anon.get('/api/units')).status).toBe(401);
    });

    it('stops every earlier token when the password is reset', async () => {
      const sec = await anon.login('sec-school-2', PASSWORD);
      expect((await sec.get('/api/auth/me')).status).toBe(200);
      expect((await admin.patch('/api/users/sec-school-2', { password: 'Another-Pass-2027' })).status).toBe(200);
      expect((await sec.get('/api/auth/me')).status).toBe(401);
      await admin.patch('/api/users/sec-school-2', { password: PASSWORD });
      await firstSignIn(anon, 'sec-school-2', PASSWORD);
    });
  });

  describe('scope: units', () => {
    it('shows each role exactly its subtree', async () => {
      const codes = async (c: Client) => (await c.get<Unit[]>('/api/units')).body.map((u) => u.code).sort();
      expect(await codes(await anon.login('leader', PASSWORD))).toEqual(['bureau', ...UNITS.map((u) => u.code)].sort());
      expect(await codes(await anon.login('edu-leader', PASSWORD))).toEqual(['edu', 'school-1', 'school-1-b1', 'school-2']);
      expect(await codes(await anon.login('sec-school-1', PASSWORD))).toEqual(['school-1', 'school-1-b1']);
    });

    it('answers 404 outside the subtree, exactly as for a unit that does not exist', async () => {
      const eduLeader = await anon.login('edu-leader', PASSWORD);
      expect((await eduLeader.get('/api/units/school-2')).status).toBe(200);
      const outside = await eduLeader.get('/api/units/hospital');
      const missing = await eduLeader.get('/api/units/no-such-unit');
      expect(outside.status).toBe(404);
      expect(outside.body).toEqual(missing.body);
    });

    it("does not let a secretary's token read another branch", async () => {
      const sec = await anon.login('sec-school-1', PASSWORD);
      expect((await sec.get('/api/units/school-1')).status).toBe(200);
      expect((await sec.get('/api/units/school-2')).status).toBe(404);
      expect((await sec.get('/api/units/bureau')).status).toBe(404);
    });

    it('lets only admins write, and only inside their subtree', async () => {
      const leader = await anon.login('leader', PASSWORD);
      expect((await leader.post('/api/units', { code: 'n1', name: '新', parentCode: 'bureau', memberCount: 1 })).status).toBe(403);
      const eduAdmin = await anon.login('edu-admin', PASSWORD);
      expect((await eduAdmin.post('/api/units', { code: 'n2', name: '新', parentCode: 'hospital', memberCount: 1 })).status).toBe(404);
      expect((await eduAdmin.patch('/api/units/hospital', { name: '改名' })).status).toBe(404);
      const ok = await eduAdmin.post('/api/units', { code: 'school-3', name: '三中党支部', parentCode: 'edu', memberCount: 18 });
      expect(ok.status).toBe(201);
      expect(ok.body).toMatchObject({ code: 'school-3', level: 2, parentCode: 'edu', pathCodes: ['bureau', 'edu', 'school-3'] });
    });

    it('moves a unit with its subtree, updating levels and paths', async () => {
      // school-1 (level 2) with its branch school-1-b1 (3) moves under hospital (2): 3 and 4.
      const r = await admin.patch<Unit>('/api/units/school-1', { parentCode: 'hospital' });
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ level: 3, parentCode: 'hospital', pathCodes: ['bureau', 'health', 'hospital', 'school-1'] });
      const branch = await admin.get<Unit>('/api/units/school-1-b1');
      expect(branch.body).toMatchObject({ level: 4, parentCode: 'school-1', pathCodes: ['bureau', 'health', 'hospital', 'school-1', 'school-1-b1'] });
      // The edu leader no longer sees them; the health side now does.
      const eduLeader = await anon.login('edu-leader', PASSWORD);
      expect((await eduLeader.get('/api/units/school-1-b1')).status).toBe(404);
      // Moving under its own descendant is refused.
      const cycle = await admin.patch('/api/units/health', { parentCode: 'school-1-b1' });
      expect(cycle.status).toBe(400);
      expect(String(cycle.body.message)).toMatch(/下级单位/);
      // Move back.
      expect((await admin.patch('/api/units/school-1', { parentCode: 'edu' })).body).toMatchObject({ level: 2 });
      expect((await admin.get<Unit>('/api/units/school-1-b1')).body).toMatchObject({ level: 3, pathCodes: ['bureau', 'edu', 'school-1', 'school-1-b1'] });
    });

    it('returns the tree nested', async () => {
      const r = await admin.get<{ code: string; children: { code: string }[] }[]>('/api/units/tree');
      expect(r.body).toHaveLength(1);
      expect(r.body[0].code).toBe('bureau');
      expect(r.body[0].children.map((c) => c.code)).toEqual(['edu', 'health']);
    });
  });

  describe('unit import', () => {
    const count = async () => (await admin.get<Unit[]>('/api/units')).body.length;

    it('writes nothing when any row is invalid and names every bad row', async () => {
      const before = await count();
      const csv = ['code,name,parentCode,memberCount', 'vil-1,一村党支部,bureau,12', 'vil-2,,bureau,5', 'vil-3,三村党支部,nowhere,7', 'vil-4,四村党支部,vil-1,abc'].join('\n');
      const r = await admin.post<{ errors: { row: number; message: string }[]; created: number }>('/api/units/import', fileForm({}, { name: 'units.csv', bytes: Buffer.from(csv) }));
      expect(r.status).toBe(400);
      expect(r.body.created).toBe(0);
      expect(r.body.errors.map((e) => e.row)).toEqual([3, 4, 5]);
      expect(r.body.errors[1].message).toContain('nowhere');
      expect(await count()).toBe(before);
      expect((await admin.get('/api/units/vil-1')).status).toBe(404);
    });

    it('imports an .xlsx with Chinese headers, parents after children, and updates existing units', async () => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('单位');
      ws.addRow(['单位编码', '单位名称', '上级编码', '党员数']);
      ws.addRow(['town-1-b', '镇第一支部', 'town-1', 9]);
      ws.addRow(['town-1', '镇党委', 'bureau', 60]);
      ws.addRow(['school-2', '二中党支部', 'edu', 27]);
      const bytes = Buffer.from(await wb.xlsx.writeBuffer());
      const dry = await admin.post('/api/units/import?dryRun=true', fileForm({}, { name: 'u.xlsx', bytes }));
      expect(dry.body).toEqual({ created: 2, updated: 1, errors: [], dryRun: true });
      expect((await admin.get('/api/units/town-1')).status).toBe(404);
      const r = await admin.post('/api/units/import', fileForm({}, { name: 'u.xlsx', bytes }));
      expect(r.status).toBe(200);
      expect(r.body).toEqual({ created: 2, updated: 1, errors: [], dryRun: false });
      expect((await admin.get<Unit>('/api/units/town-1-b')).body).toMatchObject({ level: 2, pathCodes: ['bureau', 'town-1', 'town-1-b'] });
      expect((await admin.get<{ memberCount: number }>('/api/units/school-2')).body.memberCount).toBe(27);
    });

    it('refuses a file that is neither .xlsx nor .csv with a reason', async () => {
      const r = await admin.post('/api/units/import', fileForm({}, { name: 'u.xlsx', bytes: Buffer.from([0x4d, 0x5a, 0, 0, 1, 2, 3, 0]) }));
      expect(r.status).toBe(400);
      expect(String(r.body.message)).toMatch(/xlsx|csv/);
    });
  });

  describe('scope: users and periods', () => {
    it('creates users only in scope, never returning secrets', async () => {
      const eduAdmin = await anon.login('edu-admin', PASSWORD);
      const out = await eduAdmin.post('/api/users', { username: 'x1', password: PASSWORD, displayName: 'x', role: 'secretary', unitCode: 'hospital' });
      expect(out.status).toBe(404);
      const weak = await eduAdmin.post('/api/users', { username: 'x2', password: 'weak', displayName: 'x', role: 'secretary', unitCode: 'school-2' });
      expect(weak.status).toBe(400);
      expect(String(weak.body.message)).toMatch(/至少 10 位/);
      const ok = await eduAdmin.post('/api/users', { username: 'x3', password: PASSWORD, displayName: '新书记', role: 'secretary', unitCode: 'school-2' });
      expect(ok.status).toBe(201);
      expect(JSON.stringify(ok.body)).not.toMatch(/password|hash/i);
      expect((await anon.login('x3', PASSWORD)).token).toBeTruthy();
    });

    it('lets users read users only in their subtree', async () => {
      const eduLeader = await anon.login('edu-leader', PASSWORD);
      expect((await eduLeader.get('/api/users/sec-school-1')).status).toBe(200);
      expect((await eduLeader.get('/api/users/sec-hospital')).status).toBe(404);
      const sec = await anon.login('sec-school-1', PASSWORD);
      expect((await sec.get<{ username: string }[]>('/api/users')).body.map((u) => u.username)).toEqual(['sec-school-1']);
      expect((await sec.get('/api/users/sec-school-2')).status).toBe(404);
      expect((await sec.post('/api/users', { username: 'y', password: PASSWORD, displayName: 'y', role: 'admin', unitCode: 'school-1' })).status).toBe(403);
    });

    it('lets admins create periods, everyone read them, nobody else write them', async () => {
      const r = await admin.post('/api/periods', { code: '2026-H1', name: '2026年上半年', startsOn: '2026-01-01', endsOn: '2026-06-30', dueOn: '2026-07-10' });
      expect(r.status).toBe(201);
      expect(r.body).toMatchObject({ code: '2026-H1', dueOn: '2026-07-10', overdue: true });
      const bad = await admin.post('/api/periods', { code: '2026-H2', startsOn: '2026-12-31', endsOn: '2026-07-01', dueOn: '2027-01-10' });
      expect(bad.status).toBe(400);
      const leader = await anon.login('leader', PASSWORD);
      expect((await leader.post('/api/periods', { code: '2027', startsOn: '2027-01-01', endsOn: '2027-12-31', dueOn: '2028-01-10' })).status).toBe(403);
      const sec = await anon.login('sec-school-1', PASSWORD);
      expect((await sec.get<{ code: string }[]>('/api/periods')).body.map((p) => p.code)).toContain('2026-H1');
      expect((await sec.patch('/api/periods/2026-H1', { dueOn: '2026-08-01' })).status).toBe(403);
    });
  });

  describe('audit log', () => {
    it('records every write with the actor and request id', async () => {
      const r = await admin.patch('/api/units/edu', { memberCount: 41 });
      const requestId = r.headers.get('x-request-id');
      const log = await admin.get<{ action: string; actor: string; entityId: string; requestId: string; detail: Record<string, unknown> }[]>('/api/audit?entity=unit&entityId=edu');
      expect(log.body[0]).toMatchObject({ action: 'unit.update', actor: 'admin', entityId: 'edu', requestId, detail: { memberCount: 41 } });
      const actions = (await admin.get<{ action: string }[]>('/api/audit?limit=500')).body.map((a) => a.action);
      for (const a of ['unit.create', 'unit.move', 'user.create', 'user.update', 'period.create', 'auth.login']) expect(actions).toContain(a);
      const leader = await anon.login('leader', PASSWORD);
      expect((await leader.get('/api/audit')).status).toBe(403);
    });
  });

  describe('schema', () => {
    it('matches the entities exactly: migrations and entities never drift', async () => {
      const sql = await h.db.driver.createSchemaBuilder().log();
      expect(sql.upQueries.map((q) => q.query)).toEqual([]);
    });
  });
});
