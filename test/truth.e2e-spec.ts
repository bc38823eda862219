// Issue #15 "what leaders see must be true", through the real api and worker.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { createBureau, PASSWORD } from './support/bureau';
import { ADMIN_PASSWORD, startHarness, type Harness } from './support/harness';
import { testClock } from './support/clock';
import { Client, fileForm } from './support/http';
import { waitFor } from './support/redis-server';
import { settled, upload } from './support/reports';
import { WorkerProcess } from './support/worker-process';

interface GapUnit {
  code: string;
  name: string;
  parentCode: string | null;
  level: number;
  status: string;
  temperature: number | null;
  flags: { code: string; reason: string }[];
}
interface Gap {
  status: 'ok' | 'no_data' | 'pending';
  gapDetected: boolean;
  gapIndex: number | null;
  aggregatedAt: string | null;
  overview: { expected: number; received: number; missing: number; onTimeRate: number | null; coldCount: number };
  levels: { level: number; unitCount: number }[];
  units: GapUnit[];
}

const REPORT = `二中党支部2026年上半年意识形态工作情况报告
今年以来，支部召开专题会议3次，开展理论学习12次，组织党员参加网络培训2期，覆盖党员25人。`;

describe('#15 units and periods in time', () => {
  let h: Harness;
  let worker: WorkerProcess;
  let admin: Client;
  let leader: Client;
  const { file: clockFile, setNow } = testClock();
  let importedAt = new Date(0);

  /** The gap once aggregated by a run that started after `since` (i.e. saw every change before it) and passes `check`. */
  async function gapOf(period: string, check: (g: Gap) => boolean, since = new Date(0)): Promise<Gap> {
    let gap: Gap | null = null;
    await waitFor(
      async () => {
        gap = (await leader.get<Gap>(`/api/dashboard/gap?period=${period}`)).body;
        return gap.aggregatedAt !== null && new Date(gap.aggregatedAt) >= since && check(gap);
      },
      60_000,
      `gap of ${period}`,
    ).catch((e: Error) => {
      throw new Error(`${e.message}; last: ${JSON.stringify(gap?.overview)} ${JSON.stringify(gap?.units.map((u) => u.code))}`);
    });
    return gap as unknown as Gap;
  }

  beforeAll(async () => {
    await setNow('2026-07-01T02:00:00Z');
    h = await startHarness({ TEST_CLOCK_FILE: clockFile, WORKER_LOCK_MS: '4000' });
    admin = await new Client(h.url).login('admin', ADMIN_PASSWORD);
    await createBureau(admin);
    await admin.post('/api/periods', { code: '2026-H1', name: '2026年上半年', startsOn: '2026-01-01', endsOn: '2026-06-30', dueOn: '2026-07-10' });
    // A unit that existed then and was dissolved after the due date keeps its place in 2026-H1.
    expect((await admin.post('/api/units', { code: 'old-branch', name: '老干部党支部', parentCode: 'health', memberCount: 9, activeFrom: '2024-03-01' })).status).toBe(201);
    worker = await WorkerProcess.start(h.env);
    leader = await admin.login('leader', PASSWORD);
    expect((await upload(await admin.login('sec-school-2', PASSWORD), 'school-2', '2026-H1', 'r.txt', Buffer.from(REPORT))).status).toBe(202);
  });
  afterAll(async () => {
    await worker?.stop();
    await h?.close();
  });

  it('a unit created later is active from its creation day and not expected in earlier periods; deleted ones keep their history', async () => {
    await setNow('2026-12-04T02:00:00Z');
    const t0 = new Date();
    const created = await admin.post<{ activeFrom: string; activeUntil: string | null }>('/api/units', { code: 'new-branch', name: '新成立党支部', parentCode: 'edu', memberCount: 12 });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ activeFrom: '2026-12-04', activeUntil: null });
    expect((await admin.post('/api/units', { code: 'bad-date', name: '日期错', parentCode: 'edu', memberCount: 1, activeFrom: '2026-02-30' })).body).toMatchObject({ message: expect.stringMatching(/启用日期/) });

    expect((await admin.delete('/api/units/old-branch')).status).toBe(204);
    const list = (await admin.get<{ code: string }[]>('/api/units')).body.map((u) => u.code);
    expect(list).toContain('new-branch');
    expect(list).not.toContain('old-branch');
    expect((await admin.get('/api/units/old-branch')).status).toBe(404);
    expect((await admin.post('/api/units', { code: 'old-branch', name: '重名', parentCode: 'edu', memberCount: 1 })).body).toMatchObject({ message: expect.stringMatching(/已删除/) });

    // 2026-H1 expects the bureau's 7 units and the dissolved branch (active on 10 July), not the new one.
    const gap = await gapOf('2026-H1', (g) => g.overview.received === 1 && g.overview.expected === 8 && g.units.some((u) => u.code === 'old-branch' && u.status === 'missing'), t0);
    expect(gap.units.map((u) => u.code)).not.toContain('new-branch');
    expect(gap.overview).toMatchObject({ expected: 8, received: 1, missing: 7 });
    // Reasons name the period as people read it.
    expect(gap.units.find((u) => u.code === 'old-branch')?.flags[0].reason).toBe('截至 2026-07-10 未提交 2026年上半年 报告，温度按 0 计入本层级');

    // Setting its start day back makes it expected.
    const t1 = new Date();
    expect((await admin.patch('/api/units/new-branch', { activeFrom: '2026-01-01' })).body).toMatchObject({ activeFrom: '2026-01-01' });
    await gapOf('2026-H1', (g) => g.overview.expected === 9 && g.units.some((u) => u.code === 'new-branch' && u.status === 'missing'), t1);
    const t2 = new Date();
    expect((await admin.patch('/api/units/new-branch', { activeFrom: '2026-12-04' })).status).toBe(200);
    await gapOf('2026-H1', (g) => g.overview.expected === 8, t2);
  });

  it('the import takes a start day', async () => {
    importedAt = new Date();
    const csv = 'code,name,parentCode,memberCount,启用日期\nimp-a,导入甲支部,edu,5,2025-01-01\nimp-b,导入乙支部,edu,6,\n';
    const res = await admin.post('/api/units/import', fileForm({}, { name: 'units.csv', bytes: Buffer.from(csv) }));
    expect(res.status).toBe(200);
    const units = (await admin.get<{ code: string; activeFrom: string }[]>('/api/units')).body;
    expect(units.find((u) => u.code === 'imp-a')?.activeFrom).toBe('2025-01-01');
    expect(units.find((u) => u.code === 'imp-b')?.activeFrom).toBe('2026-12-04');
  });

  it('a closed period is frozen: tree changes and writes do not touch it; reopening is audited and re-aggregates', async () => {
    // imp-a aggregated (missing), not only listed from the tree (pending): a run that started before
    // the import committed also has a time after importedAt, but did not see it.
    const before = await gapOf('2026-H1', (g) => g.overview.expected === 9 && g.units.some((u) => u.code === 'imp-a' && u.status === 'missing'), importedAt);
    expect((await leader.post('/api/periods/2026-H1/close', {})).status).toBe(403);
    const closed = await admin.post<{ closedAt: string | null }>('/api/periods/2026-H1/close', {});
    expect(closed.status).toBe(200);
    expect(closed.body.closedAt).not.toBeNull();
    expect((await admin.post('/api/periods/2026-H1/close', {})).status).toBe(409);

    // Writes into it answer 409 in Chinese.
    const late = await upload(await admin.login('sec-hospital', PASSWORD), 'hospital', '2026-H1', 'h.txt', Buffer.from(REPORT.replace('二中党支部', '人民医院党委')));
    expect(late.status).toBe(409);
    expect(late.body.message).toMatch(/已关闭.*重新开放/);
    expect((await admin.patch('/api/periods/2026-H1', { dueOn: '2026-07-20' })).status).toBe(409);

    // The tree changes: a backdated unit, a move. An open period shows them; the closed one does not.
    const changed = new Date();
    expect((await admin.post('/api/units', { code: 'back-unit', name: '补录党支部', parentCode: 'edu', memberCount: 3, activeFrom: '2020-01-01' })).status).toBe(201);
    expect((await admin.patch('/api/units/school-2', { parentCode: 'health' })).status).toBe(200);
    await admin.post('/api/periods', { code: '2026-H2', name: '2026年下半年', startsOn: '2026-07-01', endsOn: '2026-12-31', dueOn: '2027-01-10' });
    await gapOf('2026-H2', (g) => g.units.some((u) => u.code === 'back-unit'), changed);
    const after = (await leader.get<Gap>('/api/dashboard/gap?period=2026-H1')).body;
    expect(after.aggregatedAt).toBe(before.aggregatedAt);
    expect(after.units.map((u) => u.code).sort()).toEqual(before.units.map((u) => u.code).sort());
    expect(after.levels).toEqual(before.levels);
    const cmp = (await leader.get<{ units: { code: string; parentCode: string | null }[] }>('/api/dashboard/comparison?period=2026-H1&metric=temperature')).body.units;
    expect(cmp.map((u) => u.code)).not.toContain('back-unit');
    expect(cmp.find((u) => u.code === 'school-2')?.parentCode).toBe('edu');

    const reopened = new Date();
    expect((await admin.post('/api/periods/2026-H1/reopen', {})).status).toBe(200);
    await gapOf('2026-H1', (g) => g.units.some((u) => u.code === 'back-unit' && u.status === 'missing'), reopened);
    const actions = (await admin.get<{ action: string; entityId: string }[]>('/api/audit?entity=period&entityId=2026-H1')).body.map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['period.close', 'period.reopen']));
  });

  it('flags a unit far colder than its own parent as cold, naming the parent and both figures', async () => {
    const corpus = (name: string) => readFileSync(join(__dirname, 'fixtures', 'extraction', name));
    const ids: number[] = [];
    for (const [unit, file] of [
      ['bureau', 'tax-bureau-2025.txt'],
      ['edu', 'soe-group-2025.txt'],
      ['school-1', 'college-2025H2.txt'],
      ['school-1-b1', 'community-2025H2.txt'],
      ['health', 'hospital-2025H1.txt'],
      ['hospital', 'kindergarten-branch-2025.txt'],
    ] as const) {
      const r = await upload(admin, unit, '2026-H1', `${unit}.txt`, corpus(file));
      expect(r.status).toBe(202);
      ids.push(r.body.id);
    }
    await settled(admin, ids);
    const reported = (g: Gap) => g.units.filter((u) => u.status === 'reported' && u.temperature !== null);
    let gap = await gapOf('2026-H1', (g) => reported(g).length === 7 && g.units.every((x) => x.status !== 'pending'));
    const byCode = new Map(gap.units.map((u) => [u.code, u]));
    const pairs = reported(gap)
      .map((u) => ({ u, p: u.parentCode ? byCode.get(u.parentCode) : undefined }))
      .filter((x): x is { u: GapUnit; p: GapUnit } => x.p !== undefined && x.p.status === 'reported' && x.p.temperature !== null);
    const isCold = (u: GapUnit) => u.flags.some((f) => f.code === 'cold');
    // Every reporting unit under a reporting parent: cold iff below 40 or more than 40% below the parent.
    for (const { u, p } of pairs) expect([u.code, isCold(u)]).toEqual([u.code, (u.temperature as number) < 40 || (u.temperature as number) < 0.6 * (p.temperature as number)]);

    // Tighten the share just under one warm unit's distance below its parent: it turns cold, with the parent named.
    const target = pairs.find(({ u, p }) => !isCold(u) && (u.temperature as number) < (p.temperature as number) * 0.97);
    expect(target).toBeDefined();
    const { u, p } = target as { u: GapUnit; p: GapUnit };
    const below = ((p.temperature as number) - (u.temperature as number)) / (p.temperature as number);
    const share = Math.floor((below - 0.01) * 1000) / 1000;
    const tightened = new Date();
    const put = await admin.put('/api/admin/analytics-settings', { thresholds: { coldRelative: share } });
    expect(put.status).toBe(200);
    gap = await gapOf('2026-H1', (g) => g.units.some((x) => x.code === u.code && isCold(x)), tightened);
    const reason = gap.units.find((x) => x.code === u.code)?.flags.find((f) => f.code === 'cold')?.reason;
    expect(reason).toBe(`温度 ${u.temperature}，比上级「${p.name}」${p.temperature} 低 ${Math.round(below * 100)}%`);
    expect(gap.overview.coldCount).toBe(gap.units.filter(isCold).length);
    await admin.put('/api/admin/analytics-settings', { thresholds: { coldRelative: 0.4 } });
  });

  it('an empty period says so: status no_data, no gap index, no "no attenuation"; periods say which have reports', async () => {
    const first = (await leader.get<Gap>('/api/dashboard/gap?period=2026-H2')).body;
    expect(['pending', 'no_data']).toContain(first.status);
    const gap = await gapOf('2026-H2', (g) => g.status === 'no_data');
    expect(gap).toMatchObject({ status: 'no_data', gapDetected: false, gapIndex: null });
    expect(gap.overview.received).toBe(0);
    expect((await leader.get<Gap>('/api/dashboard/gap?period=2026-H1')).body).toMatchObject({ status: 'ok', gapIndex: expect.any(Number) });
    // The trend's axis names periods as people read them.
    const trend = (await leader.get<{ periods: string[]; periodNames: string[] }>('/api/dashboard/trend?metric=temperature&periods=2')).body;
    expect(trend).toMatchObject({ periods: ['2026-H1', '2026-H2'], periodNames: ['2026年上半年', '2026年下半年'] });
    const periods = (await leader.get<{ code: string; hasReports: boolean }[]>('/api/periods')).body;
    expect(periods.map((p) => [p.code, p.hasReports])).toEqual([
      ['2026-H2', false],
      ['2026-H1', true],
    ]);
  });

  it('one click, one reminder per person; the result names units nobody can receive it for', async () => {
    // Two days after 2026-H2's due date: the +1 stage is in its catch-up window, so a manual 催报
    // used to send the stage and a nudge to each secretary.
    await setNow('2027-01-12T02:00:00Z');
    const r = await leader.post<{ created: number; unreachable: { code: string; name: string }[] }>('/api/reminders/run', { periodCode: '2026-H2' });
    expect(r.status).toBe(200);
    expect(r.body.created).toBe(3); // the secretaries of school-1, school-2 and hospital, once each
    const codes = r.body.unreachable.map((u) => u.code);
    expect(codes).toEqual(expect.arrayContaining(['edu', 'health', 'school-1-b1', 'new-branch']));
    expect(codes).not.toContain('school-1');
    const mine = (await (await admin.login('sec-school-1', PASSWORD)).get<{ items: { stage: string; body: string }[] }>('/api/notifications')).body.items;
    const asked = mine.filter((n) => n.body.startsWith('「局领导」提醒您'));
    expect(asked.map((n) => n.stage)).toEqual(['due:+1']);
    expect((await leader.post<{ created: number }>('/api/reminders/run', { periodCode: '2026-H2' })).body.created).toBe(0);
  });
});

describe('#15 a real bureau’s first day', () => {
  let h: Harness;
  let admin: Client;
  beforeAll(async () => {
    h = await startHarness({});
    admin = await new Client(h.url).login('admin', ADMIN_PASSWORD);
  });
  afterAll(() => h?.close());
  const csv = (text: string) => fileForm({}, { name: 'units.csv', bytes: Buffer.from(text) });

  it('gives a template with the screen’s Chinese headers and an example row', async () => {
    const r = await fetch(`${h.url}/api/units/import/template.xlsx`, { headers: { authorization: `Bearer ${admin.token}` } });
    expect(r.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await r.arrayBuffer());
    const ws = wb.worksheets[0];
    expect((ws.getRow(1).values as unknown[]).slice(1, 5)).toEqual(['单位代码', '单位名称', '上级代码', '党员数']);
    expect((ws.getRow(2).values as unknown[]).slice(1, 3)).toEqual(['bureau', '局党组']);
  });

  it('imports a list whose root row names its own code (Chinese headers), adopting it as the root', async () => {
    const r = await admin.post('/api/units/import', csv('单位代码,单位名称,上级代码,党员数\nJT000,某县交通运输局党组,,45\nJT001,局机关党委,JT000,30\nJT002,运输服务中心党支部,JT001,12\n'));
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ created: 2, updated: 1 });
    const units = (await admin.get<{ code: string; name: string; parentCode: string | null; memberCount: number }[]>('/api/units')).body;
    expect(units.map((u) => [u.code, u.parentCode])).toEqual([
      ['JT000', null],
      ['JT001', 'JT000'],
      ['JT002', 'JT001'],
    ]);
    expect(units[0]).toMatchObject({ name: '某县交通运输局党组', memberCount: 45 });
    // The administrator still sits on the root and can act on it.
    expect((await admin.get('/api/auth/me')).body).toMatchObject({ unitCode: 'JT000' });

    // Now the tree is real: another parentless row is explained, in Chinese, with the code to use.
    const again = await admin.post<{ errors: { row: number; message: string }[] }>('/api/units/import', csv('code,name,parentCode,memberCount\nXX000,另一个党组,,1\n'));
    expect(again.status).toBe(400);
    expect(again.body.errors).toEqual([{ row: 2, message: expect.stringContaining('单位代码须为「JT000」') }]);
  });

  it('lets the administrator change any unit’s code, the root’s too, keeping its history', async () => {
    const r = await admin.patch<{ code: string; pathCodes: string[] }>('/api/units/JT001', { code: 'JT100', name: '局机关党委' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ code: 'JT100', pathCodes: ['JT000', 'JT100'] });
    expect((await admin.get('/api/units/JT001')).status).toBe(404);
    expect((await admin.get<{ parentCode: string }>('/api/units/JT002')).body.parentCode).toBe('JT100');
    expect((await admin.patch('/api/units/JT000', { code: 'JT-ROOT' })).status).toBe(200);
    expect((await admin.patch<{ message: string }>('/api/units/JT-ROOT', { code: 'JT002' })).body).toMatchObject({ message: expect.stringMatching(/已被其他单位使用/) });
    const log = (await admin.get<{ action: string; detail: Record<string, unknown> }[]>('/api/audit?entity=unit&entityId=JT100')).body;
    expect(log[0]).toMatchObject({ action: 'unit.update', detail: { code: 'JT100', previousCode: 'JT001' } });
  });

  it('names levels after the units’ own names until the administrator names them; Excel uses the same words', async () => {
    const levels = (await admin.get<{ level: number; name: string; custom: boolean }[]>('/api/units/levels')).body;
    expect(levels.map((l) => l.name)).toEqual(['党组', '党委', '党支部']);
    expect((await admin.put('/api/units/levels', { names: ['局党组', '', '基层支部'] })).status).toBe(200);
    const named = (await admin.get<{ level: number; name: string; custom: boolean }[]>('/api/units/levels')).body;
    expect(named.map((l) => [l.name, l.custom])).toEqual([
      ['局党组', true],
      ['党委', false],
      ['基层支部', true],
    ]);
    expect((await admin.put<{ message: unknown }>('/api/units/levels', { names: ['一二三四五六七八九十一二三四五六七八九十一'] })).status).toBe(400);
    // A period due after the units' start day, so all three are expected.
    await admin.post('/api/periods', { code: '2027-H1', name: '2027年上半年', startsOn: '2027-01-01', endsOn: '2027-06-30', dueOn: '2027-07-10' });
    const r = await fetch(`${h.url}/api/dashboard/comparison.xlsx?period=2027-H1&metric=temperature`, { headers: { authorization: `Bearer ${admin.token}` } });
    expect(r.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await r.arrayBuffer());
    expect(String(wb.worksheets[0].getCell('A1').value)).toContain('2027年上半年'); // the period's name, not its code
    const col = (wb.worksheets[0].getColumn(4).values as unknown[]).slice(5).map(String).sort();
    expect(col).toEqual(['基层支部', '局党组', '党委'].sort());
    const actions = (await admin.get<{ action: string }[]>('/api/audit?entity=unit&entityId=levels')).body.map((a) => a.action);
    expect(actions).toContain('unit.levels');
  });
});
