import { quietUntil } from './quiet';

const SH = 'Asia/Shanghai';
const night = { startMinute: 22 * 60, endMinute: 7 * 60 };

describe('quiet-hour deferral (TZ_REPORTS wall clock)', () => {
  it('holds a delivery made at 23:00 until 07:00 the next morning', () => {
    // 2026-07-10 23:00 in Shanghai = 15:00 UTC.
    expect(quietUntil(new Date('2026-07-10T15:00:00Z'), night, SH)?.toISOString()).toBe('2026-07-10T23:00:00.000Z');
  });

  it('holds one made after midnight until 07:00 the same day', () => {
    // 2026-07-11 03:30 in Shanghai.
    expect(quietUntil(new Date('2026-07-10T19:30:00Z'), night, SH)?.toISOString()).toBe('2026-07-10T23:00:00.000Z');
  });

  it('lets daytime deliveries through, with the end and start minutes exact', () => {
    expect(quietUntil(new Date('2026-07-11T01:00:00Z'), night, SH)).toBeNull(); // 09:00
    expect(quietUntil(new Date('2026-07-10T23:00:00Z'), night, SH)).toBeNull(); // 07:00 sharp: awake
    expect(quietUntil(new Date('2026-07-10T22:59:59Z'), night, SH)).not.toBeNull(); // 06:59:59
    expect(quietUntil(new Date('2026-07-10T14:00:00Z'), night, SH)?.toISOString()).toBe('2026-07-10T23:00:00.000Z'); // 22:00 sharp
  });

  it('handles a same-day window and none at all', () => {
    const lunch = { startMinute: 12 * 60, endMinute: 14 * 60 };
    expect(quietUntil(new Date('2026-07-10T05:00:00Z'), lunch, SH)?.toISOString()).toBe('2026-07-10T06:00:00.000Z');
    expect(quietUntil(new Date('2026-07-10T06:00:00Z'), lunch, SH)).toBeNull();
    expect(quietUntil(new Date('2026-07-10T15:00:00Z'), null, SH)).toBeNull();
  });

  it('follows daylight saving in zones that have it', () => {
    // New York, night of the spring-forward change (2026-03-08): 23:00 EST → 07:00 EDT.
    expect(quietUntil(new Date('2026-03-08T04:00:00Z'), night, 'America/New_York')?.toISOString()).toBe('2026-03-08T11:00:00.000Z');
  });
});
