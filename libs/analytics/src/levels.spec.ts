import { median, summarizeLevels } from './levels';
import type { LevelUnit } from './types';

const u = (unitId: number, path: string, temperature: number | null): LevelUnit => ({
  unitId,
  path,
  level: path.split('/').filter(Boolean).length - 1,
  temperature,
});

describe('median', () => {
  it('takes the middle value or the mean of the two middle ones, without sorting its input', () => {
    const values = [9, 1, 5];
    expect(median(values)).toBe(5);
    expect(values).toEqual([9, 1, 5]);
    expect(median([4, 1, 3, 10])).toBe(3.5);
    expect(median([])).toBeNull();
  });
});

describe('summarizeLevels', () => {
  //   1 (90)
  //   ├─ 2 (60) ─┬─ 4 (30)
  //   │          └─ 5 (null: not due)
  //   └─ 3 (80) ─┬─ 6 (40)
  //              ├─ 7 (20)
  //              └─ 8 (10) ── 9 (5)
  const tree = [
    u(1, '/1/', 90),
    u(2, '/1/2/', 60),
    u(3, '/1/3/', 80),
    u(4, '/1/2/4/', 30),
    u(5, '/1/2/5/', null),
    u(6, '/1/3/6/', 40),
    u(7, '/1/3/7/', 20),
    u(8, '/1/3/8/', 10),
    u(9, '/1/3/8/9/', 5),
  ];

  it('computes medians, attenuations and the gap index from the bureau', () => {
    // L0 90 · L1 [60,80] → 70, 70/90 = .778 · L2 [30,40,20,10] → 25, 25/70 = .357 · L3 [5] → 5, 5/25 = .2
    // gap 1 − 5/90 = .944; lowest attenuation below .8 is level 3.
    expect(summarizeLevels(tree, 1)).toEqual({
      levels: [
        { level: 0, unitCount: 1, ratedCount: 1, medianTemperature: 90, attenuation: null },
        { level: 1, unitCount: 2, ratedCount: 2, medianTemperature: 70, attenuation: 0.778 },
        { level: 2, unitCount: 5, ratedCount: 4, medianTemperature: 25, attenuation: 0.357 },
        { level: 3, unitCount: 1, ratedCount: 1, medianTemperature: 5, attenuation: 0.2 },
      ],
      gapIndex: 0.944,
      gapDetected: true,
      lossLevel: 3,
    });
  });

  it('counts levels from a sub-root and ignores everything outside its subtree', () => {
    // Sub-root 3: L0 80 · L1 [40,20,10] → 20, 20/80 = .25 · L2 [5] → 5, 5/20 = .25; gap 1 − 5/80 = .9375
    const s = summarizeLevels(tree, 3);
    expect(s.levels).toEqual([
      { level: 0, unitCount: 1, ratedCount: 1, medianTemperature: 80, attenuation: null },
      { level: 1, unitCount: 3, ratedCount: 3, medianTemperature: 20, attenuation: 0.25 },
      { level: 2, unitCount: 1, ratedCount: 1, medianTemperature: 5, attenuation: 0.25 },
    ]);
    expect(s.gapIndex).toBe(0.938);
    expect(s.lossLevel).toBe(1); // the first of two equal lowest attenuations
  });

  it('finds the root level from the paths even when the root row itself is absent', () => {
    const withoutRoot = tree.filter((x) => x.unitId !== 2);
    // Sub-root 2 without its own row: its children 4 (30) and 5 (not due) are still level 1.
    expect(summarizeLevels(withoutRoot, 2).levels).toEqual([
      { level: 0, unitCount: 0, ratedCount: 0, medianTemperature: null, attenuation: null },
      { level: 1, unitCount: 2, ratedCount: 1, medianTemperature: 30, attenuation: null },
    ]);
  });

  it('does not detect a gap when every level keeps at least the threshold', () => {
    const warm = [u(1, '/1/', 80), u(2, '/1/2/', 72), u(3, '/1/2/3/', 70)];
    // 72/80 = .9, 70/72 = .972 → none below .8; gap 1 − 70/80 = .125
    expect(summarizeLevels(warm, 1)).toMatchObject({ gapIndex: 0.125, gapDetected: false, lossLevel: null });
    // A stricter threshold finds the first step.
    expect(summarizeLevels(warm, 1, { attenuationThreshold: 0.95 })).toMatchObject({ gapDetected: true, lossLevel: 1 });
  });

  it('reports a negative gap when the bottom is warmer, and no attenuation under a cold level of 0', () => {
    const s = summarizeLevels([u(1, '/1/', 0), u(2, '/1/2/', 50), u(3, '/1/2/3/', 60)], 1);
    expect(s.levels.map((l) => l.attenuation)).toEqual([null, null, 1.2]);
    expect(s.gapIndex).toBe(0); // top median 0: no ratio
    expect(summarizeLevels([u(1, '/1/', 40), u(2, '/1/2/', 60)], 1).gapIndex).toBe(-0.5);
  });

  it('has no gap with a single level or nothing rated', () => {
    expect(summarizeLevels([u(1, '/1/', 50)], 1)).toEqual({
      levels: [{ level: 0, unitCount: 1, ratedCount: 1, medianTemperature: 50, attenuation: null }],
      gapIndex: 0,
      gapDetected: false,
      lossLevel: null,
    });
    expect(summarizeLevels([], 1)).toEqual({ levels: [], gapIndex: 0, gapDetected: false, lossLevel: null });
  });

  it('does not mistake a unit whose id only contains the root id', () => {
    // Root 1 must not pick up '/11/' or '/21/'.
    const s = summarizeLevels([u(1, '/1/', 50), u(11, '/11/', 10), u(21, '/11/21/', 10)], 1);
    expect(s.levels).toHaveLength(1);
  });
});
