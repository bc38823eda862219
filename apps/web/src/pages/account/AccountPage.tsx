import { App, Button, Card, Form, Input, Space } from 'antd';
import { api, ApiError, ok } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { PreferencesCard } from './components/PreferencesCard';
import { sessionStore } from '../../session/session';

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
    <Space orientation="vertical" size="middle" style={{ width: '100%', maxWidth: 640 }}>
    <PreferencesCard />
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
