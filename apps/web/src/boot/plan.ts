// What the boot script (boot.ts) asks for before the app's JavaScript has loaded, kept pure so the
// app's own rules can be checked against it (boot.spec.ts): the keys are the prefetch keys of
// hooks/queries.ts, and the default period is layout/period.tsx's rule. Imported only by boot.ts,
// which must stay free of imports shared with the app (it is loaded as a plain script).

export interface BootSession {
  token: string;
  expiresAt: number;
  user: { role: string };
}

/** The session in sessionStorage (session/session.ts's key and shape), if still valid. */
export function readSession(raw: string | null, now: number): BootSession | null {
  if (!raw) return null;
  try {
    const s = JSON.parse(raw) as Partial<BootSession> | null;
    if (!s || typeof s.token !== 'string' || typeof s.expiresAt !== 'number' || now >= s.expiresAt || !s.user) return null;
    return s as BootSession;
  } catch {
    return null;
  }
}

export interface PeriodLike {
  code: string;
  startsOn: string;
  hasReports?: boolean;
}

/** The latest started period with reports, else the latest started, else the earliest (layout/period.tsx defaultPeriod). */
export function defaultPeriodCode(periods: readonly PeriodLike[], today: string): string | null {
  if (!periods.length) return null;
  const sorted = [...periods].sort((a, b) => a.startsOn.localeCompare(b.startsOn));
  const started = sorted.filter((p) => p.startsOn <= today);
  const reported = started.filter((p) => p.hasReports);
  return (reported.length ? reported[reported.length - 1] : started.length ? started[started.length - 1] : sorted[0]).code;
}

export function isoDay(d: Date): string {
  const z = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${z(d.getMonth() + 1)}-${z(d.getDate())}`;
}

export interface Request {
  key: string;
  path: string;
}

/** The reads of the dashboard for one period that do not depend on anything else. */
export function dashboardRequests(period: string, tab: string | null): Request[] {
  const q = (o: Record<string, string>) => new URLSearchParams(o).toString();
  const out: Request[] = [{ key: `gap:${period}`, path: `/api/dashboard/gap?${q({ period })}` }];
  if ((tab ?? 'compare') === 'compare') out.push({ key: `comparison:${period}:temperature:none`, path: `/api/dashboard/comparison?${q({ period, metric: 'temperature', normalize: 'none' })}` });
  return out;
}

/** Whether the dashboard is what this user opens at `pathname`. */
export function isDashboard(pathname: string, role: string): boolean {
  return pathname.startsWith('/dashboard') && role !== 'secretary';
}

/** The chunks to preload for `pathname` from the build's map (route prefix → files). */
export function chunksFor(pathname: string, map: Record<string, string[]>): string[] {
  const prefix = Object.keys(map)
    .filter((p) => pathname.startsWith(p))
    .sort((a, b) => b.length - a.length)[0];
  return prefix ? map[prefix] : [];
}
