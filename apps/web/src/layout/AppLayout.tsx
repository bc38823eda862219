// The signed-in shell: role-based menu, the user's unit and scope always in view, the period
// picker, language switch and the account menu. Collapses to a drawer-like sider on phones.
import { Badge, Button, Dropdown, Layout, Menu, Select, Space, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useI18n } from '../i18n/i18n';
import { mark } from '../perf';
import { useSession } from '../session/SessionContext';
import { navFor, ROLE_LABEL } from './nav';
import { PeriodProvider, usePeriod } from './period';
import { useUnreadCount } from './unread';

const { Header, Sider, Content } = Layout;

function PeriodPicker() {
  const { t } = useI18n();
  const { periods, period, setPeriod } = usePeriod();
  if (periods.error) return <Typography.Text type="danger">{periods.error.message}</Typography.Text>;
  const list = periods.data ?? [];
  if (!periods.loading && !list.length) return <Typography.Text type="secondary">{t('尚无报告周期', 'No periods yet')}</Typography.Text>;
  return (
    <Select
      aria-label={t('报告周期', 'Period')}
      data-testid="period-picker"
      size="middle"
      style={{ minWidth: 150 }}
      loading={periods.loading}
      value={period?.code}
      onChange={setPeriod}
      options={[...list]
        .sort((a, b) => b.startsOn.localeCompare(a.startsOn))
        .map((p) => ({ value: p.code, label: `${p.name || p.code}${p.overdue ? '' : t('（进行中）', ' (open)')}` }))}
    />
  );
}

function Shell() {
  const { user, signOut } = useSession();
  const { lang, setLang, t } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const [collapsed, setCollapsed] = useState(false);
  const items = useMemo(() => (user ? navFor(user.role) : []), [user]);
  const unread = useUnreadCount(!!user && !user.mustChangePassword);
  useEffect(() => mark('shell-commit'), []);
  if (!user) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  // The api answers nothing but the password change until an admin-set password is replaced.
  if (user.mustChangePassword) return <Navigate to="/change-password" replace />;

  const selected = items.find((i) => location.pathname.startsWith(i.path))?.path ?? '';
  const scope =
    user.role === 'secretary'
      ? t('范围：本单位', 'Scope: own unit')
      : t(`范围：${user.unitName}及下属单位`, `Scope: ${user.unitName} and its sub-units`);
  const go = (path: string) => {
    const period = new URLSearchParams(location.search).get('period');
    void navigate(period ? `${path}?period=${encodeURIComponent(period)}` : path);
    if (window.innerWidth < 768) setCollapsed(true);
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider
        breakpoint="md"
        collapsedWidth={0}
        collapsed={collapsed}
        onCollapse={setCollapsed}
        width={200}
        theme="light"
        style={{ borderRight: '1px solid #f0f0f0' }}
        zeroWidthTriggerStyle={{ top: 12 }}
      >
        <div className="tc-brand" style={{ padding: '14px 16px' }}>
          <img src="/favicon.svg" alt="" />
          <span>{t('温跃层', 'Thermocline')}</span>
        </div>
        <Menu
          mode="inline"
          selectedKeys={[selected]}
          items={items.map((i) => ({
            key: i.path,
            label:
              i.path === '/notifications' && unread > 0 ? (
                <Space size={6}>
                  {lang === 'zh' ? i.zh : i.en}
                  <Badge count={unread} size="small" />
                </Space>
              ) : lang === 'zh' ? (
                i.zh
              ) : (
                i.en
              ),
          }))}
          onClick={({ key }) => go(key)}
          style={{ borderInlineEnd: 0 }}
        />
      </Sider>
      <Layout>
        <Header className="tc-header">
          <div className="tc-header-scope" data-testid="user-scope">
            <Tag color="red">{lang === 'zh' ? ROLE_LABEL[user.role].zh : ROLE_LABEL[user.role].en}</Tag>
            <Typography.Text strong>{user.unitName}</Typography.Text>
            <span className="tc-hide-xs">{scope}</span>
          </div>
          <Space wrap size="small">
            <PeriodPicker />
            <Tooltip title={lang === 'zh' ? 'Switch to English' : '切换到中文'}>
              <Button size="small" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')} aria-label="language">
                {lang === 'zh' ? 'EN' : '中'}
              </Button>
            </Tooltip>
            <Dropdown
              trigger={['click']}
              menu={{
                items: [
                  { key: 'account', label: t('账号与提醒设置', 'Account & reminders') },
                  { key: 'logout', label: t('退出登录', 'Sign out'), danger: true },
                ],
                onClick: ({ key }) => (key === 'logout' ? signOut() : go('/account')),
              }}
            >
              <Button type="text" data-testid="user-menu">
                {user.displayName}
              </Button>
            </Dropdown>
          </Space>
        </Header>
        <Content className="tc-content">
          <Outlet />
        </Content>
      </Layout>
    </Layout>
  );
}

export function AppLayout() {
  return (
    <PeriodProvider>
      <Shell />
    </PeriodProvider>
  );
}
