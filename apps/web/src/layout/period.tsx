// The reporting period everyone is looking at: kept in the URL (?period=2026-H1) so a view can be
// shared and survives a reload; defaults to the latest started period that has reports.
import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react';
import { useSearchParams } from 'react-router-dom';
import { api, ok } from '../api/client';
import type { components } from '../api/schema';
import { useApi, type ApiState } from '../hooks/use-api';
import { useSession } from '../session/SessionContext';

export type Period = components['schemas']['PeriodDto'];

interface PeriodCtx {
  periods: ApiState<Period[]>;
  period: Period | null;
  setPeriod(code: string): void;
}

const Ctx = createContext<PeriodCtx | null>(null);

/**
 * The period to show first: the latest one started by `today` that has reports (a freshly created
 * empty period must not greet the leader with blank charts), else the latest started, else the earliest.
 */
export function defaultPeriod(periods: readonly Period[], today: string): Period | null {
  if (!periods.length) return null;
  const sorted = [...periods].sort((a, b) => a.startsOn.localeCompare(b.startsOn));
  const started = sorted.filter((p) => p.startsOn <= today);
  const reported = started.filter((p) => p.hasReports);
  return reported.length ? reported[reported.length - 1] : started.length ? started[started.length - 1] : sorted[0];
}

export function todayIso(d = new Date()): string {
  const z = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${z(d.getMonth() + 1)}-${z(d.getDate())}`;
}

export function PeriodProvider({ children }: { children: ReactNode }) {
  const { user } = useSession();
  const periods = useApi(user ? () => ok(api.GET('/api/periods')) : null, [user?.username], 'periods');
  const [params, setParams] = useSearchParams();
  const wanted = params.get('period');
  const period = useMemo(() => {
    const list = periods.data ?? [];
    return list.find((p) => p.code === wanted) ?? defaultPeriod(list, todayIso());
  }, [periods.data, wanted]);
  const setPeriod = useCallback(
    (code: string) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          next.set('period', code);
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  const value = useMemo(() => ({ periods, period, setPeriod }), [periods, period, setPeriod]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function usePeriod(): PeriodCtx {
  const v = useContext(Ctx);
  if (!v) throw new Error('usePeriod outside PeriodProvider');
  return v;
}

/** A period as people read it (2026年上半年): its name, else the code; works outside the provider too. */
export function periodNameOf(periods: readonly Pick<Period, 'code' | 'name'>[] | undefined, code: string | undefined): string {
  if (!code) return '';
  return periods?.find((p) => p.code === code)?.name || code;
}

export function usePeriodName(code: string | undefined): string {
  const v = useContext(Ctx);
  return periodNameOf(v?.periods.data, code);
}
