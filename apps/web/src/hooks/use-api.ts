// A small data hook: runs a loader when its inputs change, keeps the last answer, and tells
// loading / error / not found apart so each screen can show a skeleton, the api's error or a
// "not found or outside your scope" state. One hook per endpoint lives in hooks/queries.ts.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ApiError } from '../api/client';

export interface ApiState<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  /** The api answered 404: the record does not exist or is outside the caller's scope. */
  unavailable: boolean;
  reload(): void;
}

// A read that was started before the screen asked for it (prefetch at start-up: the period list,
// the gap of a dashboard link, its first comparison) is handed over once instead of being
// requested again. One that has already answered is used for the screen's first render, so the
// screen renders with its data at once rather than rendering a skeleton and then again.
type Settled = { ok: true; value: unknown } | { ok: false; error: ApiError };
interface Early {
  at: number;
  promise: Promise<unknown>;
  settled?: Settled;
}
const early = new Map<string, Early>();
const EARLY_MS = 15_000;

const asApiError = (e: unknown) => (e instanceof ApiError ? e : new ApiError(0, e instanceof Error ? e.message : String(e)));

export function prefetch<T>(key: string, load: () => Promise<T>): Promise<unknown> {
  const entry: Early = { at: Date.now(), promise: load() };
  entry.promise.then(
    (value) => (entry.settled = { ok: true, value }),
    (e: unknown) => (entry.settled = { ok: false, error: asApiError(e) }),
  );
  early.set(key, entry);
  // Resolves (never rejects) once the answer is in.
  return entry.promise.then(
    () => undefined,
    () => undefined,
  );
}

function fresh(key: string | undefined): Early | undefined {
  if (!key) return undefined;
  const e = early.get(key);
  if (e && Date.now() - e.at < EARLY_MS) return e;
  early.delete(key);
  return undefined;
}

function takeEarly<T>(key: string | undefined): Promise<T> | null {
  const e = fresh(key);
  if (key) early.delete(key);
  return e ? (e.promise as Promise<T>) : null;
}

export function useApi<T>(load: (() => Promise<T>) | null, deps: readonly unknown[], prefetchKey?: string): ApiState<T> {
  // An answer already in from a prefetch is the first state (no loading render).
  const [settled] = useState(() => (load ? fresh(prefetchKey)?.settled : undefined));
  const [data, setData] = useState<T | undefined>(settled?.ok ? (settled.value as T) : undefined);
  const [error, setError] = useState<ApiError | undefined>(settled && !settled.ok ? settled.error : undefined);
  const [loading, setLoading] = useState(load !== null && !settled);
  const [tick, setTick] = useState(0);
  const loader = useRef(load);
  loader.current = load;
  const enabled = load !== null;
  const usedSettled = useRef(!!settled);

  useEffect(() => {
    const run = loader.current;
    if (usedSettled.current) {
      // the first state came from the prefetch: hand it over, nothing to load
      usedSettled.current = false;
      void takeEarly(prefetchKey);
      return;
    }
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
        setError(asApiError(e));
        setData(undefined);
        setLoading(false);
      },
    );
    return () => {
      live = false;
    };
    // The caller's deps say when to load again (the loader itself is read from a ref, and
    // prefetchKey is made from the same inputs): the rule cannot see through a spread.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick, enabled]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  // One object per answer, so a memoised child given the state re-renders only when it changes.
  return useMemo(() => ({ data, error, loading, unavailable: error?.status === 404, reload }), [data, error, loading, reload]);
}
