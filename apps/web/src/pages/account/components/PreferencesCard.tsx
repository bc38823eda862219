import { Alert, App, Button, Card, Descriptions, Form, Popconfirm, Skeleton, Space, Switch, Typography } from 'antd';
import { useState } from 'react';
import { api, ApiError, ok } from '../../../api/client';
import type { NotificationPreferences, WebhookSettings } from '../../../api/types';
import { useNotificationPreferences } from '../../../hooks/queries';
import { useI18n } from '../../../i18n/i18n';
import { CHANNEL_LABELS } from '../../../components/notifications/labels';
import { WebhookFields } from '../../../components/notifications/WebhookFields';
import { webhookPatch, type WebhookFormValues } from '../../../components/notifications/webhook';

/**
 * The caller's channels: the in-app centre (always on), e-mail on or off, and a personal robot or
 * webhook whose secret is write-only (the hint is shown; a new one is sent only when typed).
 */
export function PreferencesCard() {
  const { lang, t } = useI18n();
  const { message } = App.useApp();
  const prefs = useNotificationPreferences();
  const [editing, setEditing] = useState(false);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<WebhookFormValues>();
  const p = prefs.data;

  const save = async (body: Parameters<typeof putPrefs>[0], done?: string): Promise<boolean> => {
    setSaving(true);
    try {
      await putPrefs(body);
      if (done) void message.success(done);
      prefs.reload();
      return true;
    } catch (e) {
      void message.error(e instanceof ApiError ? e.message : String(e));
      return false;
    } finally {
      setSaving(false);
    }
  };
  const startEdit = (w: WebhookSettings | null) => {
    form.resetFields();
    form.setFieldsValue({ type: w?.type ?? 'wecom', url: '', secret: '', clearSecret: false, enabled: w?.enabled ?? true });
    setEditing(true);
  };
  const submit = async () => {
    // An invalid field shows its message beside it; nothing is sent.
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    if (await save({ webhook: webhookPatch(p?.webhook ?? null, v) }, t('已保存', 'Saved'))) setEditing(false);
  };

  return (
    <Card size="small" title={t('提醒方式', 'Reminders')} data-testid="preferences">
      {prefs.loading ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : prefs.error ? (
        <Alert type="error" showIcon title={prefs.error.message} />
      ) : p ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text>{t('站内通知：始终开启（左侧“我的通知”）', 'In-app notifications: always on (My notifications)')}</Typography.Text>
          <EmailLine p={p} busy={saving} onChange={(email) => void save({ email })} />
          {p.quietHours && <Typography.Text type="secondary">{t(`免打扰时段：${p.quietHours}（期间的邮件和机器人消息顺延到时段结束后发送）`, `Quiet hours: ${p.quietHours} (e-mail and robot messages wait until they end)`)}</Typography.Text>}
          <Typography.Title level={5} style={{ margin: '8px 0 0' }}>
            {t('个人机器人 / Webhook', 'Personal robot / webhook')}
          </Typography.Title>
          {editing ? (
            <Form form={form} layout="vertical" data-testid="webhook-form">
              <WebhookFields stored={p.webhook ? { url: p.webhook.url, secretSet: p.webhook.secretSet, secretHint: p.webhook.secretHint } : null} />
              <Space>
                <Button type="primary" loading={saving} onClick={() => void submit()}>
                  {t('保存', 'Save')}
                </Button>
                <Button onClick={() => setEditing(false)}>{t('取消', 'Cancel')}</Button>
              </Space>
            </Form>
          ) : p.webhook ? (
            <>
              <Descriptions size="small" column={1} bordered data-testid="webhook-summary">
                <Descriptions.Item label={t('类型', 'Kind')}>{CHANNEL_LABELS[p.webhook.type]?.[lang] ?? p.webhook.type}</Descriptions.Item>
                <Descriptions.Item label={t('地址', 'Address')}>
                  <Typography.Text code style={{ wordBreak: 'break-all' }}>
                    {p.webhook.url}
                  </Typography.Text>
                </Descriptions.Item>
                <Descriptions.Item label={t('签名密钥', 'Signing secret')}>{p.webhook.secretSet ? t(`已设置（${p.webhook.secretHint ?? '****'}）`, `Set (${p.webhook.secretHint ?? '****'})`) : t('未设置', 'None')}</Descriptions.Item>
                <Descriptions.Item label={t('启用', 'On')}>
                  <Switch size="small" checked={p.webhook.enabled} loading={saving} onChange={(enabled) => p.webhook && void save({ webhook: { type: p.webhook.type, enabled } })} />
                </Descriptions.Item>
              </Descriptions>
              <Space>
                <Button size="small" onClick={() => startEdit(p.webhook)}>
                  {t('修改', 'Change')}
                </Button>
                <Popconfirm title={t('移除个人机器人？', 'Remove the personal robot?')} onConfirm={() => void save({ webhook: null }, t('已移除', 'Removed'))}>
                  <Button size="small" danger>
                    {t('移除', 'Remove')}
                  </Button>
                </Popconfirm>
              </Space>
            </>
          ) : (
            <Space>
              <Typography.Text type="secondary">{t('未设置。可把提醒推送到自己的企业微信、钉钉、飞书机器人或任意 Webhook。', 'None. Reminders can go to your own WeCom, DingTalk or Feishu robot, or any webhook.')}</Typography.Text>
              <Button size="small" onClick={() => startEdit(null)}>
                {t('添加', 'Add')}
              </Button>
            </Space>
          )}
        </Space>
      ) : null}
    </Card>
  );
}

const putPrefs = (body: { email?: boolean; webhook?: ReturnType<typeof webhookPatch> | null }) => ok(api.PUT('/api/notifications/preferences', { body }));

function EmailLine({ p, busy, onChange }: { p: NotificationPreferences; busy: boolean; onChange(v: boolean): void }) {
  const { t } = useI18n();
  return (
    <Space orientation="vertical" size={2}>
      <Space wrap>
        <Switch checked={p.email.enabled} loading={busy} onChange={onChange} aria-label={t('接收邮件提醒', 'E-mail me reminders')} />
        {t('接收邮件提醒', 'E-mail me reminders')}
        <Typography.Text type="secondary">{p.email.address ?? t('（未登记邮箱，请联系管理员）', '(no address on file: ask an administrator)')}</Typography.Text>
      </Space>
      {p.email.enabled && !p.email.active && (
        <Typography.Text type="warning">{t('邮件暂不会发出：服务器未配置邮件或没有邮箱地址。', 'No e-mail will be sent: the server has no mail set up, or there is no address.')}</Typography.Text>
      )}
    </Space>
  );
}
