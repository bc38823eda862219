import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { homePath } from '../../layout/nav';
import { endReasonText, useSession } from '../../session/SessionContext';
import { sessionStore } from '../../session/session';

interface LoginForm {
  username: string;
  password: string;
}

export function LoginPage() {
  const { user, signIn } = useSession();
  const { lang, setLang, t } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from;
  const [notice] = useState(() => endReasonText(sessionStore.takeEndReason(), t));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (user?.mustChangePassword) return <Navigate to="/change-password" replace />;
  if (user) return <Navigate to={from && from !== '/login' ? from : homePath(user.role)} replace />;

  const submit = async (v: LoginForm) => {
    setBusy(true);
    setError(null);
    try {
      const u = await signIn(v.username.trim(), v.password);
      if (u.mustChangePassword) void navigate('/change-password', { replace: true });
      else void navigate(from && from !== '/login' ? from : homePath(u.role), { replace: true });
    } catch (e) {
      setError(e instanceof ApiError ? e.message : t('登录失败，请重试', 'Sign-in failed, please retry'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="tc-login">
      <Card className="tc-login-card">
        <div className="tc-brand" style={{ justifyContent: 'space-between', marginBottom: 4 }}>
          <span style={{ display: 'flex', alignItems: 'center', gap: 10 }}>
            <img src="/favicon.svg" alt="" />
            {t('温跃层', 'Thermocline')}
          </span>
          <Button size="small" type="text" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>
            {lang === 'zh' ? 'English' : '中文'}
          </Button>
        </div>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 20 }}>
          {t('意识形态工作责任制落实情况 · 上热下冷分析', 'Where ideology work goes cold down the organisation')}
        </Typography.Paragraph>
        {notice && <Alert type="warning" showIcon title={notice} style={{ marginBottom: 16 }} data-testid="login-notice" />}
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
        <Form<LoginForm> layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false} disabled={busy}>
          <Form.Item name="username" label={t('用户名', 'Username')} rules={[{ required: true, message: t('请输入用户名', 'Enter your username') }]}>
            <Input autoComplete="username" autoFocus size="large" />
          </Form.Item>
          <Form.Item name="password" label={t('密码', 'Password')} rules={[{ required: true, message: t('请输入密码', 'Enter your password') }]}>
            <Input.Password autoComplete="current-password" size="large" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={busy}>
            {t('登录', 'Sign in')}
          </Button>
        </Form>
      </Card>
    </main>
  );
}
