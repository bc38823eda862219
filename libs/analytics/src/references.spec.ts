import { aggregatePeriod } from './aggregate';
import { metricCatalogue } from './catalogue';
import { DEFAULT_ANALYTICS_CONFIG } from './config';
import { A, B, C, D, METRICS, bureauInput, byUnit, mention, report, unit } from './fixtures.spec-helper';
import { FALLBACK_MEMBERS, levelSlots, memberCounts, peerReferences, reportedFigures } from './references';

describe('references on the hand-worked bureau', () => {
  const result = aggregatePeriod(bureauInput());
  const row = (id: number) => byUnit(result.units, id);

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
});

describe('memberCounts', () => {
  it('borrows the median of the level, or assumes 100 when nobody at the level has a count', () => {
    const units = [unit(1, null, 0, '局'), unit(2, '/1/', 10, '甲'), unit(3, '/1/', 30, '乙'), unit(4, '/1/', 0, '丙')];
    const members = memberCounts(units);
    expect(units.map(members)).toEqual([FALLBACK_MEMBERS, 10, 30, 20]);
  });
});

describe('peerReferences', () => {
  // Two levels: level 0 with one reporting unit, level 1 with three. Only B is per 100 members.
  const units = [unit(1, null, 100, '局'), unit(2, '/1/', 50, '甲'), unit(3, '/1/', 50, '乙'), unit(4, '/1/', 50, '丙')];
  const reports = [
    report(1, [mention(A, 8), mention(B, 4)]),
    report(2, [mention(A, 1), mention(B, 1)]),
    report(3, [mention(A, 3)]),
    report(4, [mention(A, 0), mention(C, 2)]),
  ];
  const catalogue = metricCatalogue(METRICS);
  const members = Float64Array.from(units, memberCounts(units));
  const figures = reportedFigures(catalogue, reports, members);
  const levels = levelSlots(units, units);
  const refs = peerReferences(catalogue, figures, levels, DEFAULT_ANALYTICS_CONFIG.scoring);
  const at = (key: string, level: number) => refs[(catalogue.indexOfKey.get(key) as number) * levels.count + level];

  it('uses the positive values of the level when it has enough peers, the tree otherwise', () => {
    // Level 1, A: positives [1, 3] → median 2 → ×2 = 4. Level 0 (1 peer < 3): tree positives [8, 1, 3] → 3 → 6.
    expect(at(A, 1)).toBe(4);
    expect(at(A, 0)).toBe(6);
    // B per 100 members: u1 4 ÷ 1 = 4, u2 1 ÷ 0.5 = 2; level 1 has only u2's 2 → 4.
    expect(at(B, 1)).toBe(4);
  });

  it('has no reference where nobody did the metric, and the target wherever there is one', () => {
    expect(at(C, 0)).toBe(4); // the tree's C [2] → 2 × 2
    expect(at(D, 0)).toBe(4);
    expect(at(D, 1)).toBe(4);
    const withoutC = reportedFigures(catalogue, reports.slice(0, 3), members.subarray(0, 3));
    const refs2 = peerReferences(catalogue, withoutC, levelSlots(units, units.slice(0, 3)), DEFAULT_ANALYTICS_CONFIG.scoring);
    expect(Number.isNaN(refs2[(catalogue.indexOfKey.get(C) as number) * 2 + 1])).toBe(true);
  });
});
