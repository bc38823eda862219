import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { api, ok } from './api/client';
import { App } from './App';
import { loadGap } from './hooks/queries';
import { prefetch } from './hooks/use-api';
import { sessionStore } from './session/session';
import './styles.css';

// A signed-in reload or a shared dashboard link: ask for the period list (and the gap of the linked
// period) while React and the route chunks are still loading.
const session = sessionStore.get();
if (session) {
  prefetch('periods', () => ok(api.GET('/api/periods')));
  const period = new URLSearchParams(location.search).get('period');
  if (period && location.pathname.startsWith('/dashboard') && session.user.role !== 'secretary') prefetch(`gap:${period}`, () => loadGap(period));
  // The route's chunk (and, through it, ECharts) starts downloading now rather than after the first render.
  if (location.pathname.startsWith('/dashboard')) {
    void import('./pages/dashboard/DashboardPage');
    void import('./charts/EChart');
  }
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
