// 年度考核 through the api: a bureau whose reports are written to known scores under a small 细则
// of our own, each unit's total worked out by hand below; a person's score and override, audited;
// a rule change that re-scores the open year and leaves a closed one alone; the Excel 评分表.
import ExcelJS from 'exceljs';
import { createBureau, PASSWORD } from './support/bureau';
import { ADMIN_PASSWORD, startHarness, type Harness } from './support/harness';
import { testClock } from './support/clock';
import { Client } from './support/http';
import { waitFor } from './support/redis-server';
import { settled, upload } from './support/reports';
import { WorkerProcess } from './support/worker-process';

interface Item {
  id: string;
  score: number | null;
  auto: boolean;
  autoScore: number | null;
  explain: string;
  evidence: { reportId: number | null; text: string }[];
  note: string | null;
}
interface Sheet {
  code: string;
  status: string;
  total: number;
  rank: number;
  items: Item[];
}
interface Draft {
  period: string;
  rulesVersion: number;
  rulesPinned: boolean;
  totalPoints: number;
  units: Sheet[];
}

// 48 points; targets for a year, so the year 2026 needs them as written.
const reach = (id: string, points: number, metric: string, target: number, extra: Record<string, unknown> = {}) => ({
  id,
  title: id,
  points,
  kind: 'reach',
  metrics: [metric],
  target,
  basis: 'unit',
  scale: 'proportional',
  ...extra,
});
const rules = (centralPoints: number) => ({
  title: '测试局考核细则',
  targets: 'annual',
  sections: [
    {
      id: 'org',
      title: '组织领导',
      items: [
        reach('meet', 10, 'org.ideology_meeting', 2, { scale: 'stepwise', steps: 2 }),
        reach('letters', 5, 'org.responsibility_letters', 1),
        { id: 'body', title: '有专门工作机构', points: 5, kind: 'manual' },
      ],
    },
    {
      id: 'study',
      title: '学习教育',
      items: [reach('central', centralPoints, 'study.central_group', 4, { scale: 'stepwise', steps: 4 }), reach('sessions', 10, 'study.sessions', 24, { basis: 'per100' })],
    },
    {
      id: 'quality',
      title: '报送质量',
      items: [
        { id: 'missing', title: '未报送扣5分', points: 5, kind: 'deduct', event: 'missing_report', perEvent: 5 },
        { id: 'late', title: '报送不及时扣1分', points: 2, kind: 'deduct', event: 'late_report', perEvent: 1 },
        { id: 'cadence', title: '自定制度未落实每项扣1分', points: 3, kind: 'deduct', event: 'cadence_not_kept', perEvent: 1 },
      ],
    },
  ],
});

// 教育局党委, 40 members, on time. meet 2/2 → 10; letters 3 ≥ 1 → 5; central 4/4 → 8;
// sessions 12 ÷ 0.4 = 30 per 100 ≥ 24 → 10; no deductions → 5 + 2 + 3; body unscored.
// 10 + 5 + 8 + 10 + 5 + 2 + 3 = 43.
const EDU = `教育局党委2026年意识形态工作情况报告
一、加强组织领导。召开党委会专题研究意识形态工作2次，签订意识形态工作责任书3份。党委每月召开一次支委会，全年共召开支委会12次。
二、抓好学习教育。开展理论学习中心组学习4次，组织集中学习12次。
存在问题：一是学习不够深入；二是制度执行不够严格。
下一步打算：一是深化理论学习；二是严格落实制度。`;

// 一中党总支, 85 members, late. meet 1/2 → 1 of 2 steps → 5; letters none → 0; central 3/4 → 6;
// sessions 17 ÷ 0.85 = 20 per 100 → 10 × 20/24 = 8.33; late −1 → 1; the monthly 支委会 it set
// itself needs 12, it held 6 → cadence −1 → 2; missing 5.
// 5 + 0 + 6 + 8.33 + 5 + 1 + 2 = 27.33.
const SCHOOL = `一中党总支2026年意识形态工作总结
总支坚持每月召开一次支委会，今年召开支委会6次，召开支委会专题研究意识形态工作1次。
组织理论学习中心组学习3次，开展集中学习17次，围绕课堂教学阵地管理开展专题研讨。
存在不足：阵地管理有短板。
今后打算：加强课堂阵地管理。`;

// 人民医院党委, 120 members, on time: sessions 6 ÷ 1.2 = 5 per 100 → 10 × 5/24 = 2.08; 5 + 2 + 3.
// 2.08 + 5 + 2 + 3 = 12.08.
const HOSPITAL = `人民医院党委2026年意识形态工作报告
医院党委结合医疗服务实际，组织医护党员集中学习6次，在门诊大厅设置宣传栏。
存在问题：医护人员工作繁忙，学习时间难以保证。
下步打算：利用信息化手段开展学习。`;

const HAND_WORKED: Record<string, number> = { edu: 43, 'school-1': 27.33, hospital: 12.08, bureau: 0, 'school-1-b1': 0, 'school-2': 0, health: 0 };

describe('年度考核: draft scores against the bureau’s own 细则', () => {
  let h: Harness;
  let worker: WorkerProcess;
  let admin: Client;
  let leader: Client;
  const { file: clockFile, setNow } = testClock();
  const reports: Record<string, number> = {};

  const draft = async (period = '2026', who = leader) => {
    const r = await who.get<Draft>(`/api/assessment?period=${period}`);
    expect(r.status).toBe(200);
    return r.body;
  };
  const sheet = (d: Draft, code: string) => d.units.find((u) => u.code === code) as Sheet;
  const item = (d: Draft, code: string, id: string) => sheet(d, code).items.find((i) => i.id === id) as Item;

  beforeAll(async () => {
    await setNow('2027-01-05T02:00:00Z');
    h = await startHarness({ TEST_CLOCK_FILE: clockFile, WORKER_LOCK_MS: '4000' });
    admin = await new Client(h.url).login('admin', ADMIN_PASSWORD);
    await createBureau(admin);
    for (const p of [
      { code: '2025', name: '2025年度', startsOn: '2025-01-01', endsOn: '2025-12-31', dueOn: '2027-01-10' },
      { code: '2026', name: '2026年度', startsOn: '2026-01-01', endsOn: '2026-12-31', dueOn: '2027-01-10' },
    ])
      expect((await admin.post('/api/periods', p)).status).toBe(201);
    worker = await WorkerProcess.start(h.env);
    leader = await admin.login('leader', PASSWORD);
    expect((await admin.put('/api/assessment/rules', { rules: rules(8), note: '测试细则' })).status).toBe(200);

    for (const [unit, text] of [
      ['edu', EDU],
      ['hospital', HOSPITAL],
    ]) {
      const r = await upload(admin, unit, '2026', `${unit}.txt`, Buffer.from(text));
      expect(r.status).toBe(202);
      reports[unit] = r.body.id;
    }
    // The same edu report for 2025, whose period will be closed.
    reports.edu2025 = (await upload(admin, 'edu', '2025', 'edu-2025.txt', Buffer.from(EDU.replace(/2026/g, '2025')))).body.id;
    await setNow('2027-01-12T02:00:00Z');
    reports['school-1'] = (await upload(admin, 'school-1', '2026', 'school.txt', Buffer.from(SCHOOL))).body.id;
    await settled(admin, Object.values(reports));
    // Wait for the aggregate that saw the late report (and, past the deadline, the missing units).
    await waitFor(async () => sheet(await draft(), 'school-2')?.status === 'missing' && sheet(await draft(), 'school-1')?.status === 'reported', 60_000, 'the 2026 aggregate');
    await waitFor(async () => sheet(await draft('2025'), 'edu')?.status === 'reported', 60_000, 'the 2025 aggregate');
  });
  afterAll(async () => {
    await worker?.stop();
    await h?.close();
  });

  it('gives every unit the hand-worked total, with the sentences behind each point', async () => {
    const d = await draft();
    expect(d.totalPoints).toBe(48);
    expect(Object.fromEntries(d.units.map((u) => [u.code, u.total]))).toEqual(HAND_WORKED);
    expect(sheet(d, 'edu').rank).toBe(1);
    expect(sheet(d, 'school-1').rank).toBe(2);
    expect(sheet(d, 'hospital').rank).toBe(3);

    expect(item(d, 'edu', 'meet')).toMatchObject({ score: 10, auto: true, evidence: [{ reportId: reports.edu, text: expect.stringContaining('专题研究意识形态工作2次') }] });
    expect(item(d, 'school-1', 'sessions').evidence.map((e) => e.text)).toEqual([expect.stringContaining('集中学习17次')]);
    expect(item(d, 'school-1', 'late').evidence[0].text).toMatch(/逾期/);
    expect(item(d, 'school-1', 'cadence').evidence[0].text).toMatch(/每月召开一次支委会.*12 次.*6 次/);
    expect(item(d, 'school-2', 'missing')).toMatchObject({ score: 0, evidence: [{ text: expect.stringMatching(/未提交/) }] });
    expect(item(d, 'edu', 'body')).toMatchObject({ score: null, auto: false });
  });

  it('keeps a leader to their subtree and a secretary out', async () => {
    const edu = await admin.login('edu-leader', PASSWORD);
    expect((await draft('2026', edu)).units.map((u) => u.code).sort()).toEqual(['edu', 'school-1', 'school-1-b1', 'school-2']);
    const sec = await admin.login('sec-school-1', PASSWORD);
    expect((await sec.get('/api/assessment?period=2026')).status).toBe(403);
    expect((await edu.put('/api/assessment/scores', { period: '2026', unitCode: 'hospital', itemId: 'body', score: 5, reason: '越权' })).status).toBe(404);
  });

  it('takes a manual score and an override with a reason, and audits both', async () => {
    expect((await leader.put('/api/assessment/scores', { period: '2026', unitCode: 'edu', itemId: 'body', score: 4, reason: '' })).status).toBe(400);
    expect((await leader.put('/api/assessment/scores', { period: '2026', unitCode: 'edu', itemId: 'body', score: 6, reason: '超过分值' })).status).toBe(400);
    const body = await leader.put<Sheet>('/api/assessment/scores', { period: '2026', unitCode: 'edu', itemId: 'body', score: 4, reason: '有机构，专职人员未到位' });
    expect(body.status).toBe(200);
    expect(body.body.total).toBe(47);
    const over = await leader.put<Sheet>('/api/assessment/scores', { period: '2026', unitCode: 'school-1', itemId: 'letters', score: 3, reason: '台账中有责任书2份，报告漏写' });
    expect(over.status).toBe(200);
    const d = await draft();
    expect(sheet(d, 'school-1').total).toBe(30.33);
    expect(item(d, 'school-1', 'letters')).toMatchObject({ score: 3, autoScore: 0, auto: false, note: '台账中有责任书2份，报告漏写' });

    const audit = await admin.get<{ action: string; actor: string; entityId: string; detail: { reason: string; from: number | null; to: number } }[]>('/api/audit?entity=assessment');
    expect(audit.body.map((a) => [a.action, a.actor, a.entityId, a.detail.to, a.detail.reason])).toEqual([
      ['assessment.override', 'leader', '2026:school-1:letters', 3, '台账中有责任书2份，报告漏写'],
      ['assessment.score', 'leader', '2026:edu:body', 4, '有机构，专职人员未到位'],
    ]);
  });

  it('re-scores the open year when the rules change and leaves a closed year alone', async () => {
    // Closing 2025 pins the rules in force.
    expect((await admin.post('/api/periods/2025/close')).status).toBe(200);
    const before2025 = await draft('2025');
    expect(sheet(before2025, 'edu').total).toBe(43);

    const saved = await admin.put<{ version: number }>('/api/assessment/rules', { rules: rules(12), note: '中心组学习提至12分' });
    expect(saved.status).toBe(200);
    expect((await leader.put('/api/assessment/rules', { rules: rules(12) })).status).toBe(403);
    const bad = await admin.put<{ message: string }>('/api/assessment/rules', { rules: { ...rules(12), sections: [] } });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/板块/);

    const d = await draft();
    expect(d.rulesVersion).toBe(saved.body.version);
    expect(d.totalPoints).toBe(52);
    expect(sheet(d, 'edu').total).toBe(47 - 8 + 12);
    expect(sheet(d, 'school-1').total).toBe(30.33 - 6 + 9);
    const after2025 = await draft('2025');
    expect(after2025).toMatchObject({ rulesVersion: before2025.rulesVersion, rulesPinned: true, totalPoints: 48 });
    expect(sheet(after2025, 'edu').total).toBe(43);
    expect((await leader.put('/api/assessment/scores', { period: '2025', unitCode: 'edu', itemId: 'body', score: 5, reason: '补评' })).status).toBe(409);
    // Re-opened, it follows the rules in force again.
    expect((await admin.post('/api/periods/2025/reopen')).status).toBe(200);
    expect(await draft('2025')).toMatchObject({ rulesVersion: saved.body.version, rulesPinned: false, totalPoints: 52 });

    const versions = await leader.get<{ version: number; note: string }[]>('/api/assessment/rules/versions');
    expect(versions.body.map((v) => v.note).slice(0, 2)).toEqual(['中心组学习提至12分', '测试细则']);
    expect((await leader.get<{ totalPoints: number }>(`/api/assessment/rules?version=${before2025.rulesVersion}`)).body.totalPoints).toBe(48);
  });

  it('exports the 考核评分表: 序号, 单位, each item, 合计, 名次, in rank order', async () => {
    const r = await leader.get<Buffer>('/api/assessment/export.xlsx?period=2026');
    expect(r.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.body as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('考核评分表') as ExcelJS.Worksheet;
    const values = (n: number) => (ws.getRow(n).values as unknown[]).slice(1);
    expect(values(3)[0]).toBe('序号');
    expect(values(3)[1]).toBe('单位');
    expect(values(3).slice(-2)).toEqual(['合计', '名次']);
    expect(values(4)[2]).toBe('meet（10分）');
    expect(values(5)).toEqual([1, '教育局党委', 10, 5, 4, 12, 10, 5, 2, 3, 51, 1]);
    expect(values(6).slice(-2)).toEqual([33.33, 2]);
  });

  it('re-scores a unit when a reviewer rejects a figure behind its points', async () => {
    const mentions = await admin.get<{ id: string; key: string }[]>(`/api/reports/${reports.edu}/mentions`);
    const letters = mentions.body.find((m) => m.key === 'org.responsibility_letters');
    expect(letters).toBeDefined();
    expect((await admin.patch(`/api/mentions/${letters?.id}`, { state: 'rejected' })).status).toBe(200);
    // The worker re-aggregates; the draft follows its stamp: letters 5 → 0.
    await waitFor(async () => sheet(await draft(), 'edu').total === 51 - 5, 60_000, 'the re-scored edu');
    expect(item(await draft(), 'edu', 'letters')).toMatchObject({ score: 0, evidence: [] });
  });
});
