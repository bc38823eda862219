// Calendar logic of reporting periods. Dates are calendar days in TZ_REPORTS; a report is due by
// the END of its due day there (a branch in Shanghai uploading at 23:30 on the due day is on time).

/** The instant a period's due day ends in the given time zone. */
export function dueInstant(dueOn: string, timeZone: string): Date {
  const [y, m, d] = dueOn.split('-').map(Number);
  // Midnight after the due day, as wall-clock time in `timeZone`, converted to UTC.
  const guess = Date.UTC(y, m - 1, d + 1, 0, 0, 0);
  const offset = zoneOffsetMs(new Date(guess), timeZone);
  const first = guess - offset;
  // Re-check the offset at the computed instant (DST edges), then settle.
  return new Date(guess - zoneOffsetMs(new Date(first), timeZone));
}

/** Offset of `timeZone` from UTC at `at`, in ms (Asia/Shanghai → +8h). */
export function zoneOffsetMs(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(at);
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}

export function isLate(submittedAt: Date, dueOn: string, timeZone: string): boolean {
  return submittedAt.getTime() >= dueInstant(dueOn, timeZone).getTime();
}

/** Order and sanity of a period's dates; a Chinese message when wrong. */
export function periodDatesProblem(p: { startsOn: string; endsOn: string; dueOn: string }): string | null {
  if (p.startsOn > p.endsOn) return '开始日期不能晚于结束日期';
  if (p.dueOn < p.startsOn) return '截止日期不能早于开始日期';
  return null;
}
