// Shown instead of every screen while the api says the signed-in user must replace the password an
// admin gave them (created, or reset): the api answers nothing else until they do.
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useNavigate } from 'react-router-dom';
import { api, ApiError, ok } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { homePath } from '../../layout/nav';
import { useSession } from '../../session/SessionContext';
import { sessionStore } from '../../session/session';

interface FirstPasswordForm {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export function FirstPasswordPage() {
  const { user, signOut } = useSession();
  const { t } = useI18n();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (!user) return <Navigate to="/login" replace />;
  if (!user.mustChangePassword) return <Navigate to={homePath(user.role)} replace />;

  const submit = async (v: FirstPasswordForm) => {
    setBusy(true);
    setError(null);
    try {
      const r = await ok(api.PUT('/api/auth/password', { body: { currentPassword: v.currentPassword, newPassword: v.newPassword } }));
      sessionStore.renew(r);
      void navigate(homePath(r.user.role), { replace: true });
    } catch (e) {
      setError(e instanceof ApiError ? e.message : t('修改失败，请重试', 'Could not change the password, please retry'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="tc-login">
      <Card className="tc-login-card" title={t('请先设置您自己的密码', 'Set your own password first')}>
        <Typography.Paragraph type="secondary" data-testid="first-password-why">
          {t(
            '您的密码由管理员设置。为保证只有您本人能登录，请先改为只有您知道的新密码，然后才能继续使用。',
            'An administrator set your password. Replace it with one only you know before you continue.',
          )}
        </Typography.Paragraph>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
        <Form<FirstPasswordForm> layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false} disabled={busy}>
          <Form.Item name="currentPassword" label={t('管理员给您的密码', 'Password the administrator gave you')} rules={[{ required: true, message: t('请输入当前密码', 'Enter the current password') }]}>
            <Input.Password autoComplete="current-password" autoFocus />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label={t('新密码', 'New password')}
            rules={[{ required: true, message: t('请输入新密码', 'Enter a new password') }]}
            extra={t('至少 10 位，含大写字母、小写字母、数字、符号中的至少三类；不要用常见密码、姓名或年份', 'At least 10 characters of three kinds; no common password, name or year')}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="confirm"
            label={t('再次输入新密码', 'Repeat the new password')}
            dependencies={['newPassword']}
            rules={[
              { required: true, message: t('请再次输入新密码', 'Repeat the new password') },
              ({ getFieldValue }) => ({ validator: (_, v) => (v === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('两次输入不一致', 'The two entries differ')))) }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t('保存并继续', 'Save and continue')}
          </Button>
          <Button type="link" block onClick={signOut} style={{ marginTop: 8 }}>
            {t('退出登录', 'Sign out')}
          </Button>
        </Form>
      </Card>
    </main>
  );
}
