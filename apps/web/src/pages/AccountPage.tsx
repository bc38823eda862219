import { Alert, App, Button, Card, Form, Input, Skeleton, Space, Switch, Typography } from 'antd';
import { useNotificationPreferences } from '../hooks/queries';
import { api, ApiError, ok } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { sessionStore } from '../session/session';

export default function AccountPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ currentPassword: string; newPassword: string; confirm: string }>();
  const submit = async () => {
    const v = await form.validateFields();
    try {
      const r = await ok(api.PUT('/api/auth/password', { body: { currentPassword: v.currentPassword, newPassword: v.newPassword } }));
      sessionStore.renew(r);
      form.resetFields();
      void message.success(t('密码已修改', 'Password changed'));
    } catch (e) {
      void message.error(e instanceof ApiError ? e.message : String(e));
    }
  };
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%', maxWidth: 480 }}>
    <Preferences />
    <Card size="small" title={t('修改密码', 'Change password')}>
      <Form form={form} layout="vertical">
        <Form.Item name="currentPassword" label={t('当前密码', 'Current password')} rules={[{ required: true }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item name="newPassword" label={t('新密码', 'New password')} rules={[{ required: true }]} extra={t('至少 10 位，含大写字母、小写字母、数字、符号中的至少三类', 'At least 10 characters of three kinds')}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('再次输入新密码', 'Repeat the new password')}
          dependencies={['newPassword']}
          rules={[{ required: true }, ({ getFieldValue }) => ({ validator: (_, v) => (v === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('两次输入不一致', 'The two entries differ')))) })]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" onClick={() => void submit()}>
          {t('保存', 'Save')}
        </Button>
      </Form>
    </Card>
    </Space>
  );
}

/** E-mail reminders on or off (the in-app notification centre is always on). */
function Preferences() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const prefs = useNotificationPreferences();
  const setEmail = async (email: boolean) => {
    try {
      await ok(api.PUT('/api/notifications/preferences', { body: { email } }));
      prefs.reload();
    } catch (e) {
      void message.error(e instanceof ApiError ? e.message : String(e));
    }
  };
  return (
    <Card size="small" title={t('提醒方式', 'Reminders')}>
      {prefs.loading ? (
        <Skeleton active paragraph={{ rows: 1 }} />
      ) : prefs.error ? (
        <Alert type="error" showIcon title={prefs.error.message} />
      ) : prefs.data ? (
        <Space orientation="vertical">
          <Space>
            <Switch checked={prefs.data.email.enabled} onChange={(v) => void setEmail(v)} />
            {t('接收邮件提醒', 'E-mail me reminders')}
            <Typography.Text type="secondary">{prefs.data.email.address ?? t('（未登记邮箱，请联系管理员）', '(no address on file: ask an administrator)')}</Typography.Text>
          </Space>
          {prefs.data.email.enabled && !prefs.data.email.active && (
            <Typography.Text type="warning">{t('邮件暂不会发出：服务器未配置邮件或没有邮箱地址。', 'No e-mail will be sent: the server has no mail set up, or there is no address.')}</Typography.Text>
          )}
          {prefs.data.quietHours && <Typography.Text type="secondary">{t(`免打扰时段：${prefs.data.quietHours}`, `Quiet hours: ${prefs.data.quietHours}`)}</Typography.Text>}
        </Space>
      ) : null}
    </Card>
  );
}
