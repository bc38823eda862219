import { App, Checkbox, Form, Input, Modal, Select, Switch } from 'antd';
import { useEffect, useState } from 'react';
import { api, ApiError, ok } from '../../../../api/client';
import type { Channel, ChannelEvent } from '../../../../api/types';
import { useI18n } from '../../../../i18n/i18n';
import { EVENT_LABELS } from '../../../../components/notifications/labels';
import { WebhookFields } from '../../../../components/notifications/WebhookFields';
import { channelCreateBody, channelUpdateBody, type ChannelFormValues } from '../../../../components/notifications/webhook';

const EVENTS = Object.keys(EVENT_LABELS) as ChannelEvent[];

interface Props {
  /** The channel to edit, 'new' to add one, null when closed. */
  editing: Channel | 'new' | null;
  units: { code: string; name: string }[];
  onClose(): void;
  onSaved(): void;
}

/** Adds or edits a unit's group chat robot. A blank URL or secret keeps the stored one. */
export function ChannelForm({ editing, units, onClose, onSaved }: Props) {
  const { lang, t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<ChannelFormValues>();
  const [saving, setSaving] = useState(false);
  const current = editing && editing !== 'new' ? editing : null;

  useEffect(() => {
    form.resetFields();
    // closed: nothing typed (a secret above all) stays in the hidden form
    if (!editing) return;
    form.setFieldsValue(
      current
        ? { unitCode: current.unitCode, name: current.name, type: current.type, url: '', secret: '', clearSecret: false, events: current.events, enabled: current.enabled }
        : { type: 'wecom', url: '', secret: '', events: ['reminder', 'escalation'], enabled: true },
    );
  }, [editing, current, form]);

  const submit = async () => {
    // An invalid field shows its message beside it; nothing is sent.
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setSaving(true);
    try {
      if (!current) await ok(api.POST('/api/notification-channels', { body: channelCreateBody(v) }));
      else {
        const body = channelUpdateBody(current, v);
        if (Object.keys(body).length) await ok(api.PATCH('/api/notification-channels/{id}', { params: { path: { id: current.id } }, body }));
      }
      void message.success(t('已保存', 'Saved'));
      onSaved();
    } catch (e) {
      void message.error(e instanceof ApiError ? e.message : String(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={editing !== null}
      title={current ? t(`编辑群聊：${current.name}`, `Edit group chat: ${current.name}`) : t('添加单位群聊机器人', 'Add a unit’s group-chat robot')}
      onOk={() => void submit()}
      okText={t('保存', 'Save')}
      confirmLoading={saving}
      onCancel={onClose}
      destroyOnHidden
      forceRender
    >
      <Form form={form} layout="vertical" data-testid="channel-form">
        <Form.Item name="unitCode" label={t('单位', 'Unit')} rules={[{ required: true, message: t('请选择单位', 'Choose the unit') }]}>
          <Select
            showSearch
            optionFilterProp="label"
            disabled={!!current}
            aria-label={t('单位', 'Unit')}
            options={units.map((u) => ({ value: u.code, label: `${u.name}（${u.code}）` }))}
          />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('群名称', 'Chat name')}
          rules={[
            { required: true, whitespace: true, message: t('请填写群名称，如“一中党总支工作群”', 'Name the chat, e.g. “School 1 branch chat”') },
            { max: 100, message: t('最多 100 个字', '100 characters at most') },
          ]}
        >
          <Input placeholder={t('如：一中党总支工作群', 'e.g. School 1 branch chat')} data-testid="channel-name" />
        </Form.Item>
        <WebhookFields stored={current ? { url: current.url, secretSet: current.secretSet, secretHint: current.secretHint } : null} />
        <Form.Item name="events" label={t('推送哪些消息', 'What it receives')} rules={[{ required: true, type: 'array', min: 1, message: t('至少选择一类消息', 'Choose at least one kind') }]}>
          <Checkbox.Group options={EVENTS.map((e) => ({ value: e, label: EVENT_LABELS[e][lang] }))} />
        </Form.Item>
        <Form.Item name="enabled" label={t('启用', 'On')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
