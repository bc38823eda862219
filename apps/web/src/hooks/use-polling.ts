// Follows something until it is done: loads now, then again every `intervalMs` (slowing down to
// `maxIntervalMs`) while `done(value)` is false. Used to follow an uploaded report from queued to
// extracted or failed, and a re-extraction run to its end. Errors are kept and polling goes on (a
// blip in the network must not stop the live status), except 401/404 which stop it.
import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/client';

export interface Polled<T> {
  value: T | undefined;
  error: ApiError | undefined;
  polling: boolean;
}

export function usePolling<T>(
  load: (() => Promise<T>) | null,
  done: (v: T) => boolean,
  deps: readonly unknown[],
  intervalMs = 1000,
  maxIntervalMs = 4000,
): Polled<T> {
  const [value, setValue] = useState<T | undefined>(undefined);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [polling, setPolling] = useState(load !== null);
  const fns = useRef({ load, done });
  fns.current = { load, done };

  useEffect(() => {
    if (!fns.current.load) {
      setPolling(false);
      return;
    }
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let wait = intervalMs;
    setValue(undefined);
    setError(undefined);
    setPolling(true);
    const tick = async () => {
      const { load: l, done: d } = fns.current;
      if (!l) return;
      try {
        const v = await l();
        if (!live) return;
        setValue(v);
        setError(undefined);
        if (d(v)) {
          setPolling(false);
          return;
        }
      } catch (e) {
        if (!live) return;
        const err = e instanceof ApiError ? e : new ApiError(0, String(e));
        setError(err);
        if (err.status === 401 || err.status === 404) {
          setPolling(false);
          return;
        }
      }
      timer = setTimeout(() => void tick(), wait);
      wait = Math.min(maxIntervalMs, Math.round(wait * 1.5));
    };
    void tick();
    return () => {
      live = false;
      if (timer) clearTimeout(timer);
    };
    // The caller's deps restart the polling (load and done are read from a ref).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, intervalMs, maxIntervalMs]);

  return { value, error, polling };
}
