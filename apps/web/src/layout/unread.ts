// The unread-notification count in the menu: asked for at sign-in, every minute, and whenever the
// notifications page marks something read.
import { useEffect, useState } from 'react';
import { api, ok } from '../api/client';

const listeners = new Set<() => void>();

export function notifyUnreadChanged(): void {
  for (const l of listeners) l();
}

export function useUnreadCount(enabled: boolean): number {
  const [count, setCount] = useState(0);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    const load = (): void => {
      ok(api.GET('/api/notifications', { params: { query: { limit: 1, unread: 'true' } } })).then(
        (r) => live && setCount(r.unread),
        () => undefined,
      );
    };
    load();
    const timer = setInterval(load, 60_000);
    listeners.add(load);
    return () => {
      live = false;
      clearInterval(timer);
      listeners.delete(load);
    };
  }, [enabled]);
  return count;
}
