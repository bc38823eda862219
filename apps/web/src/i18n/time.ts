// Every time on every screen: Chinese form (2026-12-04 12:42) in the reporting time zone
// (TZ_REPORTS), whatever the browser's own locale and zone. The api writes the zone into the page
// it serves (<meta name="tc-time-zone">, apps/api/src/web/static.ts); without it (vite dev) the
// default zone applies.

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

let zone: string | null = null;

export function reportingTimeZone(): string {
  if (zone) return zone;
  const meta = typeof document === 'undefined' ? null : document.querySelector('meta[name="tc-time-zone"]')?.getAttribute('content');
  zone = meta && validZone(meta) ? meta : DEFAULT_TIME_ZONE;
  return zone;
}

function validZone(z: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: z });
    return true;
  } catch {
    return false;
  }
}

const cache = new Map<string, Intl.DateTimeFormat>();
function parts(at: Date, timeZone: string): Record<string, string> {
  let f = cache.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
    cache.set(timeZone, f);
  }
  const p: Record<string, string> = {};
  for (const x of f.formatToParts(at)) if (x.type !== 'literal') p[x.type] = x.value;
  return p;
}

function toDate(v: string | number | Date | null | undefined): Date | null {
  if (v === null || v === undefined || v === '') return null;
  const d = v instanceof Date ? v : new Date(v);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** 2026-12-04 12:42 (with `seconds`, 12:42:05); '—' for no time. */
export function formatTime(v: string | number | Date | null | undefined, opts: { seconds?: boolean; timeZone?: string } = {}): string {
  const d = toDate(v);
  if (!d) return '—';
  const p = parts(d, opts.timeZone ?? reportingTimeZone());
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}${opts.seconds ? `:${p.second}` : ''}`;
}

/** 2026-12-04 in the reporting zone. */
export function formatDay(v: string | number | Date | null | undefined, opts: { timeZone?: string } = {}): string {
  const d = toDate(v);
  if (!d) return '—';
  const p = parts(d, opts.timeZone ?? reportingTimeZone());
  return `${p.year}-${p.month}-${p.day}`;
}

/** The start of a reporting-zone day (YYYY-MM-DD) as an instant, for time filters sent to the api. */
export function dayStart(day: string, timeZone = reportingTimeZone()): Date {
  // Guess UTC midnight, then correct by the zone's offset at that instant (twice, across a DST change).
  let t = Date.parse(`${day}T00:00:00Z`);
  for (let i = 0; i < 2; i++) {
    const p = parts(new Date(t), timeZone);
    const local = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second);
    t += Date.parse(`${day}T00:00:00Z`) - local;
  }
  return new Date(t);
}

/** For tests: forget the zone read from the page. */
export function resetTimeZone(): void {
  zone = null;
}
