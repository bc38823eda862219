// 大屏 links (#16.7): an administrator issues a read-only link for a wall with no login and revokes
// it; the token is stored hashed, reads only its unit's dashboard, and every issue/revoke is audited.
import { createBureau, PASSWORD } from './support/bureau';
import { ADMIN_PASSWORD, startHarness, type Harness } from './support/harness';
import { Client } from './support/http';

describe('wall links', () => {
  let h: Harness;
  let admin: Client;

  beforeAll(async () => {
    h = await startHarness();
    admin = await new Client(h.url).login('admin', ADMIN_PASSWORD);
    await createBureau(admin);
    await admin.post('/api/periods', { code: '2026-H1', name: '2026年上半年', startsOn: '2026-01-01', endsOn: '2026-06-30', dueOn: '2026-07-10' });
  });
  afterAll(() => h?.close());

  const wall = (token: string | null, query = '') => new Client(h.url).request<Record<string, unknown>>('GET', `/api/wall/data${query}`, undefined, token === null ? {} : { 'X-Wall-Token': token });

  it('issues a link whose token is shown once and stored only as a hash, and reads the unit’s dashboard with it', async () => {
    const r = await admin.post<{ id: number; token: string; path: string }>('/api/wall-links', { name: '三楼党组会议室' });
    expect(r.status).toBe(201);
    expect(r.body.path).toBe(`/wall/link#${r.body.token}`);
    const [row] = (await h.db.query('SELECT token_hash FROM wall_links WHERE id = ?', [r.body.id])) as { token_hash: string }[];
    expect(row.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.token_hash).not.toContain(r.body.token);
    const d = await wall(r.body.token, '?period=2026-H1');
    expect(d.status).toBe(200);
    expect(d.body).toMatchObject({ unitName: '局党组', period: { code: '2026-H1' } });
    expect((d.body.gap as { overview: { expected: number } }).overview.expected).toBeGreaterThan(5);
    const list = (await admin.get<{ id: number; name: string; lastUsedAt: string | null; revokedAt: string | null }[]>('/api/wall-links')).body;
    expect(list.find((l) => l.id === r.body.id)).toMatchObject({ name: '三楼党组会议室', revokedAt: null, lastUsedAt: expect.any(String) });
    expect(JSON.stringify(list)).not.toContain(r.body.token);
  });

  it('refuses no token, a wrong one and a revoked one alike, and a branch link sees only its branch', async () => {
    expect((await wall(null)).status).toBe(401);
    expect((await wall('x'.repeat(43))).status).toBe(401);
    const edu = await new Client(h.url).login('edu-admin', PASSWORD);
    const mine = (await edu.post<{ id: number; token: string }>('/api/wall-links', { name: '教育局会议室' })).body;
    const d = await wall(mine.token, '?period=2026-H1');
    expect(d.body.unitName).toBe('教育局党委');
    const codes = (d.body.gap as { units: { code: string }[] }).units.map((u) => u.code);
    expect(codes).toContain('school-1');
    expect(codes).not.toContain('hospital');
    // The chart's level names are the organisation's, counted from the link's unit (it has no login to ask for them).
    const levels = (await admin.get<{ level: number; name: string }[]>('/api/units/levels')).body;
    const depth = Math.max(...(d.body.gap as { levels: { level: number }[] }).levels.map((l) => l.level));
    expect(d.body.levelNames).toEqual(Array.from({ length: depth + 1 }, (_, i) => levels.find((l) => l.level === i + 1)?.name));
    expect(depth).toBeGreaterThan(0);
    const bureauLink = (await admin.get<{ id: number; name: string }[]>('/api/wall-links')).body.find((l) => l.name === '三楼党组会议室')!;
    expect((await edu.request('DELETE', `/api/wall-links/${bureauLink.id}`)).status).toBe(404);
    expect((await edu.request('DELETE', `/api/wall-links/${mine.id}`)).status).toBe(204);
    const revoked = await wall(mine.token);
    expect(revoked.status).toBe(401);
    expect(String(revoked.body.message)).toContain('向管理员索取新链接');
  });

  it('audits issuing and revoking with Chinese labels', async () => {
    const log = (await admin.get<{ action: string; actionLabel: string; target: string }[]>('/api/audit?action=wall.')).body;
    expect(log.map((e) => e.actionLabel)).toEqual(expect.arrayContaining(['发放大屏链接', '撤销大屏链接']));
    expect(log.some((e) => e.target.startsWith('大屏链接'))).toBe(true);
  });
});
