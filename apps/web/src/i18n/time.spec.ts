import { dayStart, formatDay, formatTime, reportingTimeZone, resetTimeZone } from './time';

afterEach(() => {
  document.head.innerHTML = '';
  resetTimeZone();
});

describe('times in Chinese form in the reporting zone', () => {
  it('writes 2026-12-04 12:42 in Asia/Shanghai by default, whatever the browser zone', () => {
    expect(reportingTimeZone()).toBe('Asia/Shanghai');
    expect(formatTime('2026-12-04T04:42:01Z')).toBe('2026-12-04 12:42');
    expect(formatTime('2026-12-04T04:42:01Z', { seconds: true })).toBe('2026-12-04 12:42:01');
    expect(formatTime('2026-12-04T16:05:00Z')).toBe('2026-12-05 00:05');
    expect(formatDay('2026-12-04T16:05:00Z')).toBe('2026-12-05');
  });

  it('takes the zone the api wrote into the page', () => {
    document.head.innerHTML = '<meta name="tc-time-zone" content="Europe/London">';
    expect(formatTime('2026-07-01T12:00:00Z')).toBe('2026-07-01 13:00');
  });

  it('ignores a zone it does not know and shows a dash for no time', () => {
    document.head.innerHTML = '<meta name="tc-time-zone" content="Mars/Olympus">';
    expect(reportingTimeZone()).toBe('Asia/Shanghai');
    expect(formatTime(null)).toBe('—');
    expect(formatTime('not a time')).toBe('—');
  });

  it('finds the instant a reporting-zone day starts', () => {
    expect(dayStart('2026-12-04', 'Asia/Shanghai').toISOString()).toBe('2026-12-03T16:00:00.000Z');
    expect(dayStart('2026-03-29', 'Europe/London').toISOString()).toBe('2026-03-29T00:00:00.000Z');
    expect(dayStart('2026-07-01', 'Europe/London').toISOString()).toBe('2026-06-30T23:00:00.000Z');
  });
});
