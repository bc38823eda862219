import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { fromEarly } from './api/client';
import { App, preloadPage } from './App';
import { prefetch } from './hooks/use-api';
import { sessionStore } from './session/session';
import { mark } from './perf';
// antd's component styles, extracted at build time (scripts/antd-styles.tsx), then the app's own.
import './generated/antd.css';
import './styles.css';

mark('main');

// A signed-in reload or a shared link: the boot script (boot/boot.ts, run before this code had
// even downloaded) has started the reads the first screen shows — the period list; on the
// dashboard the period's gap and its first comparison. They are handed to the screens' hooks
// (hooks/use-api.ts prefetch) under the same keys.
const session = sessionStore.get();
async function adoptBoot(): Promise<unknown> {
  const boot = window.__tcEarly;
  if (!session || !boot) return;
  // without a period in the link, the boot script starts the period's reads once the list is in
  await boot['period:default']?.catch(() => undefined);
  return Promise.all(
    Object.entries(boot)
      .filter(([key]) => key !== 'period:default')
      .map(([key, answer]) => prefetch(key, () => fromEarly(answer))),
  );
}

// The first render waits (briefly) for the page's chunk (on the dashboard with its first tab) and
// those answers, so the page renders once, complete, instead of a skeleton that suspends and then
// renders again as each answer comes in. A slow chunk or api waits no longer than READY_MS; the
// screens then show their skeletons as usual.
const READY_MS = 600;
// (signed out, every path shows the sign-in page)
const ready = Promise.all([preloadPage(session ? location.pathname : '/login').catch(() => undefined), adoptBoot()]);
void Promise.race([ready, new Promise((r) => setTimeout(r, READY_MS))]).then(() => {
  mark('render');
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
