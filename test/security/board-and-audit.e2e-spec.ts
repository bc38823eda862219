// Security findings 6 and 10 (issue 13), replayed against the running api: the queue board's
// session outliving its admin, and audit entries whose visibility followed the actor's current unit.
import { createBureau, firstSignIn, PASSWORD } from '../support/bureau';
import { ADMIN_PASSWORD, startHarness, type Harness } from '../support/harness';
import { Client } from '../support/http';

describe('queue board session and audit scope (issue 13: findings 6, 10)', () => {
  let h: Harness;
  let anon: Client;
  let admin: Client;
  let admin2: Client;

  beforeAll(async () => {
    h = await startHarness();
    anon = new Client(h.url);
    admin = await anon.login('admin', ADMIN_PASSWORD);
    await createBureau(admin);
    expect((await admin.post('/api/users', { username: 'admin2', password: PASSWORD, displayName: '第二管理员', role: 'admin', unitCode: 'bureau' })).status).toBe(201);
    admin2 = await firstSignIn(anon, 'admin2', PASSWORD);
  });
  afterAll(() => h?.close());

  const open = async (c: Client) => {
    const ticketUrl = h.url + (await c.post<{ url: string }>('/api/admin/queues/session')).body.url;
    const first = await fetch(ticketUrl, { redirect: 'manual' });
    return { ticketUrl, status: first.status, cookie: (first.headers.get('set-cookie') ?? '').split(';')[0] };
  };
  const board = (cookie: string, path = '/api/queues', method = 'GET') => fetch(`${h.url}/api/admin/queues${path}`, { method, headers: { cookie } });
  const auditRows = async (action: string) =>
    (await h.db.query('SELECT actor, entity_id AS entityId, detail FROM audit_log WHERE action = ? ORDER BY id', [action])) as { actor: string; entityId: string; detail: string | Record<string, unknown> }[];

  it('a ticket opens the board once; the second use of the same link is refused', async () => {
    const { ticketUrl, status, cookie } = await open(admin);
    expect(status).toBe(303);
    expect((await board(cookie)).status).toBe(200);
    const again = await fetch(ticketUrl, { redirect: 'manual' });
    expect([again.status, again.headers.get('set-cookie')]).toEqual([401, null]);
    expect((await auditRows('queue.board_open')).map((r) => r.actor)).toEqual(['admin']);
  });

  it('pausing and resuming a queue are audited under the admin’s name', async () => {
    const { cookie } = await open(admin);
    const list = (await (await board(cookie)).json()) as { queues: { name: string }[] };
    const name = list.queues[0].name;
    for (const action of ['pause', 'resume']) {
      const r = await board(cookie, `/api/queues/${encodeURIComponent(name)}/${action}`, 'PUT');
      expect([action, r.status]).toEqual([action, 200]);
    }
    await new Promise((r) => setTimeout(r, 200)); // the entry is written once the answer is sent
    const rows = await auditRows('queue.board_action');
    const detail = rows.map((r) => (typeof r.detail === 'string' ? JSON.parse(r.detail) : r.detail) as Record<string, unknown>);
    expect(rows.map((r) => [r.actor, r.entityId])).toEqual([
      ['admin', name],
      ['admin', name],
    ]);
    expect(detail.map((d) => [d.method, d.path, d.status])).toEqual([
      ['PUT', `/api/queues/${encodeURIComponent(name)}/pause`, 200],
      ['PUT', `/api/queues/${encodeURIComponent(name)}/resume`, 200],
    ]);
  });

  it('the board session ends when its admin is disabled or changes password', async () => {
    const { cookie } = await open(admin2);
    expect((await board(cookie)).status).toBe(200);
    expect((await admin.patch('/api/users/admin2', { disabled: true })).status).toBe(200);
    const refused = await board(cookie, '/api/queues/extract/pause', 'PUT');
    expect(refused.status).toBe(401);
    expect(await refused.text()).toMatch(/重新登录后再打开/);
    expect((await admin.patch('/api/users/admin2', { disabled: false })).status).toBe(200);
    // Enabled again, the old cookie stays dead: disabling bumped the token version.
    expect((await board(cookie)).status).toBe(401);

    const fresh = await open(await anon.login('admin2', PASSWORD));
    expect((await board(fresh.cookie)).status).toBe(200);
    const signedIn = await anon.login('admin2', PASSWORD);
    expect((await signedIn.put('/api/auth/password', { currentPassword: PASSWORD, newPassword: 'Queue-Keeper-2027!' })).status).toBe(200);
    expect((await board(fresh.cookie)).status).toBe(401);
  });

  it('a ticket is not a session token (it carries an audience)', async () => {
    const { ticketUrl } = await open(admin);
    const ticket = new URL(ticketUrl).searchParams.get('ticket') as string;
    expect((await anon.as(ticket).get('/api/auth/me')).status).toBe(401);
  });

  describe('audit entries are scoped by the unit they concerned at the time (finding 10)', () => {
    type Entry = { action: string; actor: string; entity: string; entityId: string | null };
    const log = async (c: Client) => (await c.get<Entry[]>('/api/audit?limit=500')).body;

    it('moving a user into an administrator’s sub-tree does not reveal what they did before', async () => {
      const eduAdmin = await anon.login('edu-admin', PASSWORD);
      await anon.login('sec-hospital', PASSWORD); // an auth.login about hospital, outside edu
      const before = (await log(eduAdmin)).filter((e) => e.actor === 'sec-hospital');
      expect(before).toEqual([]);
      expect((await admin.patch('/api/users/sec-hospital', { unitCode: 'school-2' })).status).toBe(200);
      // The old entries stay out of edu's sight (they named the user's old unit, outside edu)…
      expect((await log(eduAdmin)).filter((e) => e.actor === 'sec-hospital')).toEqual([]);
      // …and what the user does from now on, in school-2, is in it.
      await anon.login('sec-hospital', PASSWORD);
      expect((await log(eduAdmin)).filter((e) => e.actor === 'sec-hospital').map((e) => e.action)).toEqual(['auth.login']);
      // The bureau's administrators see all of it.
      expect((await log(admin)).filter((e) => e.actor === 'sec-hospital' && e.action === 'auth.login').length).toBeGreaterThanOrEqual(3);
    });

    it('an entry about a unit in the sub-tree is visible whoever wrote it; one outside is not', async () => {
      expect((await admin.post('/api/units', { code: 'school-3', name: '三中党支部', parentCode: 'edu', memberCount: 10 })).status).toBe(201);
      expect((await admin.post('/api/units', { code: 'clinic', name: '社区医院党支部', parentCode: 'health', memberCount: 10 })).status).toBe(201);
      const eduAdmin = await anon.login('edu-admin', PASSWORD);
      const units = (await log(eduAdmin)).filter((e) => e.action === 'unit.create').map((e) => e.entityId);
      expect(units).toContain('school-3');
      expect(units).not.toContain('clinic');
      expect(units).not.toContain('health');
    });
  });
});
