// React.lazy that does not suspend once its module is loaded. React.lazy suspends on the first
// render of each lazy component even when the import has already finished (a start-up prefetch),
// and React 19 then holds the revealed content back by up to 300 ms (its fallback throttle): on
// the dashboard that was twice on the way to the first chart. Here a component whose module is
// loaded renders directly; one that is not yet loaded suspends as usual. Each mounted instance
// keeps the component it started with, so nothing remounts when the module arrives later.
import { createElement, lazy, useEffect, useState, type ComponentType } from 'react';

export interface Preloadable<P> {
  (props: P): ReturnType<typeof createElement>;
  /** Starts loading the module (once); resolves when it can render without suspending. */
  preload(): Promise<void>;
  /** The module has been loaded. */
  readonly loaded: boolean;
  /** The component once its module is loaded. */
  readonly component: ComponentType<P> | null;
}

export function lazyComponent<P extends object>(load: () => Promise<{ default: ComponentType<P> }>): Preloadable<P> {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<{ default: ComponentType<P> }> | null = null;
  const start = () =>
    (pending ??= load().then(
      (m) => {
        loaded = m.default;
        return m;
      },
      (e: unknown) => {
        pending = null; // a failed chunk load may be retried on the next render
        throw e;
      },
    ));
  const Lazy = lazy(start);
  function Component(props: P) {
    const [type] = useState<ComponentType<P>>(() => loaded ?? (Lazy as unknown as ComponentType<P>));
    return createElement(type, props);
  }
  Object.defineProperty(Component, 'loaded', { get: () => loaded !== null });
  Object.defineProperty(Component, 'component', { get: () => loaded });
  return Object.assign(Component, { preload: () => start().then(() => undefined) }) as unknown as Preloadable<P>;
}

/**
 * The component of a lazily loaded module without suspending: null until its module is in (the
 * caller shows its own placeholder), then the component, through an ordinary state update. Used
 * where a Suspense boundary would add React's reveal throttle to something already on screen.
 */
export function useLoadedComponent<P extends object>(c: Preloadable<P>): ComponentType<P> | null {
  const [type, setType] = useState<ComponentType<P> | null>(() => c.component);
  useEffect(() => {
    if (type) return;
    let live = true;
    c.preload().then(
      () => live && setType(() => c.component),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [c, type]);
  return type;
}
