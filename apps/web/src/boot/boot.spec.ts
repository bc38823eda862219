import { comparisonKey } from '../hooks/queries';
import { defaultPeriod } from '../layout/period';
import { chunksFor, dashboardRequests, defaultPeriodCode, isDashboard, readSession } from './plan';

const P = (code: string, startsOn: string, hasReports = false) => ({ code, name: code, startsOn, endsOn: startsOn, dueOn: startsOn, overdue: false, closedAt: null, hasReports }) as Parameters<typeof defaultPeriod>[0][number];

it('picks the same default period as the period picker', () => {
  const lists = [
    [],
    [P('2026-H1', '2026-01-01'), P('2025-H2', '2025-07-01'), P('2026-H2', '2026-07-01')],
    [P('2026-H1', '2026-01-01', true), P('2025-H2', '2025-07-01', true), P('2026-H2', '2026-07-01')],
    [P('2099-H1', '2099-01-01'), P('2098-H2', '2098-07-01')],
  ];
  for (const list of lists)
    for (const today of ['2025-08-01', '2026-06-30', '2026-07-01', '2030-01-01']) expect(defaultPeriodCode(list, today)).toBe(defaultPeriod(list, today)?.code ?? null);
});

it('uses the prefetch keys of the screens’ hooks', () => {
  const reqs = dashboardRequests('2025-H2', null);
  expect(reqs.map((r) => r.key)).toEqual(['gap:2025-H2', comparisonKey('2025-H2', 'temperature', 'none')]);
  expect(reqs[1].path).toBe('/api/dashboard/comparison?period=2025-H2&metric=temperature&normalize=none');
  expect(dashboardRequests('2025-H2', 'heatmap').map((r) => r.key)).toEqual(['gap:2025-H2']);
});

it('reads only a valid, unexpired session', () => {
  const s = { token: 't', expiresAt: 2000, ttlMs: 1000, user: { role: 'leader' } };
  expect(readSession(JSON.stringify(s), 1000)).toMatchObject({ token: 't' });
  expect(readSession(JSON.stringify(s), 2000)).toBeNull();
  expect(readSession('{bad', 1000)).toBeNull();
  expect(readSession(null, 1000)).toBeNull();
  expect(readSession(JSON.stringify({ token: 1, expiresAt: 5000, user: {} }), 1000)).toBeNull();
});

it('preloads the chunks of the longest matching route', () => {
  const map = { '/reports/': ['/r.js'], '/dashboard': ['/d.js', '/e.js'] };
  expect(chunksFor('/dashboard', map)).toEqual(['/d.js', '/e.js']);
  expect(chunksFor('/reports/12', map)).toEqual(['/r.js']);
  expect(chunksFor('/reports', map)).toEqual([]);
  expect(isDashboard('/dashboard', 'leader')).toBe(true);
  expect(isDashboard('/dashboard', 'secretary')).toBe(false);
});
