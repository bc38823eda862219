import { aggregatePeriod } from './aggregate';
import { DEFAULT_ANALYTICS_CONFIG } from './config';
import { deadlineFor } from './deadline';
import { A, B, C, D, METRICS, fp, mention, report, unit } from './fixtures.spec-helper';
import { summarizeLevels } from './levels';
import type { AggregateInput, AnalyticsReport, NearDuplicateFlag, UnitAggregate } from './types';

// ─────────────────────────────────────────────────────────────────────────────────────────────
// A bureau of three levels, worked out by hand with the default config:
//   weights breadth .2, intensity .35, specificity .15, timeliness .15, originality .15;
//   peerMultiple 2, minPeers 3, specificityFull 10/千字, lateDaysToZero 30, originalityFloor .5;
//   cold 40, declineDrop 15, lowSpecificity 2, nearDuplicate .8, attenuation .8.
//
//   1 县教育局党组 (L0, 200 members)
//   ├─ 2 局机关党委 (L1, 40)          └─ 5 机关第一党支部 (L2, 10)
//   ├─ 3 县第一中学党总支 (L1, 50)    ├─ 6 一中第一党支部 (L2, 20)
//   │                                 └─ 7 一中第二党支部 (L2, members unknown: 0)
//   └─ 4 县第二中学党总支 (L1, 60)    └─ 8 二中第一党支部 (L2, 10) — never reports
//
// Metrics: A org per unit w1 · B study per 100 members w1 · C propaganda per unit w2 · D civility
// per unit w1 with target 4 (reference 4 at every level). Intensity weights sum to 5.
// ─────────────────────────────────────────────────────────────────────────────────────────────

const units = [
  unit(1, null, 200, '县教育局党组'),
  unit(2, '/1/', 40, '局机关党委'),
  unit(3, '/1/', 50, '县第一中学党总支'),
  unit(4, '/1/', 60, '县第二中学党总支'),
  unit(5, '/1/2/', 10, '机关第一党支部'),
  unit(6, '/1/3/', 20, '一中第一党支部'),
  unit(7, '/1/3/', 0, '一中第二党支部'),
  unit(8, '/1/4/', 10, '二中第一党支部'),
];

const deadline = deadlineFor('2026-07-10'); // 2026-07-11 00:00 Beijing time
const reports: AnalyticsReport[] = [
  // u1: 4 facts / 2000 chars = 2 per 千字 (exactly the threshold: not low).
  report(1, [mention(A, 3), mention(B, 6), mention(C, 20), mention(D, 1)], { charCount: 2000 }),
  // u2: the rejected A 50 never counts; 3 facts / 1000 chars. Fingerprint 62/64 equal to its own
  // previous report below.
  report(2, [mention(A, 2, { state: 'confirmed' }), mention(A, 50, { state: 'rejected' }), mention(B, 4), mention(C, 10, { state: 'corrected' })]),
  // u3: C 12 is a same-key subset of C 30 (total 30, but 5 facts); first submitted 2026-07-13
  // 10:00 Beijing, i.e. 2 d 10 h after the deadline → 3 started days late.
  report(3, [mention(A, 1), mention(B, 5), mention(C, 30), mention(C, 12, { subset: true }), mention(D, 4)], {
    submittedAt: new Date('2026-07-13T10:00:00+08:00'),
  }),
  // u4: 3 facts / 2000 chars = 1.5 per 千字 → low_specificity.
  report(4, [mention(B, 3), mention(C, 10), mention(D, 8)], { charCount: 2000 }),
  // u5: 2 facts / 500 chars = 4 per 千字; two placeholders left in.
  report(5, [mention(A, 1), mention(B, 1)], { charCount: 500, placeholderCount: 2 }),
  report(6, [mention(B, 2), mention(C, 5), mention(D, 1, { origin: 'manual', state: 'confirmed' })]),
  // u7: a copy of u6's report: 6 of 64 bins changed → similarity 58/64 = 0.90625.
  report(7, [mention(B, 1)], { fingerprint: fp(6, [0, 4, 8, 12, 16, 20]) }),
];
const previousReports: AnalyticsReport[] = [report(2, [], { reportId: 92, fingerprint: fp(2, [0, 1]) })];

function input(over: Partial<AggregateInput> = {}): AggregateInput {
  return {
    units,
    metrics: METRICS,
    reports,
    previousReports,
    previousTemperatures: new Map([[4, 80]]),
    period: { code: '2026-H1', deadline, dueOn: '2026-07-10' },
    previousPeriodCode: '2025-H2',
    now: new Date('2026-07-20T09:00:00+08:00'),
    config: DEFAULT_ANALYTICS_CONFIG,
    ...over,
  };
}

const byUnit = (rows: UnitAggregate[], id: number): UnitAggregate => {
  const row = rows.find((r) => r.unitId === id);
  if (!row) throw new Error(`no row for unit ${id}`);
  return row;
};
const codes = (row: UnitAggregate): string[] => row.flags.map((f) => f.code);

describe('aggregatePeriod on a hand-worked three-level bureau', () => {
  const result = aggregatePeriod(input());
  const row = (id: number): UnitAggregate => byUnit(result.units, id);

  it('returns one row per unit in input order', () => {
    expect(result.periodCode).toBe('2026-H1');
    expect(result.units.map((r) => r.unitId)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('applies review rules and same-key subsets to totals', () => {
    expect(row(2).totals).toEqual({ [A]: 2, [B]: 4, [C]: 10 }); // rejected A 50 left out
    expect(row(3).totals[C]).toBe(30); // subset 12 not added
    expect(row(3).facts?.factCount).toBe(5); // …but it is a stated figure
    expect(row(2).facts?.factCount).toBe(3);
  });

  it('normalises per 100 members, borrowing the level median for an unknown member count', () => {
    // u1: B 6 ÷ (200/100) = 3.  u7: members 0 → median of level 2's known counts (10, 20, 10) = 10 → 1 ÷ 0.1 = 10.
    expect(row(1).metrics[B].normalized).toBe(3);
    expect(row(7).metrics[B].normalized).toBe(10);
    expect(row(7).metrics[A].normalized).toBe(0);
  });

  it('takes references from level peers, the whole tree for a level under minPeers, or the target', () => {
    // Level 0 has 1 reporting unit (< minPeers 3) → tree positives:
    //   A [3,2,1,1] median 1.5 → ×2 = 3;  B [3,10,10,5,10,10,10] median 10 → 20;  C [20,10,30,10,5] median 10 → 20.
    expect([A, B, C, D].map((k) => row(1).metrics[k].reference)).toEqual([3, 20, 20, 4]);
    // Level 1 (units 2,3,4): A [2,1] → 1.5 → 3;  B [10,10,5] → 10 → 20;  C [10,30,10] → 10 → 20.
    expect([A, B, C, D].map((k) => row(3).metrics[k].reference)).toEqual([3, 20, 20, 4]);
    // Level 2 (units 5,6,7 report): A [1] → 2;  B [10,10,10] → 20;  C [5] → 10.
    expect([A, B, C, D].map((k) => row(6).metrics[k].reference)).toEqual([2, 20, 10, 4]);
    // Scores: u3 C 30/20 capped at 1; u4 D 8/4 capped at 1; u6 D 1/4.
    expect(row(3).metrics[C].score).toBe(1);
    expect(row(4).metrics[D].score).toBe(1);
    expect(row(6).metrics[D].score).toBe(0.25);
  });

  it('computes the five components', () => {
    const expected: Record<number, [number, number, number, number, number]> = {
      //        breadth  intensity (Σ w·s ÷ 5)                  specificity timeliness originality
      1: [4 / 4, (1 + 0.15 + 2 * 1 + 0.25) / 5, 0.2, 1, 1], // = .68
      2: [3 / 4, (2 / 3 + 0.5 + 2 * 0.5 + 0) / 5, 0.3, 1, 1 - (62 / 64 - 0.5) / 0.5], // own copy → .0625
      3: [4 / 4, (1 / 3 + 0.5 + 2 * 1 + 1) / 5, 0.5, 1 - 3 / 30, 1],
      4: [3 / 4, (0 + 0.25 + 2 * 0.5 + 1) / 5, 0.15, 1, 1], // = .45
      5: [2 / 4, (0.5 + 0.5 + 0 + 0) / 5, 0.4, 1, 1], // = .2
      6: [3 / 4, (0 + 0.5 + 2 * 0.5 + 0.25) / 5, 0.3, 1, 1 - (58 / 64 - 0.5) / 0.5], // = .35, .1875
      7: [1 / 4, (0 + 0.5 + 0 + 0) / 5, 0.1, 1, 1 - (58 / 64 - 0.5) / 0.5], // = .1
    };
    for (const [id, [b, i, s, t, o]] of Object.entries(expected)) {
      const c = row(Number(id)).components;
      expect(c).not.toBeNull();
      expect(c?.breadth).toBeCloseTo(b, 4);
      expect(c?.intensity).toBeCloseTo(i, 4);
      expect(c?.specificity).toBeCloseTo(s, 4);
      expect(c?.timeliness).toBeCloseTo(t, 4);
      expect(c?.originality).toBeCloseTo(o, 4);
    }
  });

  it('combines them into temperatures', () => {
    // T = 100 × (.2 b + .35 i + .15 s + .15 t + .15 o)
    // u1: .2 + .35×.68 (.238) + .03 + .15 + .15                   = .768    → 76.8
    // u2: .15 + .35×.433333 (.151667) + .045 + .15 + .15×.0625     = .506042 → 50.6
    // u3: .2 + .35×.766667 (.268333) + .075 + .15×.9 (.135) + .15  = .828333 → 82.8
    // u4: .15 + .35×.45 (.1575) + .0225 + .15 + .15                = .63     → 63
    // u5: .1 + .35×.2 (.07) + .06 + .15 + .15                      = .53     → 53
    // u6: .15 + .35×.35 (.1225) + .045 + .15 + .15×.1875 (.028125) = .495625 → 49.6
    // u7: .05 + .35×.1 (.035) + .015 + .15 + .028125               = .278125 → 27.8
    // u8: missing after the deadline → 0
    expect(result.units.map((r) => r.temperature)).toEqual([76.8, 50.6, 82.8, 63, 53, 49.6, 27.8, 0]);
  });

  it('raises exactly the expected flags', () => {
    expect(result.units.map(codes)).toEqual([
      [], // u1: 2 facts per 千字 is not below 2
      ['near_duplicate'], // own previous report
      ['late_report'],
      ['declining', 'low_specificity'], // 80 → 63; 1.5 per 千字
      ['unfilled_template'],
      ['near_duplicate'],
      ['cold', 'near_duplicate', 'low_specificity'],
      ['missing_report'],
    ]);
  });

  it('says in Chinese what is wrong and which figure triggered it', () => {
    const reason = (id: number, code: string): string | undefined => row(id).flags.find((f) => f.code === code)?.reason;
    expect(reason(7, 'cold')).toBe('温度 27.8，低于冷点阈值 40');
    expect(reason(3, 'late_report')).toBe('2026-H1 报告逾期 3 天提交（截止日期 2026-07-10）');
    expect(reason(4, 'declining')).toBe('温度 63，较上期（2025-H2）的 80 下降 17 点，超过下滑阈值 15');
    expect(reason(4, 'low_specificity')).toBe('每千字仅 1.5 个量化事实（全文 2000 字，3 个数字），低于阈值 2');
    expect(reason(5, 'unfilled_template')).toContain('2 处模板占位符');
    expect(reason(8, 'missing_report')).toBe('截至 2026-07-10 未提交 2026-H1 报告，温度按 0 计入本层级');
    expect(reason(2, 'near_duplicate')).toBe(
      '与本单位上期（2025-H2）报告（#92）相似度 96%，达到雷同阈值 80%，疑似沿用旧稿',
    );
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

  it('summarises the levels of the whole tree', () => {
    // L0 [76.8] · L1 [50.6, 82.8, 63] → 63, 63 ÷ 76.8 = .8203 · L2 [53, 49.6, 27.8, 0] → (27.8+49.6)/2 = 38.7, 38.7 ÷ 63 = .6143
    // gap index 1 − 38.7 ÷ 76.8 = .49609; L2 attenuation < .8 → detected, lost at level 2.
    expect(result.summary).toEqual({
      levels: [
        { level: 0, unitCount: 1, ratedCount: 1, medianTemperature: 76.8, attenuation: null },
        { level: 1, unitCount: 3, ratedCount: 3, medianTemperature: 63, attenuation: 0.82 },
        { level: 2, unitCount: 4, ratedCount: 4, medianTemperature: 38.7, attenuation: 0.614 },
      ],
      gapIndex: 0.496,
      gapDetected: true,
      lossLevel: 2,
    });
  });

  it('counts levels from a sub-root when the api summarises a sub-committee', () => {
    // Sub-root 3: L0 [82.8] · L1 [49.6, 27.8] → 38.7; 38.7 ÷ 82.8 = .46739; gap 1 − .46739 = .53261.
    const stored = units.map((u) => ({ unitId: u.id, path: u.path, level: u.level, temperature: row(u.id).temperature }));
    expect(summarizeLevels(stored, 3)).toEqual({
      levels: [
        { level: 0, unitCount: 1, ratedCount: 1, medianTemperature: 82.8, attenuation: null },
        { level: 1, unitCount: 2, ratedCount: 2, medianTemperature: 38.7, attenuation: 0.467 },
      ],
      gapIndex: 0.533,
      gapDetected: true,
      lossLevel: 1,
    });
  });
});

describe('aggregatePeriod: missing versus not yet due', () => {
  it('before the deadline an unsubmitted unit is neither cold nor counted', () => {
    const early = aggregatePeriod(input({ now: new Date('2026-07-10T23:59:59+08:00') }));
    expect(byUnit(early.units, 8)).toEqual({
      unitId: 8,
      reportId: null,
      status: 'not_due',
      totals: {},
      metrics: {},
      components: null,
      temperature: null,
      facts: null,
      flags: [],
    });
    // Level 2 without u8: median of [53, 49.6, 27.8] = 49.6; 4 units, 3 rated.
    expect(early.summary?.levels[2]).toEqual({ level: 2, unitCount: 4, ratedCount: 3, medianTemperature: 49.6, attenuation: 0.787 });
  });

  it('from the deadline on the unit is missing and weighs 0 in its level', () => {
    const atDeadline = aggregatePeriod(input({ now: deadline }));
    expect(byUnit(atDeadline.units, 8).status).toBe('missing');
    expect(atDeadline.summary?.levels[2].medianTemperature).toBe(38.7);
  });
});

describe('aggregatePeriod: review changes move the numbers', () => {
  it('rejecting a mention changes totals, breadth, references and temperatures', () => {
    // Reject u5's A 1. Level 2 then has no positive A → A has no reference there and leaves
    // intensity for the whole level (weights sum to 4 instead of 5).
    // u5: breadth 1/4; intensity B .5 ÷ 4 = .125; 1 fact / 500 chars = 2 per 千字 → .2
    //     T = .05 + .35×.125 (.04375) + .03 + .15 + .15 = .42375 → 42.4
    // u6: intensity (.5 + 2×.5 + .25) ÷ 4 = .4375
    //     T = .15 + .35×.4375 (.153125) + .045 + .15 + .028125 = .52625 → 52.6
    const edited = reports.map((r) =>
      r.unitId === 5 ? { ...r, mentions: [mention(A, 1, { state: 'rejected' }), mention(B, 1)] } : r,
    );
    const result = aggregatePeriod(input({ reports: edited }));
    expect(byUnit(result.units, 5).totals).toEqual({ [B]: 1 });
    expect(byUnit(result.units, 5).metrics[A]).toEqual({ total: 0, normalized: 0, reference: null, score: null });
    expect(byUnit(result.units, 5).temperature).toBe(42.4);
    expect(byUnit(result.units, 6).temperature).toBe(52.6);
  });
});

describe('aggregatePeriod: edge cases', () => {
  const tiny = [unit(1, null, 30, '局党组'), unit(2, '/1/', 10, '甲支部'), unit(3, '/1/', 10, '乙支部')];
  const base = (over: Partial<AggregateInput>): AggregateInput => ({
    units: tiny,
    metrics: METRICS,
    reports: [],
    period: { code: '2026-Q3', deadline },
    now: new Date('2026-08-01T00:00:00Z'),
    ...over,
  });

  it('uses the latest version of a unit and ignores reports of unknown units', () => {
    const result = aggregatePeriod(
      base({
        reports: [
          report(2, [mention(A, 1)], { reportId: 20, version: 1 }),
          report(2, [mention(A, 7)], { reportId: 21, version: 2 }),
          report(99, [mention(A, 5)], { reportId: 990 }),
        ],
      }),
    );
    expect(byUnit(result.units, 2)).toMatchObject({ reportId: 21, totals: { [A]: 7 } });
    expect(result.units).toHaveLength(3);
  });

  it('judges timeliness on the first submission, not on a later correction', () => {
    const corrected = report(2, [mention(A, 1)], {
      version: 2,
      firstSubmittedAt: new Date('2026-07-09T10:00:00+08:00'),
      submittedAt: new Date('2026-07-15T10:00:00+08:00'),
    });
    const result = aggregatePeriod(base({ reports: [corrected] }));
    expect(codes(byUnit(result.units, 2))).not.toContain('late_report');
    expect(byUnit(result.units, 2).components?.timeliness).toBe(1);
  });

  it('reaches timeliness 0 at lateDaysToZero days late', () => {
    const late = report(2, [mention(A, 1)], { submittedAt: new Date(deadline.getTime() + 29 * 86_400_000 + 1) });
    const result = aggregatePeriod(base({ reports: [late] }));
    expect(byUnit(result.units, 2).facts?.daysLate).toBe(30);
    expect(byUnit(result.units, 2).components?.timeliness).toBe(0);
  });

  it('scores an empty report 0 on specificity and flags it, without dividing by zero', () => {
    const result = aggregatePeriod(base({ reports: [report(2, [], { charCount: 0, fingerprint: null })] }));
    const r = byUnit(result.units, 2);
    expect(r.components).toEqual({ breadth: 0, intensity: 0, specificity: 0, timeliness: 1, originality: 1 });
    // T = 100 × (.15 + .15) = 30
    expect(r.temperature).toBe(30);
    expect(codes(r)).toEqual(['cold', 'low_specificity']);
  });

  it('names the earliest submitted copy first when many units hand in the same text', () => {
    const same = fp(42);
    const result = aggregatePeriod(
      base({
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
    const result = aggregatePeriod(base({ units: many, reports: reps }));
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

  it('leaves a metric of weight 0 out of intensity but still totals it', () => {
    const metrics = METRICS.map((m) => (m.key === C ? { ...m, weight: 0 } : m));
    const result = aggregatePeriod(base({ metrics, reports: [report(2, [mention(C, 100)])] }));
    const r = byUnit(result.units, 2);
    expect(r.totals[C]).toBe(100);
    expect(r.metrics[C].score).toBeNull();
    expect(r.components?.intensity).toBe(0); // only C was done, and it does not weigh
    expect(r.components?.breadth).toBe(0.25); // but it is activity in a category
  });

  it('gives no whole-tree summary when the units have more than one root', () => {
    const result = aggregatePeriod(base({ units: [unit(1, null, 10, '甲'), unit(2, null, 10, '乙')] }));
    expect(result.summary).toBeNull();
  });

  it('refuses an invalid config with a Chinese message', () => {
    const config = { ...DEFAULT_ANALYTICS_CONFIG, thresholds: { ...DEFAULT_ANALYTICS_CONFIG.thresholds, cold: 140 } };
    expect(() => aggregatePeriod(base({ config }))).toThrow(/冷点阈值/);
  });

  it('honours configured weights', () => {
    // Only timeliness weighs: a unit 15 days late scores 100 × (1 − 15/30) = 50.
    const config = { ...DEFAULT_ANALYTICS_CONFIG, weights: { breadth: 0, intensity: 0, specificity: 0, timeliness: 2, originality: 0 } };
    const late = report(2, [], { submittedAt: new Date(deadline.getTime() + 14 * 86_400_000 + 5) });
    expect(byUnit(aggregatePeriod(base({ config, reports: [late] })).units, 2).temperature).toBe(50);
  });
});
