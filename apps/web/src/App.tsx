// The app: locale (zh-CN first), session, and lazily loaded route chunks. Only the login page and
// the signed-in shell are in the first chunk; every screen (and ECharts with it) loads on demand.
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { Suspense, useEffect, useState, type ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { api } from './api/client';
import { loadEChart } from './charts/ChartCard';
import { PageSkeleton } from './components/PageSkeleton';
import { I18nProvider, useI18n } from './i18n/i18n';
import { AppLayout } from './layout/AppLayout';
import { homePath } from './layout/nav';
import { lazyComponent } from './lazy';
import { SessionProvider, useSession } from './session/SessionContext';
import { sessionStore } from './session/session';
import { THEME } from './theme';
import type { Role } from './layout/nav';

// The sign-in page is a chunk of its own too: a signed-in reload never loads its form.
const LoginPage = lazyComponent<object>(() => import('./pages/login/LoginPage').then((m) => ({ default: m.LoginPage })));
const FirstPasswordPage = lazyComponent<object>(() => import('./pages/login/FirstPasswordPage').then((m) => ({ default: m.FirstPasswordPage })));
const DashboardPage = lazyComponent(() => import('./pages/dashboard/DashboardPage'));
const UnitPage = lazyComponent(() => import('./pages/unit/UnitPage'));
const ReportPage = lazyComponent(() => import('./pages/unit/ReportPage'));
const ReportsPage = lazyComponent(() => import('./pages/reports/ReportsPage'));
const IntakePage = lazyComponent(() => import('./pages/intake/IntakePage'));
const MyUnitPage = lazyComponent(() => import('./pages/secretary/MyUnitPage'));
const NotificationsPage = lazyComponent(() => import('./pages/notifications/NotificationsPage'));
const AccountPage = lazyComponent(() => import('./pages/account/AccountPage'));
const UnitsAdminPage = lazyComponent(() => import('./pages/admin/units/UnitsAdminPage'));
const UsersAdminPage = lazyComponent(() => import('./pages/admin/users/UsersAdminPage'));
const PeriodsAdminPage = lazyComponent(() => import('./pages/admin/periods/PeriodsAdminPage'));
const MetricsAdminPage = lazyComponent(() => import('./pages/admin/metrics/MetricsAdminPage'));
const QueuesPage = lazyComponent(() => import('./pages/admin/queues/QueuesPage'));
const WallPage = lazyComponent(() => import('./pages/wall/WallPage'));
const AuditPage = lazyComponent(() => import('./pages/admin/audit/AuditPage'));
const NotificationsAdminPage = lazyComponent(() => import('./pages/admin/notifications/NotificationsAdminPage'));
const SetupPage = lazyComponent(() => import('./pages/setup/SetupPage'));
const AssessmentPage = lazyComponent(() => import('./pages/assessment/AssessmentPage'));
const AssessmentRulesPage = lazyComponent(() => import('./pages/admin/assessment/AssessmentRulesPage'));


/** The page a path opens (for preloading its chunk before the first render). */
const PAGES: [RegExp, { preload(): Promise<unknown> }][] = [
  [/^\/login/, LoginPage],
  [/^\/change-password/, FirstPasswordPage],
  [/^\/setup/, SetupPage],
  // the dashboard with its first tab and ECharts (the boot script has fetched them in parallel)
  [/^\/dashboard/, { preload: () => import('./pages/dashboard/DashboardPage').then((m) => Promise.all([DashboardPage.preload(), m.ComparisonPanel.preload(), loadEChart()])) }],
  [/^\/reports\/[^/]+/, ReportPage],
  [/^\/reports\/?$/, ReportsPage],
  [/^\/units\//, UnitPage],
  [/^\/my-unit/, MyUnitPage],
  [/^\/notifications/, NotificationsPage],
  [/^\/account/, AccountPage],
  [/^\/admin\/units/, UnitsAdminPage],
  [/^\/admin\/users/, UsersAdminPage],
  [/^\/admin\/periods/, PeriodsAdminPage],
  [/^\/admin\/metrics/, MetricsAdminPage],
  [/^\/admin\/queues/, QueuesPage],
  [/^\/admin\/audit/, AuditPage],
  [/^\/admin\/notifications/, NotificationsAdminPage],
  [/^\/assessment/, AssessmentPage],
  [/^\/admin\/assessment/, AssessmentRulesPage],
];

/** Starts loading the chunk of the page at `pathname` (resolves when it is ready, or at once if none). */
export function preloadPage(pathname: string): Promise<void> {
  return PAGES.find(([re]) => re.test(pathname))?.[1].preload().then(() => undefined) ?? Promise.resolve();
}

function Guard({ roles, children }: { roles?: Role[]; children: ReactNode }) {
  const { user } = useSession();
  const location = useLocation();
  if (!user) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  if (roles && !roles.includes(user.role)) return <Navigate to={homePath(user.role)} replace />;
  return <Suspense fallback={<PageSkeleton />}>{children}</Suspense>;
}

/** Sends the user to the login page the moment the session ends (expiry, 401, sign-out). */
function SessionWatcher() {
  const navigate = useNavigate();
  const location = useLocation();
  useEffect(
    () =>
      sessionStore.subscribe((s) => {
        if (!s && location.pathname !== '/login') void navigate('/login', { replace: true, state: { from: location.pathname + location.search } });
      }),
    [navigate, location],
  );
  return null;
}

/**
 * First run: while nobody has set the instance up, a signed-out visitor anywhere is sent to the
 * setup wizard (the api answers 503 to everything else until then).
 */
function SetupCheck() {
  const navigate = useNavigate();
  const { user } = useSession();
  const [checked, setChecked] = useState(false);
  const { pathname } = useLocation();
  useEffect(() => {
    if (checked || user || pathname === '/setup') return;
    setChecked(true);
    void api
      .GET('/api/setup')
      .then(({ data }) => {
        if (data?.needed) void navigate('/setup', { replace: true });
      })
      .catch(() => undefined);
  }, [checked, user, pathname, navigate]);
  return null;
}

function Home() {
  const { user } = useSession();
  return <Navigate to={user ? homePath(user.role) : '/login'} replace />;
}

function Localized({ children }: { children: ReactNode }) {
  const { lang } = useI18n();
  useEffect(() => {
    dayjs.locale(lang === 'zh' ? 'zh-cn' : 'en');
  }, [lang]);
  return (
    <ConfigProvider locale={lang === 'zh' ? zhCN : enUS} theme={THEME}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

export function AppRoutes() {
  return (
    <>
      <SessionWatcher />
      <SetupCheck />
      <Routes>
        <Route path="/login" element={<Suspense fallback={null}><LoginPage /></Suspense>} />
        <Route path="/change-password" element={<Suspense fallback={null}><FirstPasswordPage /></Suspense>} />
        <Route path="/setup" element={<Suspense fallback={null}><SetupPage /></Suspense>} />
        {/* 大屏: full screen, outside the app's frame */}
        <Route path="/wall" element={<Guard roles={['leader', 'admin']}><WallPage /></Guard>} />
        {/* a wall link an administrator issued: no login, the token in the fragment */}
        <Route path="/wall/link" element={<Suspense fallback={null}><WallPage /></Suspense>} />
        <Route element={<AppLayout />}>
          <Route index element={<Home />} />
          <Route path="dashboard" element={<Guard roles={['leader', 'admin']}><DashboardPage /></Guard>} />
          <Route path="reports" element={<Guard roles={['leader', 'admin']}><ReportsPage /></Guard>} />
          <Route path="intake" element={<Guard roles={['leader', 'admin']}><IntakePage /></Guard>} />
          <Route path="assessment" element={<Guard roles={['leader', 'admin']}><AssessmentPage /></Guard>} />
          <Route path="admin/assessment" element={<Guard roles={['admin']}><AssessmentRulesPage /></Guard>} />
          <Route path="units/:code" element={<Guard><UnitPage /></Guard>} />
          <Route path="reports/:id" element={<Guard><ReportPage /></Guard>} />
          <Route path="my-unit" element={<Guard roles={['secretary', 'admin', 'leader']}><MyUnitPage /></Guard>} />
          <Route path="notifications" element={<Guard><NotificationsPage /></Guard>} />
          <Route path="account" element={<Guard><AccountPage /></Guard>} />
          <Route path="admin/units" element={<Guard roles={['admin']}><UnitsAdminPage /></Guard>} />
          <Route path="admin/users" element={<Guard roles={['admin']}><UsersAdminPage /></Guard>} />
          <Route path="admin/periods" element={<Guard roles={['admin']}><PeriodsAdminPage /></Guard>} />
          <Route path="admin/metrics" element={<Guard roles={['admin']}><MetricsAdminPage /></Guard>} />
          <Route path="admin/queues" element={<Guard roles={['admin']}><QueuesPage /></Guard>} />
          <Route path="admin/audit" element={<Guard roles={['admin']}><AuditPage /></Guard>} />
          <Route path="admin/notifications" element={<Guard roles={['admin']}><NotificationsAdminPage /></Guard>} />
          <Route path="*" element={<Home />} />
        </Route>
      </Routes>
    </>
  );
}

export function App() {
  return (
    <I18nProvider>
      <Localized>
        <SessionProvider>
          <BrowserRouter>
            <AppRoutes />
          </BrowserRouter>
        </SessionProvider>
      </Localized>
    </I18nProvider>
  );
}
