import { aggregatePeriod } from './aggregate';
import { DEFAULT_ANALYTICS_CONFIG } from './config';
import { A, B, C, bureau, bureauInput, bureauReports, byUnit, deadline, mention, report, tinyInput, unit } from './fixtures.spec-helper';
import { summarizeLevels } from './levels';

// The whole model on the hand-worked bureau of fixtures.spec-helper.ts; references, components and
// flags have specs of their own beside their files.

describe('aggregatePeriod on a hand-worked three-level bureau', () => {
  const result = aggregatePeriod(bureauInput());
  const row = (id: number) => byUnit(result.units, id);

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
    const stored = bureau.map((u) => ({ unitId: u.id, path: u.path, level: u.level, temperature: row(u.id).temperature }));
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
    const early = aggregatePeriod(bureauInput({ now: new Date('2026-07-10T23:59:59+08:00') }));
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
    const atDeadline = aggregatePeriod(bureauInput({ now: deadline }));
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
    const edited = bureauReports.map((r) =>
      r.unitId === 5 ? { ...r, mentions: [mention(A, 1, { state: 'rejected' }), mention(B, 1)] } : r,
    );
    const result = aggregatePeriod(bureauInput({ reports: edited }));
    expect(byUnit(result.units, 5).totals).toEqual({ [B]: 1 });
    expect(byUnit(result.units, 5).metrics[A]).toEqual({ total: 0, normalized: 0, reference: null, score: null });
    expect(byUnit(result.units, 5).temperature).toBe(42.4);
    expect(byUnit(result.units, 6).temperature).toBe(52.6);
  });
});

describe('aggregatePeriod: edge cases', () => {
  it('uses the latest version of a unit and ignores reports of unknown units', () => {
    const result = aggregatePeriod(
      tinyInput({
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

  it('gives no whole-tree summary when the units have more than one root', () => {
    const result = aggregatePeriod(tinyInput({ units: [unit(1, null, 10, '甲'), unit(2, null, 10, '乙')] }));
    expect(result.summary).toBeNull();
  });

  it('refuses an invalid config with a Chinese message', () => {
    const config = { ...DEFAULT_ANALYTICS_CONFIG, thresholds: { ...DEFAULT_ANALYTICS_CONFIG.thresholds, cold: 140 } };
    expect(() => aggregatePeriod(tinyInput({ config }))).toThrow(/冷点阈值/);
  });
});
