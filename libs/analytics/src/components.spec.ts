import { aggregatePeriod } from './aggregate';
import { originality, specificity, temperatureOf, timeliness } from './components';
import { DEFAULT_ANALYTICS_CONFIG } from './config';
import { A, C, METRICS, bureauInput, byUnit, codes, deadline, mention, report, tinyInput } from './fixtures.spec-helper';

const { scoring, weights } = DEFAULT_ANALYTICS_CONFIG;

describe('components and temperatures on the hand-worked bureau', () => {
  const result = aggregatePeriod(bureauInput());

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
      const c = byUnit(result.units, Number(id)).components;
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
});

describe('components: edge cases', () => {
  it('judges timeliness on the first submission, not on a later correction', () => {
    const corrected = report(2, [mention(A, 1)], {
      version: 2,
      firstSubmittedAt: new Date('2026-07-09T10:00:00+08:00'),
      submittedAt: new Date('2026-07-15T10:00:00+08:00'),
    });
    const result = aggregatePeriod(tinyInput({ reports: [corrected] }));
    expect(codes(byUnit(result.units, 2))).not.toContain('late_report');
    expect(byUnit(result.units, 2).components?.timeliness).toBe(1);
  });

  it('reaches timeliness 0 at lateDaysToZero days late', () => {
    const late = report(2, [mention(A, 1)], { submittedAt: new Date(deadline.getTime() + 29 * 86_400_000 + 1) });
    const result = aggregatePeriod(tinyInput({ reports: [late] }));
    expect(byUnit(result.units, 2).facts?.daysLate).toBe(30);
    expect(byUnit(result.units, 2).components?.timeliness).toBe(0);
  });

  it('scores an empty report 0 on specificity and flags it, without dividing by zero', () => {
    const result = aggregatePeriod(tinyInput({ reports: [report(2, [], { charCount: 0, fingerprint: null })] }));
    const r = byUnit(result.units, 2);
    expect(r.components).toEqual({ breadth: 0, intensity: 0, specificity: 0, timeliness: 1, originality: 1 });
    // T = 100 × (.15 + .15) = 30
    expect(r.temperature).toBe(30);
    expect(codes(r)).toEqual(['cold', 'low_specificity']);
  });

  it('leaves a metric of weight 0 out of intensity but still totals it', () => {
    const metrics = METRICS.map((m) => (m.key === C ? { ...m, weight: 0 } : m));
    const result = aggregatePeriod(tinyInput({ metrics, reports: [report(2, [mention(C, 100)])] }));
    const r = byUnit(result.units, 2);
    expect(r.totals[C]).toBe(100);
    expect(r.metrics[C].score).toBeNull();
    expect(r.components?.intensity).toBe(0); // only C was done, and it does not weigh
    expect(r.components?.breadth).toBe(0.25); // but it is activity in a category
  });

  it('honours configured weights', () => {
    // Only timeliness weighs: a unit 15 days late scores 100 × (1 − 15/30) = 50.
    const config = { ...DEFAULT_ANALYTICS_CONFIG, weights: { breadth: 0, intensity: 0, specificity: 0, timeliness: 2, originality: 0 } };
    const late = report(2, [], { submittedAt: new Date(deadline.getTime() + 14 * 86_400_000 + 5) });
    expect(byUnit(aggregatePeriod(tinyInput({ config, reports: [late] })).units, 2).temperature).toBe(50);
  });
});

describe('the component formulas', () => {
  it('specificity is full at specificityFull facts per 千字', () => {
    expect(specificity(5, scoring)).toBe(0.5);
    expect(specificity(25, scoring)).toBe(1);
  });

  it('timeliness loses 1/30 a day', () => {
    expect(timeliness(0, scoring)).toBe(1);
    expect(timeliness(3, scoring)).toBeCloseTo(0.9, 10);
    expect(timeliness(45, scoring)).toBe(0);
  });

  it('originality costs nothing up to the floor and everything at a verbatim copy', () => {
    expect(originality(0.5, scoring)).toBe(1);
    expect(originality(0.75, scoring)).toBe(0.5);
    expect(originality(1, scoring)).toBe(0);
  });

  it('temperature is the weighted mean of the components, 0..100 with 1 decimal', () => {
    expect(temperatureOf({ breadth: 1, intensity: 1, specificity: 1, timeliness: 1, originality: 1 }, weights)).toBe(100);
    expect(temperatureOf({ breadth: 0.5, intensity: 0, specificity: 0, timeliness: 0, originality: 0 }, weights)).toBe(10);
  });
});
