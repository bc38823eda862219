import { aggregatePeriod } from './aggregate';
import { DEFAULT_ANALYTICS_CONFIG } from './config';
import { bureauInput, byUnit, codes, fp, report, tinyInput, unit } from './fixtures.spec-helper';
import { flagsFor, missingReportFlag, type FlagPeriod, type FlagSubject } from './flags';
import type { NearDuplicateFlag, UnitAggregate } from './types';

describe('flags on the hand-worked bureau', () => {
  const result = aggregatePeriod(bureauInput());
  const row = (id: number): UnitAggregate => byUnit(result.units, id);

  it('raises exactly the expected flags', () => {
    expect(result.units.map(codes)).toEqual([
      [], // u1: 2 facts per 千字 is not below 2
      ['near_duplicate'], // own previous report
      ['late_report'],
      ['declining', 'low_specificity'], // 80 → 63; 1.5 per 千字
      ['unfilled_template'],
      ['cold', 'near_duplicate'], // 49.6 under its parent's 82.8: more than 40% colder
      ['cold', 'near_duplicate', 'low_specificity'],
      ['missing_report'],
    ]);
  });

  it('says in Chinese what is wrong and which figure triggered it', () => {
    const reason = (id: number, code: string): string | undefined => row(id).flags.find((f) => f.code === code)?.reason;
    expect(reason(7, 'cold')).toBe('温度 27.8，低于冷点阈值 40；比上级「县第一中学党总支」82.8 低 66%');
    expect(reason(6, 'cold')).toBe('温度 49.6，比上级「县第一中学党总支」82.8 低 40%');
    expect(reason(3, 'late_report')).toBe('2026-H1 报告逾期 3 天提交（截止日期 2026-07-10）');
    expect(reason(4, 'declining')).toBe('温度 63，较上期（2025-H2）的 80 下降 17 点，超过下滑阈值 15');
    expect(reason(4, 'low_specificity')).toBe('每千字仅 1.5 个量化事实（全文 2000 字，3 个数字），低于阈值 2');
    expect(reason(5, 'unfilled_template')).toContain('2 处模板占位符');
    expect(reason(8, 'missing_report')).toBe('截至 2026-07-10 未提交 2026-H1 报告，温度按 0 计入本层级');
    expect(reason(2, 'near_duplicate')).toBe(
      '与本单位上期（2025-H2）报告（#92）相似度 96%，达到雷同阈值 80%，疑似沿用旧稿',
    );
  });

  it('near-duplicate reasons name both periods by name when aggregation is given them', () => {
    const named = aggregatePeriod({ ...bureauInput(), period: { ...bureauInput().period, name: '2026年上半年' }, previousPeriodName: '2025年下半年' });
    const reason = (id: number) => byUnit(named.units, id).flags.find((f) => f.code === 'near_duplicate')?.reason;
    expect(reason(2)).toBe('与本单位上期（2025年下半年）报告（#92）相似度 96%，达到雷同阈值 80%，疑似沿用旧稿');
    expect(reason(6)).toBe('与「一中第二党支部」2026年上半年 报告（#107）相似度 90%，达到雷同阈值 80%');
    expect(byUnit(named.units, 8).flags[0].reason).toBe('截至 2026-07-10 未提交 2026年上半年 报告，温度按 0 计入本层级');
    const f7 = byUnit(named.units, 7).flags.find((f): f is NearDuplicateFlag => f.code === 'near_duplicate');
    expect(f7?.evidence.other).toMatchObject({ periodCode: '2026-H1', periodName: '2026年上半年' });
    expect(named.units.flatMap((u) => u.flags.map((f) => f.reason)).join('\n')).not.toMatch(/2026-H1|2025-H2/);
  });

  it('names both reports of a copied pair, each from the other side', () => {
    const f6 = row(6).flags.find((f): f is NearDuplicateFlag => f.code === 'near_duplicate');
    const f7 = row(7).flags.find((f): f is NearDuplicateFlag => f.code === 'near_duplicate');
    expect(f6?.reason).toBe('与「一中第二党支部」2026-H1 报告（#107）相似度 90%，达到雷同阈值 80%');
    expect(f7?.reason).toBe('与「一中第一党支部」2026-H1 报告（#106）相似度 90%，达到雷同阈值 80%');
    expect(f7?.evidence).toEqual({
      reportId: 107,
      samePeriod: true,
      other: { reportId: 106, unitId: 6, unitCode: 'u6', unitName: '一中第一党支部', periodCode: '2026-H1', similarity: 0.906 },
      alsoSimilar: [],
      matchCount: 1,
      matchCountIsMinimum: false,
      threshold: 0.8,
    });
    expect(row(6).facts?.maxSimilarity).toBe(0.906);
    expect(row(1).facts?.maxSimilarity).toBe(0); // unrelated fingerprints are never even compared
  });

  it('carries evidence a dashboard can link to', () => {
    expect(row(3).flags[0].evidence).toEqual({
      reportId: 103,
      submittedAt: '2026-07-13T02:00:00.000Z',
      deadline: '2026-07-10T16:00:00.000Z',
      daysLate: 3,
    });
    expect(row(8).flags[0].evidence).toEqual({ periodCode: '2026-H1', deadline: '2026-07-10T16:00:00.000Z' });
    expect(row(8)).toMatchObject({ status: 'missing', reportId: null, components: null, facts: null, totals: {} });
  });
});

describe('near-duplicate flags among many copies', () => {
  it('names the earliest submitted copy first when many units hand in the same text', () => {
    const same = fp(42);
    const result = aggregatePeriod(
      tinyInput({
        reports: [
          report(1, [], { fingerprint: same, submittedAt: new Date('2026-07-08T09:00:00+08:00') }),
          report(2, [], { fingerprint: same, submittedAt: new Date('2026-07-03T09:00:00+08:00') }),
          report(3, [], { fingerprint: same, submittedAt: new Date('2026-07-06T09:00:00+08:00') }),
        ],
      }),
    );
    const flag = (id: number): NearDuplicateFlag | undefined =>
      byUnit(result.units, id).flags.find((f): f is NearDuplicateFlag => f.code === 'near_duplicate');
    expect(flag(1)?.evidence.other.unitName).toBe('甲支部'); // submitted 07-03
    expect(flag(1)?.evidence.alsoSimilar.map((m) => m.unitName)).toEqual(['乙支部']);
    expect(flag(1)?.evidence.matchCount).toBe(2);
    expect(flag(1)?.reason).toBe('与「甲支部」2026-Q3 报告（#102）相似度 100%，达到雷同阈值 80%；同期另有 1 份报告相似度不低于 80%');
    expect(flag(2)?.evidence.other.unitName).toBe('乙支部');
    expect(byUnit(result.units, 2).components?.originality).toBe(0);
  });

  it('says "at least" when a cluster of copies is larger than the candidate budget', () => {
    // 40 branches hand in the same template, each changing one different bin: every pair is at
    // 62/64 ≈ .97, and each report has 39 candidates, more than the 32 it may compare.
    const many = [unit(1, null, 100, '局党组'), ...Array.from({ length: 40 }, (_, i) => unit(2 + i, '/1/', 10, `第${i + 1}支部`))];
    const reps = many.slice(1).map((u, i) => report(u.id, [], { fingerprint: fp(9, [i % 64]) }));
    const result = aggregatePeriod(tinyInput({ units: many, reports: reps }));
    const flags = result.units
      .slice(1)
      .map((r) => r.flags.find((f): f is NearDuplicateFlag => f.code === 'near_duplicate'));
    expect(flags.every((f) => f !== undefined)).toBe(true);
    const truncated = flags.filter((f) => f?.evidence.matchCountIsMinimum);
    expect(truncated.length).toBeGreaterThan(0);
    expect(truncated[0]?.reason).toMatch(/同期另有至少 \d+ 份报告/);
    expect(truncated[0]?.evidence.alsoSimilar).toHaveLength(5);
    expect(truncated[0]?.evidence.other.similarity).toBe(0.969); // 62/64
  });
});

describe('flagsFor', () => {
  const period: FlagPeriod = {
    code: '2026-H1',
    dueOn: '2026-07-10',
    deadline: '2026-07-10T16:00:00.000Z',
    previousPeriodCode: '2025-H2',
    thresholds: DEFAULT_ANALYTICS_CONFIG.thresholds,
  };
  const quiet: FlagSubject = {
    unit: unit(2, '/1/', 10, '甲支部'),
    report: report(2, [], { charCount: 1000 }),
    temperature: 70,
    previousTemperature: 75,
    daysLate: 0,
    factCount: 5,
    perThousandChars: 5,
    samePeriod: null,
    ownPrevious: null,
    parent: null,
  };

  it('raises nothing for a unit with nothing wrong', () => {
    expect(flagsFor(quiet, period)).toEqual([]);
  });

  it('raises every flag in the documented order', () => {
    const other = { reportId: 9, unitId: 3, unitCode: 'u3', unitName: '乙支部', periodCode: '2026-H1', similarity: 0.9 };
    const everything: FlagSubject = {
      ...quiet,
      report: report(2, [], { charCount: 1000, placeholderCount: 1 }),
      temperature: 20,
      previousTemperature: 60,
      daysLate: 2,
      factCount: 1,
      perThousandChars: 1,
      samePeriod: { listed: [other], matchCount: 1, atLeast: false },
      ownPrevious: { ...other, reportId: 92, unitId: 2, periodCode: '2025-H2' },
    };
    expect(flagsFor(everything, period).map((f) => f.code)).toEqual(['late_report', 'cold', 'declining', 'near_duplicate', 'near_duplicate', 'unfilled_template', 'low_specificity']);
  });

  it('flags a unit far colder than its parent, naming the parent and both figures; 10% below is not cold', () => {
    const under = (temperature: number, parentTemperature: number) => flagsFor({ ...quiet, temperature, previousTemperature: undefined, parent: { name: '局机关党委', temperature: parentTemperature } }, period);
    const cold = under(44, 85);
    expect(cold.map((f) => f.code)).toEqual(['cold']);
    expect(cold[0].reason).toBe('温度 44，比上级「局机关党委」85 低 48%');
    expect(cold[0].evidence).toMatchObject({ parentName: '局机关党委', parentTemperature: 85, belowParent: 0.482, relativeThreshold: 0.4 });
    expect(under(42.5, 85).map((f) => f.code)).toEqual(['cold']); // half the parent's
    expect(under(76.5, 85)).toEqual([]); // 10% below
    expect(under(52, 85)).toEqual([]); // 39% below: within the share
    const strict = { ...period, thresholds: { ...period.thresholds, coldRelative: 0.05 } };
    expect(flagsFor({ ...quiet, temperature: 76.5, previousTemperature: undefined, parent: { name: '局机关党委', temperature: 85 } }, strict).map((f) => f.code)).toEqual(['cold']);
  });

  it('names the period as people read it when it has a name', () => {
    expect(missingReportFlag({ ...period, name: '2026年上半年' }).reason).toBe('截至 2026-07-10 未提交 2026年上半年 报告，温度按 0 计入本层级');
    const late = flagsFor({ ...quiet, daysLate: 2 }, { ...period, name: '2026年上半年', previousPeriodName: '2025年下半年' });
    expect(late[0].reason).toBe('2026年上半年 报告逾期 2 天提交（截止日期 2026-07-10）');
    const colder = flagsFor({ ...quiet, temperature: 50, previousTemperature: 80 }, { ...period, previousPeriodName: '2025年下半年' });
    expect(colder.find((f) => f.code === 'declining')?.reason).toContain('较上期（2025年下半年）');
  });

  it('gives a unit without a report after the deadline one flag', () => {
    expect(missingReportFlag(period)).toEqual({
      code: 'missing_report',
      reason: '截至 2026-07-10 未提交 2026-H1 报告，温度按 0 计入本层级',
      evidence: { periodCode: '2026-H1', deadline: '2026-07-10T16:00:00.000Z' },
    });
  });

  it('needs a drop above the threshold for declining', () => {
    expect(flagsFor({ ...quiet, temperature: 60 }, period)).toEqual([]); // drop 15 = threshold
    expect(flagsFor({ ...quiet, temperature: 59.9 }, period).map((f) => f.code)).toEqual(['declining']);
  });
});
