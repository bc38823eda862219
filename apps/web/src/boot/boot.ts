// The boot script: a plain script in index.html's head, run before the app's JavaScript has even
// downloaded. For a signed-in reload or a shared link it starts the reads the first screen needs
// (window.__tcEarly, adopted by main.tsx) and preloads the page's chunks (the build writes them
// into <meta name="tc-preload">), so the network works while the browser loads and evaluates
// React and antd. It must not import anything the app also imports (it would become a module).
import { chunksFor, dashboardRequests, defaultPeriodCode, isDashboard, isoDay, readSession, type PeriodLike } from './plan';

type Answer = { status: number; body: unknown };

(function boot() {
  let raw: string | null;
  try {
    raw = sessionStorage.getItem('thermocline.session');
  } catch {
    return;
  }
  const session = readSession(raw, Date.now());
  if (!session) return;

  const meta = document.querySelector('meta[name="tc-preload"]');
  try {
    const map = JSON.parse(meta?.getAttribute('content') ?? '{}') as Record<string, string[]>;
    for (const href of chunksFor(location.pathname, map)) {
      const link = document.createElement('link');
      link.rel = 'modulepreload';
      link.href = href;
      document.head.appendChild(link);
    }
  } catch {
    // no map (development server): the app loads its chunks itself
  }

  const early: Record<string, Promise<Answer>> = {};
  window.__tcEarly = early;
  const get = (path: string): Promise<Answer> =>
    fetch(path, { headers: { Authorization: `Bearer ${session.token}` } }).then(async (r) => ({ status: r.status, body: (await r.json().catch(() => null)) as unknown }));

  const periods = (early.periods = get('/api/periods'));
  if (isDashboard(location.pathname, session.user.role)) {
    const params = new URLSearchParams(location.search);
    const start = (period: string) => {
      for (const r of dashboardRequests(period, params.get('tab'))) early[r.key] = get(r.path);
    };
    const linked = params.get('period');
    if (linked) start(linked);
    else
      // the period the picker will choose; registered once the list is in (main.tsx waits for it)
      early['period:default'] = periods.then((a) => {
        const code = a.status === 200 && Array.isArray(a.body) ? defaultPeriodCode(a.body as PeriodLike[], isoDay(new Date())) : null;
        if (code) start(code);
        return { status: 200, body: code };
      });
    if ((params.get('tab') ?? 'compare') === 'compare') early.metrics = get('/api/metrics');
  }
})();
