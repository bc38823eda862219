import { Checkbox, Form, Input, Select } from 'antd';
import type { Rule } from 'antd/es/form';
import type { WebhookType } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { CHANNEL_LABELS, WEBHOOK_TYPES } from './labels';
import { checkSecret, checkWebhookUrl } from './webhook';

interface Stored {
  /** The masked URL on file (blank keeps it). */
  url: string;
  secretSet: boolean;
  secretHint: string | null;
}

/**
 * Robot kind, URL and signing secret inside an antd Form (fields type, url, secret, clearSecret).
 * With something `stored`, a blank URL or secret keeps it; the secret itself is never shown.
 */
export function WebhookFields({ stored }: { stored: Stored | null }) {
  const { lang, t } = useI18n();
  const typeOf = (get: (n: string) => unknown) => (get('type') as WebhookType | undefined) ?? 'generic';
  const urlRules: Rule[] = [
    { required: !stored, whitespace: true, message: t('请填写机器人或 Webhook 地址', 'Enter the robot or webhook address') },
    ({ getFieldValue }) => ({
      validator: (_, v: string | undefined) => {
        if (!v?.trim()) return Promise.resolve();
        const c = checkWebhookUrl(typeOf(getFieldValue), v, t);
        return c.error ? Promise.reject(new Error(c.error)) : Promise.resolve();
      },
    }),
    ({ getFieldValue }) => ({
      warningOnly: true,
      validator: (_, v: string | undefined) => {
        if (!v?.trim()) return Promise.resolve();
        const c = checkWebhookUrl(typeOf(getFieldValue), v, t);
        return c.warning ? Promise.reject(new Error(c.warning)) : Promise.resolve();
      },
    }),
  ];
  const secretRules: Rule[] = [
    ({ getFieldValue }) => ({
      validator: (_, v: string | undefined) => {
        const c = checkSecret(typeOf(getFieldValue), v, t);
        return c.error ? Promise.reject(new Error(c.error)) : Promise.resolve();
      },
    }),
  ];
  return (
    <>
      <Form.Item name="type" label={t('类型', 'Kind')} rules={[{ required: true }]}>
        <Select options={WEBHOOK_TYPES.map((k) => ({ value: k, label: k === 'generic' ? t('通用 Webhook（HMAC 签名）', 'Generic webhook (HMAC-signed)') : `${CHANNEL_LABELS[k][lang]}${t('群机器人', ' robot')}` }))} />
      </Form.Item>
      <Form.Item
        name="url"
        label={t('地址', 'Address')}
        dependencies={['type']}
        rules={urlRules}
        extra={stored ? t(`已保存：${stored.url}（留空不变）`, `On file: ${stored.url} (blank keeps it)`) : undefined}
      >
        <Input placeholder={stored ? t('留空不变', 'blank keeps it') : 'https://'} autoComplete="off" data-testid="webhook-url" />
      </Form.Item>
      <Form.Item noStyle dependencies={['type', 'clearSecret']}>
        {({ getFieldValue }) =>
          getFieldValue('type') === 'wecom' ? null : (
            <>
              <Form.Item
                name="secret"
                label={t('签名密钥', 'Signing secret')}
                dependencies={['type']}
                rules={secretRules}
                extra={
                  stored?.secretSet
                    ? t(`已设置（${stored.secretHint ?? '****'}），留空不变`, `Set (${stored.secretHint ?? '****'}); blank keeps it`)
                    : getFieldValue('type') === 'dingtalk'
                      ? t('钉钉机器人“加签”时填写（SEC 开头）', 'For a DingTalk robot with signing (starts with SEC)')
                      : t('可选', 'Optional')
                }
              >
                <Input.Password autoComplete="new-password" disabled={!!getFieldValue('clearSecret')} placeholder={stored?.secretSet ? t('输入新密钥以更换', 'type a new one to replace it') : ''} data-testid="webhook-secret" />
              </Form.Item>
              {stored?.secretSet && (
                <Form.Item name="clearSecret" valuePropName="checked" style={{ marginTop: -12 }}>
                  <Checkbox data-testid="webhook-clear-secret">{t('清除已保存的密钥', 'Remove the stored secret')}</Checkbox>
                </Form.Item>
              )}
            </>
          )
        }
      </Form.Item>
    </>
  );
}
