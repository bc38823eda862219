import { daysLate, deadlineFor } from './deadline';

describe('deadlineFor', () => {
  it('ends the due day at midnight Beijing time by default', () => {
    // 2026-07-11 00:00 +08:00 = 2026-07-10 16:00 UTC
    expect(deadlineFor('2026-07-10').toISOString()).toBe('2026-07-10T16:00:00.000Z');
  });

  it('follows the configured time zone, across a daylight-saving change', () => {
    expect(deadlineFor('2026-07-10', 'UTC').toISOString()).toBe('2026-07-11T00:00:00.000Z');
    // Berlin switches to summer time on 2026-03-29: the 28th ends at +01:00, the 29th at +02:00.
    expect(deadlineFor('2026-03-28', 'Europe/Berlin').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(deadlineFor('2026-03-29', 'Europe/Berlin').toISOString()).toBe('2026-03-29T22:00:00.000Z');
  });

  it('rolls over month and year ends', () => {
    expect(deadlineFor('2026-12-31').toISOString()).toBe('2026-12-31T16:00:00.000Z');
    expect(deadlineFor('2028-02-29').toISOString()).toBe('2028-02-29T16:00:00.000Z');
  });

  it('rejects malformed and impossible dates in Chinese', () => {
    expect(() => deadlineFor('2026/07/10')).toThrow('截止日期格式应为 YYYY-MM-DD');
    expect(() => deadlineFor('2026-02-30')).toThrow('不是有效日期');
  });
});

describe('daysLate', () => {
  const deadline = deadlineFor('2026-07-10');
  const at = (ms: number): Date => new Date(deadline.getTime() + ms);
  it('counts started days after the deadline', () => {
    expect(daysLate(at(-1), deadline)).toBe(0); // 23:59:59.999 on the due day
    expect(daysLate(at(0), deadline)).toBe(1);
    expect(daysLate(at(86_400_000 - 1), deadline)).toBe(1);
    expect(daysLate(at(86_400_000), deadline)).toBe(2);
  });
});
