// Due dates are calendar days in the reporting time zone (TZ_REPORTS, Asia/Shanghai by default):
// a report is on time when it arrives before 00:00 of the following day there. The api (the
// `late` field of a report) and the analytics use this one function so they never disagree.

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Offset of `timeZone` from UTC at instant `t`, in ms (Asia/Shanghai: +8 h). */
function offsetAt(t: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(t))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const wall = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  return wall - Math.floor(t / 1000) * 1000;
}

/**
 * The first late instant for a due date: 00:00 of the day after `dueOn` (YYYY-MM-DD) in `timeZone`.
 * Throws on a malformed date or an unknown time zone (configuration errors, caught at boot).
 */
export function deadlineFor(dueOn: string, timeZone = 'Asia/Shanghai'): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dueOn);
  if (!m) throw new Error(`截止日期格式应为 YYYY-MM-DD，收到「${dueOn}」`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const day = new Date(Date.UTC(y, mo - 1, d));
  if (day.getUTCFullYear() !== y || day.getUTCMonth() !== mo - 1 || day.getUTCDate() !== d) {
    throw new Error(`截止日期「${dueOn}」不是有效日期`);
  }
  const wallMidnight = Date.UTC(y, mo - 1, d + 1); // next day's 00:00 as if the zone were UTC
  let t = wallMidnight - offsetAt(wallMidnight, timeZone);
  t = wallMidnight - offsetAt(t, timeZone); // second pass settles a DST change between the guesses
  return new Date(t);
}

/** Whole days late (a started day counts): 0 when submitted before the deadline. */
export function daysLate(submittedAt: Date, deadline: Date): number {
  const late = submittedAt.getTime() - deadline.getTime();
  return late < 0 ? 0 : Math.floor(late / DAY_MS) + 1;
}
