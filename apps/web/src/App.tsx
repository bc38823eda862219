// The app: locale (zh-CN first), session, and lazily loaded route chunks. Only the login page and
// the signed-in shell are in the first chunk; every screen (and ECharts with it) loads on demand.
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { PageSkeleton } from './components/PageSkeleton';
import { I18nProvider, useI18n } from './i18n/i18n';
import { AppLayout } from './layout/AppLayout';
import { homePath } from './layout/nav';
import { LoginPage } from './pages/LoginPage';
import { SessionProvider, useSession } from './session/SessionContext';
import { sessionStore } from './session/session';
import type { Role } from './layout/nav';

const DashboardPage = lazy(() => import('./pages/dashboard/DashboardPage'));
const UnitPage = lazy(() => import('./pages/unit/UnitPage'));
const ReportPage = lazy(() => import('./pages/unit/ReportPage'));
const ReportsPage = lazy(() => import('./pages/ReportsPage'));
const MyUnitPage = lazy(() => import('./pages/secretary/MyUnitPage'));
const NotificationsPage = lazy(() => import('./pages/NotificationsPage'));
const AccountPage = lazy(() => import('./pages/AccountPage'));
const UnitsAdminPage = lazy(() => import('./pages/admin/UnitsAdminPage'));
const UsersAdminPage = lazy(() => import('./pages/admin/UsersAdminPage'));
const PeriodsAdminPage = lazy(() => import('./pages/admin/PeriodsAdminPage'));
const MetricsAdminPage = lazy(() => import('./pages/admin/MetricsAdminPage'));
const QueuesPage = lazy(() => import('./pages/admin/QueuesPage'));
const AuditPage = lazy(() => import('./pages/admin/AuditPage'));
const NotificationsAdminPage = lazy(() => import('./pages/admin/notifications/NotificationsAdminPage'));

const THEME = { token: { colorPrimary: '#b71c1c', borderRadius: 6 } };

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
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route element={<AppLayout />}>
          <Route index element={<Home />} />
          <Route path="dashboard" element={<Guard roles={['leader', 'admin']}><DashboardPage /></Guard>} />
          <Route path="reports" element={<Guard roles={['leader', 'admin']}><ReportsPage /></Guard>} />
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
