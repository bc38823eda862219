import { dueInstant, isLate, periodDatesProblem, zoneOffsetMs } from './period-dates';

describe('period dates', () => {
  it('ends the due day at midnight in the reporting time zone', () => {
    // 2026-07-10 ends at 2026-07-11 00:00 in Shanghai = 2026-07-10 16:00 UTC.
    expect(dueInstant('2026-07-10', 'Asia/Shanghai').toISOString()).toBe('2026-07-10T16:00:00.000Z');
    expect(dueInstant('2026-07-10', 'UTC').toISOString()).toBe('2026-07-11T00:00:00.000Z');
  });

  it('handles a zone with daylight saving time', () => {
    // New York is UTC-4 in July.
    expect(dueInstant('2026-07-10', 'America/New_York').toISOString()).toBe('2026-07-11T04:00:00.000Z');
    expect(zoneOffsetMs(new Date('2026-01-15T12:00:00Z'), 'America/New_York')).toBe(-5 * 3600_000);
  });

  it('counts an upload late from the first instant after the due day', () => {
    expect(isLate(new Date('2026-07-10T15:59:59.999Z'), '2026-07-10', 'Asia/Shanghai')).toBe(false);
    expect(isLate(new Date('2026-07-10T16:00:00.000Z'), '2026-07-10', 'Asia/Shanghai')).toBe(true);
  });

  it('checks the order of the dates', () => {
    expect(periodDatesProblem({ startsOn: '2026-07-01', endsOn: '2026-06-30', dueOn: '2026-07-10' })).toMatch(/开始日期/);
    expect(periodDatesProblem({ startsOn: '2026-01-01', endsOn: '2026-06-30', dueOn: '2025-12-01' })).toMatch(/截止日期/);
    expect(periodDatesProblem({ startsOn: '2026-01-01', endsOn: '2026-06-30', dueOn: '2026-07-10' })).toBeNull();
  });
});
