// The audit log for people (#16.3): Chinese action names, targets by name, a readable detail,
// filters (who, what, unit, time) within the administrator's scope, and the Excel export.
import ExcelJS from 'exceljs';
import { createBureau, PASSWORD } from './support/bureau';
import { ADMIN_PASSWORD, startHarness, type Harness } from './support/harness';
import { Client } from './support/http';

interface Entry { id: string; at: string; actor: string; action: string; actionLabel: string; target: string; summary: string; entity: string; entityId: string | null }

describe('audit log for administrators', () => {
  let h: Harness;
  let admin: Client;

  beforeAll(async () => {
    h = await startHarness();
    admin = await new Client(h.url).login('admin', ADMIN_PASSWORD);
    await createBureau(admin);
    await admin.patch('/api/units/school-2', { memberCount: 26 });
    await admin.patch('/api/units/hospital', { memberCount: 121 });
    await new Client(h.url).login('sec-school-1', PASSWORD);
  });

  afterAll(() => h?.close());

  it('names actions in Chinese, targets by name and the detail in words', async () => {
    const r = await admin.get<Entry[]>('/api/audit?entity=unit&entityId=school-2');
    expect(r.status).toBe(200);
    expect(r.body[0]).toMatchObject({ action: 'unit.update', actionLabel: '修改单位', target: '单位 · 二中党支部', summary: '党员数：26' });
    const created = (await admin.get<Entry[]>('/api/audit?action=user.create')).body.find((e) => e.entityId !== 'admin' && e.summary.includes('sec-school-1'))!;
    expect(created.target).toBe('用户 · 一中书记（sec-school-1）');
    expect(created.summary).toContain('角色：书记/联络员');
    expect(created.summary).toContain('单位：一中党总支');
    expect(JSON.stringify(created)).not.toMatch(/user #/);
    // The unattended first start (ADMIN_PASSWORD) created the administrator: entity id is the user's id.
    const first = (await admin.get<Entry[]>('/api/audit?action=user.create&limit=500')).body.find((e) => e.summary.includes('首次启动时创建'))!;
    expect(first).toMatchObject({ actor: 'system', target: '用户 · 系统管理员（admin）' });
  });

  it('filters by who, by what (an action or all of a kind), by unit with its sub-units, and by time', async () => {
    const logins = (await admin.get<Entry[]>('/api/audit?actor=sec-school-1')).body;
    // Signing in, and replacing the administrator-set password at first sign-in (#13).
    expect(new Set(logins.map((e) => e.action))).toEqual(new Set(['auth.login', 'auth.password_change']));
    const units = (await admin.get<Entry[]>('/api/audit?action=unit.&limit=500')).body;
    expect(new Set(units.map((e) => e.action.split('.')[0]))).toEqual(new Set(['unit']));
    const edu = (await admin.get<Entry[]>('/api/audit?unitCode=edu&limit=500')).body;
    const touched = edu.map((e) => e.target);
    expect(touched).toContain('单位 · 二中党支部');
    expect(touched).not.toContain('单位 · 人民医院党委');
    expect(edu.some((e) => e.actor === 'sec-school-1' && e.action === 'auth.login')).toBe(true);
    const future = new Date(Date.now() + 3_600_000).toISOString();
    expect((await admin.get<Entry[]>(`/api/audit?from=${future}`)).body).toEqual([]);
    const all = (await admin.get<Entry[]>(`/api/audit?to=${future}&limit=500`)).body;
    expect(all.length).toBeGreaterThan(10);
    expect((await admin.get(`/api/audit?action=${encodeURIComponent("x' OR 1=1")}`)).status).toBe(400);
  });

  it('refuses a unit outside a branch administrator’s scope exactly like a missing one', async () => {
    const edu = await new Client(h.url).login('edu-admin', PASSWORD);
    expect((await edu.get('/api/audit?unitCode=school-1')).status).toBe(200);
    const out = await edu.get('/api/audit?unitCode=hospital');
    const missing = await edu.get('/api/audit?unitCode=no-such-unit');
    expect([out.status, missing.status]).toEqual([404, 404]);
    expect(String(out.body.message).replace('hospital', 'X')).toBe(String(missing.body.message).replace('no-such-unit', 'X'));
  });

  it('exports what the filters show as Excel, in Chinese, times in the reporting zone', async () => {
    const r = await admin.get<Buffer>('/api/audit/export.xlsx?unitCode=edu');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-disposition')).toContain(encodeURIComponent('审计日志'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.body as never);
    const ws = wb.getWorksheet('审计日志')!;
    expect(ws.getRow(2).values).toEqual([undefined, '时间', '操作人', '操作', '对象', '详情', '操作代码', '请求编号']);
    const rows = ws.getRows(3, ws.rowCount - 2)!.map((row) => row.values as unknown[]);
    expect(rows.length).toBe((await admin.get<Entry[]>('/api/audit?unitCode=edu&limit=500')).body.length);
    expect(rows.some((v) => v[3] === '修改单位' && v[4] === '单位 · 二中党支部')).toBe(true);
    expect(String(rows[0][1])).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    expect((await (await new Client(h.url).login('leader', PASSWORD)).get('/api/audit/export.xlsx')).status).toBe(403);
  });
});
