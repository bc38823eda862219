import '../test-setup';
import { defaultPeriod, periodNameOf, todayIso, type Period } from './period';

const p = (code: string, startsOn: string, hasReports = false): Period => ({ code, name: code, startsOn, endsOn: startsOn, dueOn: startsOn, overdue: false, closedAt: null, hasReports });

it('opens the latest started period that has reports, not a new empty one', () => {
  const list = [p('2026-H1', '2026-01-01', true), p('2025-H2', '2025-07-01', true), p('2026-H2', '2026-07-01')];
  expect(defaultPeriod(list, '2026-12-04')?.code).toBe('2026-H1');
  expect(defaultPeriod(list, '2026-05-01')?.code).toBe('2026-H1');
  expect(defaultPeriod([p('2026-H1', '2026-01-01', true), p('2027-H1', '2027-01-01', true)], '2026-12-04')?.code).toBe('2026-H1');
});

it('opens the latest period that has started when none has reports', () => {
  const list = [p('2026-H1', '2026-01-01'), p('2025-H2', '2025-07-01'), p('2026-H2', '2026-07-01')];
  expect(defaultPeriod(list, '2026-05-01')?.code).toBe('2026-H1');
  expect(defaultPeriod(list, '2026-07-01')?.code).toBe('2026-H2');
  expect(defaultPeriod(list, '2020-01-01')?.code).toBe('2025-H2');
  expect(defaultPeriod([], '2026-01-01')).toBeNull();
});

it('formats today as an ISO date in local time', () => {
  expect(todayIso(new Date(2026, 0, 5))).toBe('2026-01-05');
});

it('names a period as people read it, the code when it has no name or is unknown (file and image names)', () => {
  const list = [
    { code: '2026-H1', name: '2026年上半年' },
    { code: '2026-Q3', name: '' },
  ];
  expect(periodNameOf(list, '2026-H1')).toBe('2026年上半年');
  expect(periodNameOf(list, '2026-Q3')).toBe('2026-Q3');
  expect(periodNameOf(undefined, '2026-H1')).toBe('2026-H1');
  expect(periodNameOf(list, undefined)).toBe('');
});
