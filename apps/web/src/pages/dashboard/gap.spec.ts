import type { DashboardGap, GapUnit } from '../../api/types';
import { coldUnits, flaggedUnits, levelOf } from './gap';

const unit = (code: string, level: number, temperature: number | null, flags: string[] = [], reportId: number | null = 1): GapUnit => ({
  code,
  name: code,
  level,
  parentCode: null,
  memberCount: 10,
  temperature,
  reportId,
  status: reportId ? 'reported' : 'missing',
  totals: {},
  flags: flags.map((c) => ({ code: c as GapUnit['flags'][number]['code'], reason: `${c} reason` })),
});

const GAP: DashboardGap = {
  period: '2026-H1',
  status: 'ok',
  dueOn: '2026-07-10',
  aggregatedAt: '2026-07-11T00:00:00Z',
  lossLevel: 1,
  attenuationThreshold: 0.8,
  overview: { expected: 4, received: 3, onTime: 2, late: 1, missing: 1, notDue: 0, onTimeRate: 0.5, coldCount: 2, flaggedCount: 2 },
  gapDetected: true,
  gapIndex: 0.6,
  levels: [
    { level: 0, unitCount: 1, ratedCount: 1, medianTemperature: 80, attenuation: null },
    { level: 1, unitCount: 2, ratedCount: 2, medianTemperature: 50, attenuation: 0.625 },
  ],
  units: [unit('root', 0, 80), unit('a', 1, 20, ['cold', 'late_report']), unit('b', 1, 0, ['missing_report', 'cold'], null), unit('c', 1, 70)],
};

it('lists cold units coldest first and flagged units most-flagged first', () => {
  expect(coldUnits(GAP).map((u) => u.code)).toEqual(['b', 'a']);
  expect(flaggedUnits(GAP).map((u) => u.code)).toEqual(['b', 'a']);
});

it('finds a unit’s level', () => {
  expect(levelOf(GAP, { level: 1 })?.medianTemperature).toBe(50);
  expect(levelOf(GAP, { level: 5 })).toBeUndefined();
});
