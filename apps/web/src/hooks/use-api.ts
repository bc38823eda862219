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

export function useApi<T>(load: (() => Promise<T>) | null, deps: readonly unknown[]): ApiState<T> {
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
    run().then(
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
