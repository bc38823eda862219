// A list the api pages by id, newest first ({items, nextBefore}: pass nextBefore as ?before= for
// the next page, null at the end): the notification centre and the delivery log. Pages append;
// a change of filter starts again from the newest; an item changed here (marked read) is updated
// in place, so the pages already loaded stay.
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/client';

export interface Page<T> {
  items: T[];
  nextBefore: number | null;
}

/** The loaded items followed by a page's new ones (an item already loaded is not repeated). */
export function appendPage<T extends { id: number }>(have: readonly T[], page: readonly T[]): T[] {
  const seen = new Set(have.map((x) => x.id));
  return [...have, ...page.filter((x) => !seen.has(x.id))];
}

export interface PagedState<T, P> {
  items: T[];
  /** The latest answer: its totals (unread, failedCount) are the api's, for all pages. */
  last: P | undefined;
  /** The first page is loading. */
  loading: boolean;
  loadingMore: boolean;
  error: ApiError | undefined;
  hasMore: boolean;
  loadMore(): void;
  /** Starts again from the newest page. */
  reload(): void;
  /** Changes what is loaded without asking the api again (e.g. after marking read). */
  update(change: (s: { items: T[]; last: P }) => { items: T[]; last: P }): void;
}

const asApiError = (e: unknown) => (e instanceof ApiError ? e : new ApiError(0, e instanceof Error ? e.message : String(e)));

export function usePaged<T extends { id: number }, P extends Page<T>>(load: (before: number | undefined) => Promise<P>, deps: readonly unknown[]): PagedState<T, P> {
  const [items, setItems] = useState<T[]>([]);
  const [last, setLast] = useState<P | undefined>(undefined);
  const [next, setNext] = useState<number | null>(null);
  const [loading, setLoading] = useState(true);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [tick, setTick] = useState(0);
  const loader = useRef(load);
  loader.current = load;
  // Answers from before a filter change (or a reload) are dropped.
  const generation = useRef(0);

  useEffect(() => {
    const gen = ++generation.current;
    setLoading(true);
    setError(undefined);
    loader
      .current(undefined)
      .then(
        (p) => {
          if (gen !== generation.current) return;
          setItems(p.items);
          setLast(p);
          setNext(p.nextBefore);
        },
        (e: unknown) => {
          if (gen !== generation.current) return;
          setError(asApiError(e));
          setItems([]);
          setLast(undefined);
          setNext(null);
        },
      )
      .finally(() => gen === generation.current && setLoading(false));
    // The caller's deps (the filters) start again from the newest page; the loader is read from a ref.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick]);

  const loadMore = useCallback(() => {
    if (next === null || loadingMore) return;
    const gen = generation.current;
    setLoadingMore(true);
    loader
      .current(next)
      .then(
        (p) => {
          if (gen !== generation.current) return;
          setItems((have) => appendPage(have, p.items));
          setLast(p);
          setNext(p.nextBefore);
          setError(undefined);
        },
        (e: unknown) => gen === generation.current && setError(asApiError(e)),
      )
      .finally(() => setLoadingMore(false));
  }, [next, loadingMore]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  const update = useCallback(
    (change: (s: { items: T[]; last: P }) => { items: T[]; last: P }) => {
      if (!last) return;
      const r = change({ items, last });
      setItems(r.items);
      setLast(r.last);
    },
    [items, last],
  );

  return { items, last, loading, loadingMore, error, hasMore: next !== null, loadMore, reload, update };
}
