import { DEFAULT_CATALOGUE } from '@thermocline/extraction';
import { DEFAULT_ASSESSMENT_RULES } from './default-rules';
import { parseAssessmentRules, totalPoints, type AssessmentRules } from './rules';
import { assessmentTotals, periodMonths, scoreAssessment, type AssessmentUnitInput, type ManualScore } from './score';

const RULES: AssessmentRules = {
  title: '测试细则',
  targets: 'annual',
  sections: [
    {
      id: 's1',
      title: '学习教育',
      items: [
        { id: 'central', title: '中心组学习每季度1次', points: 6, kind: 'reach', metrics: ['study.central_group'], target: 4, basis: 'unit', scale: 'stepwise', steps: 4 },
        { id: 'sessions', title: '集中学习', points: 5, kind: 'reach', metrics: ['study.sessions'], target: 12, basis: 'per100', scale: 'proportional' },
        { id: 'body', title: '有专门机构', points: 4, kind: 'manual' },
      ],
    },
    {
      id: 's2',
      title: '报送质量',
      items: [
        { id: 'late', title: '报送不及时扣1分', points: 2, kind: 'deduct', event: 'late_report', perEvent: 1 },
        { id: 'missing', title: '未报送扣3分', points: 3, kind: 'deduct', event: 'missing_report', perEvent: 3 },
        { id: 'cadence', title: '制度未落实每项扣1分', points: 3, kind: 'deduct', event: 'cadence_not_kept', perEvent: 1 },
      ],
    },
  ],
};

const unit = (over: Partial<AssessmentUnitInput>): AssessmentUnitInput => ({
  unitId: 1,
  code: 'u1',
  name: '一支部',
  level: 1,
  memberCount: 50,
  status: 'reported',
  reportId: 7,
  totals: {},
  mentions: [],
  flags: [],
  cadences: [],
  ...over,
});

describe('scoreAssessment', () => {
  it('scores a half-year against halved annual targets, stepwise and per 100 members, with evidence', () => {
    const u = unit({
      totals: { 'study.central_group': 1, 'study.sessions': 2 },
      mentions: [
        { key: 'study.central_group', value: 1, subset: false, state: 'unreviewed', reportId: 7, text: '中心组学习1次' },
        { key: 'study.sessions', value: 2, subset: false, state: 'confirmed', reportId: 7, text: '集中学习2次' },
        { key: 'study.sessions', value: 9, subset: false, state: 'rejected', reportId: 7, text: '误读9次' },
      ],
    });
    const [s] = scoreAssessment({ rules: RULES, periodMonths: 6, units: [u] }).units;
    const item = (id: string) => s.items.find((i) => i.id === id)!;
    // central: 1 of 2 (half of 4) → share 0.5 → 2 of 4 steps → 3 points.
    expect(item('central')).toMatchObject({ score: 3, auto: true, evidence: [{ reportId: 7, text: '中心组学习1次' }] });
    // sessions: 2 per 50 members = 4 per 100, target 6 → 5 × 4/6 = 3.33.
    expect(item('sessions').score).toBe(3.33);
    expect(item('sessions').evidence.map((e) => e.text)).toEqual(['集中学习2次']);
    expect(item('sessions').explain).toMatch(/每百名党员 4/);
    expect(item('body')).toMatchObject({ score: null, auto: false });
    expect(item('late').score).toBe(2);
    // 3 + 3.33 + 0 + 2 + 3 + 3
    expect(s.total).toBe(14.33);
    expect(s.unscored).toBe(1);
  });

  it('deducts per flag and per cadence not kept, naming why', () => {
    const u = unit({
      totals: { 'org.committee_meeting': 4 },
      flags: [{ code: 'late_report', reason: '2026-H1 报告逾期 2 天提交', evidence: { reportId: 7 } }],
      cadences: [
        { key: 'org.committee_meeting', per: 'month', times: 1, reportId: 7, text: '每月召开一次支委会' },
        { key: 'study.theme_day', per: 'quarter', times: 1, reportId: 7, text: '每季度开展一次主题党日' },
        { key: 'org.member_meeting', per: 'year', times: 1, reportId: 7, text: '每年召开一次党员大会' },
      ],
    });
    const [s] = scoreAssessment({ rules: RULES, periodMonths: 6, units: [u] }).units;
    const late = s.items.find((i) => i.id === 'late')!;
    expect(late).toMatchObject({ score: 1, evidence: [{ reportId: 7, text: '2026-H1 报告逾期 2 天提交' }] });
    const cadence = s.items.find((i) => i.id === 'cadence')!;
    // 支委会 6 expected, 4 written; 主题党日 2 expected, 0; the yearly one is not due within a half-year.
    expect(cadence.score).toBe(1);
    expect(cadence.evidence.map((e) => e.text)).toEqual([expect.stringMatching(/每月召开一次支委会.*6 次.*4 次/), expect.stringMatching(/主题党日.*2 次.*0 次/)]);
  });

  it('gives a missing unit nothing automatic but its missing-report deduction, and ranks ties together', () => {
    const a = unit({ unitId: 1, code: 'a', status: 'missing', reportId: null, flags: [{ code: 'missing_report', reason: '截至 2026-07-10 未提交' }] });
    const b = unit({ unitId: 2, code: 'b', totals: { 'study.central_group': 2, 'study.sessions': 3 } });
    const c = unit({ unitId: 3, code: 'c', totals: { 'study.central_group': 2, 'study.sessions': 3 } });
    const r = scoreAssessment({ rules: RULES, periodMonths: 6, units: [a, b, c] });
    expect(r.units[0].items.find((i) => i.id === 'missing')).toMatchObject({ score: 0, evidence: [{ reportId: null, text: '截至 2026-07-10 未提交' }] });
    expect(r.units[0].total).toBe(0);
    expect(r.units.map((u) => [u.code, u.rank])).toEqual([
      ['a', 3],
      ['b', 1],
      ['c', 1],
    ]);
    expect(r.totalPoints).toBe(23);
  });

  it('lets a person score a manual item and override an automatic one, within the points', () => {
    const manual = new Map<string, ManualScore>([
      ['1:body', { score: 3.5, note: '有机构无专人', by: 'leader' }],
      ['1:central', { score: 99, note: '台账显示4次' }],
    ]);
    const [s] = scoreAssessment({ rules: RULES, periodMonths: 12, units: [unit({ totals: { 'study.central_group': 1 } })], manual }).units;
    expect(s.items.find((i) => i.id === 'body')).toMatchObject({ score: 3.5, auto: false, note: '有机构无专人', scoredBy: 'leader' });
    expect(s.items.find((i) => i.id === 'central')).toMatchObject({ score: 6, autoScore: 1.5, auto: false, note: '台账显示4次' });
    expect(assessmentTotals({ rules: RULES, periodMonths: 12, units: [unit({})], manual })[0]).toMatchObject({ code: 'u1', total: 3.5 + 6 + 2 + 3 + 3, rank: 1 });
  });
});

describe('rules', () => {
  it('ships a default 细则 of six sections worth 100 points that passes its own validation', () => {
    expect(totalPoints(DEFAULT_ASSESSMENT_RULES)).toBe(100);
    expect(DEFAULT_ASSESSMENT_RULES.sections.map((s) => s.title)).toEqual(['组织领导', '学习教育', '宣传阵地', '网络舆情', '精神文明', '报送质量']);
    // Every metric it reads is one the shipped catalogue extracts.
    expect(parseAssessmentRules(DEFAULT_ASSESSMENT_RULES, new Set(DEFAULT_CATALOGUE.map((m) => m.key)))).toEqual({ ok: true, rules: DEFAULT_ASSESSMENT_RULES });
  });

  it('refuses bad rules with messages that say what to fix', () => {
    const bad = { title: 'x', sections: [{ id: 's', title: '板块', items: [{ id: 'a', title: '甲', points: 0, kind: 'reach', metrics: ['nope'], target: 1, basis: 'unit', scale: 'proportional' }, { id: 'a', title: '乙', points: 1, kind: 'guess' }] }] };
    const r = parseAssessmentRules(bad, new Set(['study.sessions']));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.path)).toEqual(['sections.0.items.0.points', 'sections.0.items.0.metrics', 'sections.0.items.1.id', 'sections.0.items.1.kind']);
    expect(r.errors[1].message).toMatch(/不在指标目录/);
  });

  it('measures periods in months', () => {
    expect(periodMonths('2026-01-01', '2026-06-30')).toBe(6);
    expect(periodMonths('2026-01-01', '2026-12-31')).toBe(12);
    expect(periodMonths('2026-07-01', '2026-09-30')).toBe(3);
  });
});
