// A small data hook: runs a loader when its inputs change, keeps the last answer, and tells
// loading / error / unavailable apart so each screen can show a skeleton, an actionable error or
// a clear "not available yet" state. One hook per endpoint lives in hooks/queries.ts.
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/client';

export interface ApiState<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  /** The endpoint answered 404: not built yet, or the record is out of the caller's scope. */
  unavailable: boolean;
  reload(): void;
}

// A read that was started before the screen asked for it (prefetch at start-up: the period list,
// the gap of a dashboard link) is handed over once instead of being requested again.
const early = new Map<string, { at: number; promise: Promise<unknown> }>();
const EARLY_MS = 15_000;

export function prefetch<T>(key: string, load: () => Promise<T>): void {
  const p = load();
  p.catch(() => undefined);
  early.set(key, { at: Date.now(), promise: p });
}

function takeEarly<T>(key: string | undefined): Promise<T> | null {
  if (!key) return null;
  const e = early.get(key);
  early.delete(key);
  return e && Date.now() - e.at < EARLY_MS ? (e.promise as Promise<T>) : null;
}

export function useApi<T>(load: (() => Promise<T>) | null, deps: readonly unknown[], prefetchKey?: string): ApiState<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [loading, setLoading] = useState(load !== null);
  const [tick, setTick] = useState(0);
  const loader = useRef(load);
  loader.current = load;

  useEffect(() => {
    const run = loader.current;
    if (!run) {
      setLoading(false);
      return;
    }
    let live = true;
    setLoading(true);
    (takeEarly<T>(prefetchKey) ?? run()).then(
      (d) => {
        if (!live) return;
        setData(d);
        setError(undefined);
        setLoading(false);
      },
      (e: unknown) => {
        if (!live) return;
        setError(e instanceof ApiError ? e : new ApiError(0, e instanceof Error ? e.message : String(e)));
        setData(undefined);
        setLoading(false);
      },
    );
    return () => {
      live = false;
    };
  }, [...deps, tick, load === null]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data, error, loading, unavailable: error?.status === 404, reload };
}
