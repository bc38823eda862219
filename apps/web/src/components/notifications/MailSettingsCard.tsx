// The bureau's e-mail server (SMTP), set in the browser: in the setup wizard's optional step and
// under 管理 → 通知与提醒 → 邮件服务器. The password is write-only (left empty it keeps the stored
// one); SMTP_URL in the server environment wins and makes the form read-only; a test mail is sent
// at once and its outcome shown in words the administrator can act on.
import { Alert, App, Button, Card, Form, Input, InputNumber, Popconfirm, Skeleton, Space, Switch, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api, ApiError, ok } from '../../api/client';
import type { MailSettings, MailSettingsInput, MailTestResult } from '../../api/types';
import { useApi } from '../../hooks/use-api';
import { useI18n } from '../../i18n/i18n';

interface Values {
  host: string;
  port: number;
  secure: boolean;
  username: string;
  password: string;
  from: string;
}

const EMPTY: Values = { host: '', port: 465, secure: true, username: '', password: '', from: '' };

function toValues(m: MailSettings): Values {
  const s = m.source === 'env' ? m.effective : m.stored;
  return s ? { host: s.host, port: s.port, secure: s.secure, username: s.username ?? '', password: '', from: s.from } : EMPTY;
}

/** What is sent: an empty password is left out, so the stored one is kept. */
export function mailBody(v: Values): MailSettingsInput {
  const username = v.username.trim();
  return { host: v.host.trim(), port: v.port, secure: v.secure, username: username || null, ...(v.password ? { password: v.password } : {}), from: v.from.trim() };
}

export function MailSettingsCard({ defaultTo = '', title, onSaved }: { defaultTo?: string; title?: string; onSaved?(m: MailSettings): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const answer = useApi(() => ok(api.GET('/api/admin/mail')), []);
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [testing, setTesting] = useState(false);
  const [to, setTo] = useState(defaultTo);
  const [result, setResult] = useState<(MailTestResult & { to: string }) | null>(null);
  const m = answer.data;
  const readOnly = m ? !m.editable : false;
  const passwordSet = Boolean(m?.stored?.passwordSet);

  useEffect(() => {
    if (m) form.setFieldsValue(toValues(m));
  }, [m, form]);

  const save = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setSaving(true);
    try {
      const saved = await ok(api.PUT('/api/admin/mail', { body: mailBody(v) }));
      void message.success(t('邮件设置已保存', 'E-mail settings saved'));
      setResult(null);
      answer.reload();
      onSaved?.(saved);
    } catch (e) {
      void message.error(e instanceof ApiError ? e.message : String(e));
    } finally {
      setSaving(false);
    }
  };

  const remove = async () => {
    try {
      await ok(api.DELETE('/api/admin/mail'));
      void message.success(t('已删除邮件设置', 'E-mail settings removed'));
      form.setFieldsValue(EMPTY);
      setResult(null);
      answer.reload();
    } catch (e) {
      void message.error(e instanceof ApiError ? e.message : String(e));
    }
  };

  const test = async () => {
    const address = to.trim();
    if (!address) {
      void message.warning(t('请填写接收测试邮件的地址', 'Enter an address for the test mail'));
      return;
    }
    setTesting(true);
    setResult(null);
    try {
      setResult({ ...(await ok(api.POST('/api/admin/mail/test', { body: { to: address } }))), to: address });
    } catch (e) {
      setResult({ ok: false, reason: e instanceof ApiError ? e.message : String(e), to: address });
    } finally {
      setTesting(false);
    }
  };

  // 465 is TLS from the start; 587 and 25 start plain and upgrade with STARTTLS.
  const onSecure = (secure: boolean) => {
    const port = form.getFieldValue('port') as number | undefined;
    if (secure && (port === 587 || port === 25)) form.setFieldValue('port', 465);
    if (!secure && port === 465) form.setFieldValue('port', 587);
  };

  return (
    <Card size="small" title={title ?? t('邮件服务器（SMTP）', 'E-mail server (SMTP)')} data-testid="mail-settings">
      {answer.loading && !m ? (
        <Skeleton active paragraph={{ rows: 4 }} />
      ) : answer.error ? (
        <Alert type="error" showIcon title={answer.error.message} />
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {m?.source === 'env' && (
            <Alert
              type="info"
              showIcon
              data-testid="mail-env"
              title={t('正在使用服务器环境变量 SMTP_URL / MAIL_FROM 中的邮件设置', 'Using SMTP_URL / MAIL_FROM from the server environment')}
              description={t('环境变量优先于此处的设置，因此以下内容只读；如需在页面中修改，请先从 .env 中删除这两项并重启服务。', 'The environment wins over settings made here, so they are read-only; remove both from .env and restart to manage them here.')}
            />
          )}
          {m?.source === 'none' && <Typography.Text type="secondary">{t('尚未设置邮件服务器：催报提醒和通知目前只在站内和群聊机器人中发送。', 'No e-mail server yet: reminders go in-app and to group-chat robots only.')}</Typography.Text>}
          {m?.problem && <Alert type="warning" showIcon title={m.problem} />}
          <Form<Values> form={form} layout="vertical" initialValues={EMPTY} disabled={readOnly || saving} requiredMark={false} style={{ maxWidth: 560 }}>
            <Space wrap align="start">
              <Form.Item name="host" label={t('服务器地址', 'Server')} rules={[{ required: true, whitespace: true, message: t('请填写邮件服务器地址，例如 smtp.example.gov.cn', 'Enter the server, e.g. smtp.example.gov.cn') }]}>
                <Input placeholder="smtp.example.gov.cn" style={{ width: 260 }} data-testid="mail-host" />
              </Form.Item>
              <Form.Item name="port" label={t('端口', 'Port')} rules={[{ required: true, message: t('请填写端口', 'Enter the port') }]}>
                <InputNumber min={1} max={65535} precision={0} style={{ width: 110 }} data-testid="mail-port" />
              </Form.Item>
              <Form.Item name="secure" label="SSL/TLS" valuePropName="checked" extra={t('465 端口开启；587/25 关闭', 'On for 465; off for 587/25')}>
                <Switch onChange={onSecure} />
              </Form.Item>
            </Space>
            <Space wrap align="start">
              <Form.Item name="username" label={t('用户名（不需要登录时留空）', 'Username (empty: no login)')}>
                <Input autoComplete="off" style={{ width: 260 }} data-testid="mail-username" />
              </Form.Item>
              <Form.Item name="password" label={t('密码或授权码', 'Password or app code')} extra={passwordSet ? t('已设置；留空则不修改', 'Set; leave empty to keep it') : undefined}>
                <Input.Password autoComplete="new-password" placeholder={passwordSet ? '••••••••' : ''} style={{ width: 260 }} data-testid="mail-password" />
              </Form.Item>
            </Space>
            <Form.Item
              name="from"
              label={t('发件人', 'From')}
              extra={t('例如：某局意识形态工作 <noreply@example.gov.cn>；多数邮件服务器要求与登录账号一致', 'e.g. 某局意识形态工作 <noreply@example.gov.cn>; most servers require the login’s address')}
              rules={[{ required: true, whitespace: true, message: t('请填写发件人地址', 'Enter the sender address') }]}
            >
              <Input placeholder="某局意识形态工作 <noreply@example.gov.cn>" data-testid="mail-from" />
            </Form.Item>
            {!readOnly && (
              <Space>
                <Button type="primary" loading={saving} onClick={() => void save()} data-testid="mail-save">{t('保存', 'Save')}</Button>
                {m?.stored && (
                  <Popconfirm title={t('删除后将不再发送邮件，确定吗？', 'No e-mail will be sent afterwards. Remove?')} onConfirm={() => void remove()}>
                    <Button danger>{t('删除设置', 'Remove')}</Button>
                  </Popconfirm>
                )}
              </Space>
            )}
          </Form>
          <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>{t('发一封测试邮件，确认设置无误：', 'Send a test mail to check the settings:')}</Typography.Text>
          <Space.Compact style={{ maxWidth: 560, width: '100%' }}>
            <Input value={to} onChange={(e) => setTo(e.target.value)} placeholder={t('接收测试邮件的地址', 'Address for the test mail')} data-testid="mail-test-to" disabled={m?.source === 'none'} />
            <Button onClick={() => void test()} loading={testing} disabled={m?.source === 'none'} data-testid="mail-test">{t('发送测试邮件', 'Send test mail')}</Button>
          </Space.Compact>
          {m?.source === 'none' && <Typography.Text type="secondary">{t('保存设置后即可发送测试邮件。', 'Save the settings first to send a test mail.')}</Typography.Text>}
          {result && (
            <Alert
              data-testid="mail-test-result"
              role={result.ok ? 'status' : 'alert'}
              type={result.ok ? 'success' : 'error'}
              showIcon
              title={result.ok ? t(`测试邮件已发出，请到 ${result.to} 查收（也请看看垃圾邮件箱）`, `Test mail sent: check ${result.to} (and the spam folder)`) : t('测试邮件发送失败', 'The test mail failed')}
              description={result.ok ? undefined : result.reason}
            />
          )}
        </Space>
      )}
    </Card>
  );
}
