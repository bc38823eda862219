import { DEFAULT_ANALYTICS_CONFIG } from './config';
import { flagsFor, planSimilarity, type FlagSubject } from './flags';

const subject = (plans: string[] | undefined, previousPlans: string[] | undefined): FlagSubject =>
  ({
    unit: { id: 1, parentId: null, path: '/1/', level: 0, memberCount: 10, code: 'a', name: '甲支部' },
    report: { reportId: 7, unitId: 1, version: 1, submittedAt: new Date('2026-07-01'), charCount: 1000, placeholderCount: 0, fingerprint: null, mentions: [], plans },
    temperature: 80,
    previousTemperature: undefined,
    daysLate: 0,
    factCount: 20,
    perThousandChars: 20,
    samePeriod: null,
    ownPrevious: null,
    previousPlans,
    parent: null,
  }) as FlagSubject;
const period = { code: '2026-H1', dueOn: undefined, deadline: '2026-07-11T00:00:00Z', previousPeriodCode: '2025-H2', thresholds: DEFAULT_ANALYTICS_CONFIG.thresholds };

const OLD = ['一是开展集中学习不少于6次。', '二是组织一次道路一线调研。'];

describe('repeated_plans', () => {
  it('flags plans copied from the previous period, renumbered and re-spaced, with both texts', () => {
    const flags = flagsFor(subject(['1. 开展集中学习不少于6次', '2. 组织一次道路一线调研'], OLD), period);
    const flag = flags.find((f) => f.code === 'repeated_plans');
    expect(flag?.reason).toMatch(/下步打算与本单位上期（2025-H2）几乎逐字相同/);
    expect(flag?.evidence).toMatchObject({ plans: ['1. 开展集中学习不少于6次', '2. 组织一次道路一线调研'], previousPlans: OLD });
  });

  it('leaves new plans, and units without earlier plans, alone', () => {
    expect(flagsFor(subject(['开展网络舆情应对培训1次，完成宣传栏改造20处。'], OLD), period).some((f) => f.code === 'repeated_plans')).toBe(false);
    expect(flagsFor(subject(OLD, undefined), period).some((f) => f.code === 'repeated_plans')).toBe(false);
    expect(planSimilarity(OLD, OLD)).toBe(1);
  });
});
