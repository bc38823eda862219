import type { DashboardGap, GapUnit } from '../api/pending-paths';
import { coldUnits, flaggedUnits, levelOf, overviewOf, temperatureColor } from './gap';

const unit = (code: string, level: number, temperature: number | null, flags: string[] = [], reportId: number | null = 1): GapUnit => ({
  code,
  name: code,
  level,
  parentCode: null,
  memberCount: 10,
  temperature,
  reportId,
  totals: {},
  flags: flags.map((c) => ({ code: c as GapUnit['flags'][number]['code'], reason: `${c} reason` })),
});

const GAP: DashboardGap = {
  period: '2026-H1',
  gapDetected: true,
  gapIndex: 0.6,
  levels: [
    { level: 0, unitCount: 1, medianTemperature: 80, attenuation: null },
    { level: 1, unitCount: 2, medianTemperature: 50, attenuation: 0.625 },
  ],
  units: [unit('root', 0, 80), unit('a', 1, 20, ['cold', 'late_report']), unit('b', 1, 0, ['missing_report', 'cold'], null), unit('c', 1, 70)],
};

it('counts the overview from the units when the api sends none', () => {
  expect(overviewOf(GAP)).toEqual({ expected: 4, received: 3, onTime: 2, cold: 2 });
  expect(overviewOf({ ...GAP, overview: { expected: 9, received: 8, onTime: 7, cold: 1 } })).toEqual({ expected: 9, received: 8, onTime: 7, cold: 1 });
});

it('lists cold units coldest first and flagged units most-flagged first', () => {
  expect(coldUnits(GAP).map((u) => u.code)).toEqual(['b', 'a']);
  expect(flaggedUnits(GAP).map((u) => u.code)).toEqual(['b', 'a']);
});

it('finds a unit’s level by absolute level, or by depth when levels are counted from the caller', () => {
  expect(levelOf(GAP, { level: 1 })?.medianTemperature).toBe(50);
  const sub: DashboardGap = { ...GAP, units: [unit('edu', 1, 60), unit('s', 2, 30)], levels: [{ level: 0, unitCount: 1, medianTemperature: 60, attenuation: null }, { level: 1, unitCount: 1, medianTemperature: 30, attenuation: 0.5 }] };
  expect(levelOf(sub, { level: 2 })?.medianTemperature).toBe(30);
});

it('colours temperatures from blue (cold) to red (hot), grey when unknown', () => {
  expect(temperatureColor(0)).toBe('rgb(30, 58, 138)');
  expect(temperatureColor(100)).toBe('rgb(183, 28, 28)');
  expect(temperatureColor(null)).toBe('#d9d9d9');
  expect(temperatureColor(150)).toBe('rgb(183, 28, 28)');
});
