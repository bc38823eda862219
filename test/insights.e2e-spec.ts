// What the reports say beyond their figures, through the real api and worker: problems shared
// across units (共性问题), the previous period's numeric plans against this period's figures, and a
// unit whose 下步打算 repeat the previous period's.
import mammoth from 'mammoth';
import { ADMIN_PASSWORD, startHarness, type Harness } from './support/harness';
import { Client } from './support/http';
import { createIntakeBureau, intakeText } from './support/intake';
import { settled, upload } from './support/reports';
import { waitFor } from './support/redis-server';
import { WorkerProcess } from './support/worker-process';

interface Problems {
  clusters: { label: string; count: number; units: { code: string; name: string; text: string; reportId: number }[] }[];
}
interface Promises {
  fromPeriod: string | null;
  items: { unitCode: string; unitName: string; fromPeriod: string; planText: string; key: string; target: number; actual: number | null; kept: boolean | null }[];
}

const PREV = '2025-H2';
const CUR = '2026-H1';

/** A fixture report with some of its words changed. */
function variant(file: string, ...pairs: [string, string][]): string {
  let t = intakeText(file);
  for (const [a, b] of pairs) {
    if (!t.includes(a)) throw new Error(`${file}: no ${a}`);
    t = t.replace(a, b);
  }
  return t;
}

describe('dashboard insights: common problems, promises kept, repeated plans', () => {
  let h: Harness;
  let worker: WorkerProcess;
  let admin: Client;

  beforeAll(async () => {
    h = await startHarness({ WORKER_LOCK_MS: '4000' });
    admin = await new Client(h.url).login('admin', ADMIN_PASSWORD);
    await createIntakeBureau(admin);
    await admin.post('/api/periods', { code: PREV, startsOn: '2025-07-01', endsOn: '2025-12-31', dueOn: '2026-01-10' });
    await admin.post('/api/periods', { code: CUR, startsOn: '2026-01-01', endsOn: '2026-06-30', dueOn: '2026-07-10' });
    worker = await WorkerProcess.start(h.env);
    const up = async (unit: string, period: string, text: string) => {
      const r = await upload(admin, unit, period, `${unit}-${period}.txt`, Buffer.from(text));
      expect(r.status).toBe(202);
      return r.body.id;
    };
    const ids = [
      // last period: three units set themselves targets
      await up('road-office', PREV, variant('01.txt', ['2026年上半年', '2025年下半年'])), // 集中学习不少于6次
      await up('transit', PREV, variant('05.txt', ['2026年上半年', '2025年下半年'])), // 宣讲会不少于12场
      await up('safety-1', PREV, intakeText('09.txt')), // 集中学习不少于6次, and no report this period
      // this period
      await up('road-office', CUR, variant('01.txt', ['开展集中学习7次', '开展集中学习8次'])), // kept; plans unchanged
      await up('transit', CUR, variant('05.txt', ['举办宣讲会11场', '举办宣讲会5场'], ['下半年举办宣讲会不少于12场，完成车队宣传栏改造20处。', '下半年重点抓好车队宣传阵地建设。'])), // broken
      await up('port-1', CUR, intakeText('04.txt')), // 学习形式单一
      await up('logistics', CUR, intakeText('10.txt')), // 学习形式单一
      await up('road-maint', CUR, intakeText('02.txt')), // 形式较为单一
    ];
    await settled(admin, ids);
  });
  afterAll(async () => {
    await worker?.stop();
    await h?.close();
  });

  it('groups the problems units share, largest group first', async () => {
    const r = await admin.get<Problems>(`/api/dashboard/problems?period=${CUR}`);
    expect(r.status).toBe(200);
    const [first] = r.body.clusters;
    expect(first.label).toBe('学习形式单一');
    expect(first.count).toBe(3);
    expect(first.units.map((u) => u.code).sort()).toEqual(['logistics', 'port-1', 'road-maint']);
    expect(first.units.find((u) => u.code === 'road-maint')?.text).toContain('形式较为单一');
    expect(r.body.clusters.every((c, i, all) => i === 0 || all[i - 1].count >= c.count)).toBe(true);
  });

  it('checks last period’s numeric plans against this period’s figures: one kept, one broken, one not yet reported', async () => {
    const r = await admin.get<Promises>(`/api/dashboard/promises?period=${CUR}`);
    expect(r.status).toBe(200);
    expect(r.body.fromPeriod).toBe(PREV);
    const find = (unit: string, key: string) => r.body.items.find((i) => i.unitCode === unit && i.key === key);
    expect(find('road-office', 'study.sessions')).toMatchObject({ target: 6, actual: 8, kept: true, fromPeriod: PREV });
    expect(find('road-office', 'study.sessions')?.planText).toContain('不少于6次');
    expect(find('transit', 'propaganda.lectures')).toMatchObject({ target: 12, actual: 5, kept: false });
    expect(find('safety-1', 'study.sessions')).toMatchObject({ target: 6, actual: null, kept: null });
    expect((await admin.get<Promises>(`/api/dashboard/promises?period=${PREV}`)).body).toMatchObject({ fromPeriod: null, items: [] });
  });

  it('flags a unit whose plans repeat last period’s word for word, with both texts', async () => {
    type Flag = { code: string; reason: string; evidence: { plans: string[]; previousPlans: string[] } };
    let flag: Flag | undefined;
    await waitFor(
      async () => {
        const s = await admin.get<{ flags: Flag[] }>(`/api/dashboard/units/road-office?period=${CUR}`);
        flag = s.body.flags?.find((f) => f.code === 'repeated_plans');
        return !!flag;
      },
      30_000,
      'the repeated_plans flag',
    );
    expect(flag!.reason).toMatch(/下步打算与本单位上期（2025-H2）几乎逐字相同/);
    expect(flag!.evidence.plans.join()).toContain('不少于6次');
    expect(flag!.evidence.previousPlans.join()).toContain('不少于6次');
    const transit = await admin.get<{ flags: Flag[] }>(`/api/dashboard/units/transit?period=${CUR}`);
    expect(transit.body.flags.some((f) => f.code === 'repeated_plans')).toBe(false);
  });

  it('drafts the 通报 as a Word document with the cold and missing units, their reasons and the figures', async () => {
    type Unit = { code: string; name: string; status: string; temperature: number | null; flags: { code: string; reason: string }[] };
    const gap = (await admin.get<{ overview: { expected: number; received: number }; units: Unit[] }>(`/api/dashboard/gap?period=${CUR}`)).body;
    const r = await admin.get(`/api/dashboard/bulletin.docx?period=${CUR}`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('wordprocessingml');
    expect(decodeURIComponent(r.headers.get('content-disposition') ?? '')).toContain('关于2026-H1意识形态工作责任制落实情况的通报.docx');
    const text = (await mammoth.extractRawText({ buffer: r.body as unknown as Buffer })).value;
    for (const h of ['关于2026-H1意识形态工作责任制落实情况的通报', '一、总体情况', '二、好的做法', '三、存在的问题', '四、共性问题', '五、考核情况', '六、下一步工作要求', '附件']) expect(text).toContain(h);
    expect(text).toContain(`本期应报送 ${gap.overview.expected} 个单位，已报送 ${gap.overview.received} 个`);
    const problems = text.slice(text.indexOf('三、存在的问题'), text.indexOf('四、共性问题'));
    // The issuer (局党组, the caller's own unit) does not report to itself: it is left out.
    const flagged = gap.units.filter((u) => u.code !== 'bureau' && u.flags.some((f) => f.code === 'cold' || f.code === 'missing_report'));
    expect(flagged.length).toBeGreaterThan(0);
    for (const u of flagged) for (const f of u.flags.filter((x) => x.code === 'cold' || x.code === 'missing_report')) expect(problems).toContain(`${u.name}：${f.reason}`);
    expect(problems).toContain('下步打算照抄上期');
    // 好的做法: the warmest unit, its figures and the sentence they come from.
    const warmest = gap.units.filter((u) => u.status === 'reported' && !u.flags.some((f) => f.code === 'cold' || f.code === 'near_duplicate')).sort((a, b) => b.temperature! - a.temperature!)[0];
    const good = text.slice(text.indexOf('二、好的做法'), text.indexOf('三、存在的问题'));
    expect(good).toContain(`${warmest.name}（温度 ${warmest.temperature}）`);
    expect(good).toMatch(/报告原文：“[^”]*\d[^”]*”/);
    // Unclassified counts (#14) are never figures of a unit's good practice.
    expect(good).not.toMatch(/null|未归类/);
    expect(text.slice(text.indexOf('四、共性问题'))).toContain('学习形式单一（3 个单位');
    // The appendix: one row per unit.
    for (const u of gap.units.filter((x) => x.code !== 'bureau')) expect(text.slice(text.lastIndexOf('附件'))).toContain(u.name);
    expect(text.slice(text.lastIndexOf('附件'))).not.toContain('局党组');
    // 考核情况 (#20): the scoring table's totals and ranks, the first-ranked unit first.
    const draft = (await admin.get<{ units: { code: string; name: string; total: number }[] }>(`/api/assessment?period=${CUR}`)).body;
    const scored = draft.units.filter((u) => u.code !== 'bureau').sort((a, b) => b.total - a.total);
    const assessment = text.slice(text.indexOf('考核情况'), text.lastIndexOf('附件'));
    expect(assessment).toContain('以考核组审定结果为准');
    expect(assessment).toContain(scored[0].name);
    expect(assessment).toContain(String(scored[0].total));
    expect(assessment).toContain('第 1 名');
  });

  it('answers 404 for an unknown period', async () => {
    expect((await admin.get('/api/dashboard/problems?period=2042-Q9')).status).toBe(404);
    expect((await admin.get('/api/dashboard/promises?period=2042-Q9')).status).toBe(404);
    expect((await admin.get('/api/dashboard/bulletin.docx?period=2042-Q9')).status).toBe(404);
  });
});
