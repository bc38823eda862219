import { isLate, periodDatesProblem } from './period-dates';

describe('period dates', () => {
  it('counts an upload late from the first instant after the due day in the reporting zone', () => {
    // 2026-07-10 ends at 2026-07-11 00:00 in Shanghai = 2026-07-10 16:00 UTC.
    expect(isLate(new Date('2026-07-10T15:59:59.999Z'), '2026-07-10', 'Asia/Shanghai')).toBe(false);
    expect(isLate(new Date('2026-07-10T16:00:00.000Z'), '2026-07-10', 'Asia/Shanghai')).toBe(true);
    // New York is UTC-4 in July: the same day ends at 04:00 UTC the next day.
    expect(isLate(new Date('2026-07-11T03:59:59.000Z'), '2026-07-10', 'America/New_York')).toBe(false);
    expect(isLate(new Date('2026-07-11T04:00:00.000Z'), '2026-07-10', 'America/New_York')).toBe(true);
  });

  it('checks the order of the dates', () => {
    expect(periodDatesProblem({ startsOn: '2026-07-01', endsOn: '2026-06-30', dueOn: '2026-07-10' })).toMatch(/开始日期/);
    expect(periodDatesProblem({ startsOn: '2026-01-01', endsOn: '2026-06-30', dueOn: '2025-12-01' })).toMatch(/截止日期/);
    expect(periodDatesProblem({ startsOn: '2026-01-01', endsOn: '2026-06-30', dueOn: '2026-07-10' })).toBeNull();
  });
});
