import { Alert, App, Button, Popconfirm, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, ApiError, ok } from '../../../../api/client';
import type { Channel } from '../../../../api/types';
import { useChannels, useUnits } from '../../../../hooks/queries';
import { useI18n } from '../../../../i18n/i18n';
import { ChannelForm } from './ChannelForm';
import { DeliveryStateLine } from '../../../../components/notifications/DeliveryState';
import { CHANNEL_LABELS, EVENT_LABELS } from '../../../../components/notifications/labels';

/** The units' group-chat robots: add, edit, switch off, test, remove; each with its last delivery. */
export default function ChannelsPanel({ onShowFailed }: { onShowFailed(): void }) {
  const { lang, t } = useI18n();
  const { message } = App.useApp();
  const channels = useChannels();
  const units = useUnits();
  const [editing, setEditing] = useState<Channel | 'new' | null>(null);
  const [busy, setBusy] = useState<number | null>(null);

  const act = async (id: number, work: () => Promise<unknown>, done?: string) => {
    setBusy(id);
    try {
      await work();
      if (done) void message.success(done);
      channels.reload();
    } catch (e) {
      void message.error(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  };
  const test = (c: Channel) =>
    act(c.id, async () => {
      const r = await ok(api.POST('/api/notification-channels/{id}/test', { params: { path: { id: c.id } } }));
      void message.success(t(`测试消息已排队（投递 #${r.deliveryId}），结果见“发送记录”`, `Test message queued (delivery #${r.deliveryId}); see the delivery log`));
    });

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Text type="secondary">
          {t('提醒和预警除了发给个人，也可以推送到各单位的企业微信、钉钉、飞书工作群。', 'Besides each person, reminders and flags can go to units’ WeCom, DingTalk or Feishu group chats.')}
        </Typography.Text>
        <Button type="primary" size="small" onClick={() => setEditing('new')} data-testid="channel-add">
          {t('添加群聊', 'Add group chat')}
        </Button>
      </Space>
      {channels.error && <Alert type="error" showIcon title={channels.error.message} />}
      <Table<Channel>
        size="small"
        rowKey="id"
        loading={channels.loading}
        dataSource={channels.data ?? []}
        pagination={false}
        scroll={{ x: true }}
        data-testid="channels"
        locale={{ emptyText: t('还没有群聊机器人', 'No group chats yet') }}
        columns={[
          { title: t('单位', 'Unit'), dataIndex: 'unitName' },
          { title: t('群名称', 'Chat'), dataIndex: 'name' },
          { title: t('类型', 'Kind'), dataIndex: 'type', render: (v: Channel['type']) => CHANNEL_LABELS[v]?.[lang] ?? v },
          {
            title: t('地址 · 密钥', 'Address · secret'),
            key: 'url',
            render: (_: unknown, c) => (
              <Space orientation="vertical" size={0}>
                <Typography.Text code style={{ fontSize: 12, wordBreak: 'break-all' }}>
                  {c.url}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {c.secretSet ? t(`密钥 ${c.secretHint ?? '已设置'}`, `secret ${c.secretHint ?? 'set'}`) : t('无密钥', 'no secret')}
                </Typography.Text>
              </Space>
            ),
          },
          { title: t('消息', 'Receives'), dataIndex: 'events', render: (ev: Channel['events']) => ev.map((e) => <Tag key={e}>{EVENT_LABELS[e]?.[lang] ?? e}</Tag>) },
          {
            title: t('启用', 'On'),
            dataIndex: 'enabled',
            width: 70,
            render: (on: boolean, c) => (
              <Switch size="small" checked={on} loading={busy === c.id} onChange={(enabled) => void act(c.id, () => ok(api.PATCH('/api/notification-channels/{id}', { params: { path: { id: c.id } }, body: { enabled } })))} />
            ),
          },
          {
            title: t('最近一次发送', 'Last delivery'),
            key: 'last',
            render: (_: unknown, c) => (
              <Space orientation="vertical" size={2}>
                {c.lastDelivery ? <DeliveryStateLine d={c.lastDelivery} /> : <Typography.Text type="secondary">—</Typography.Text>}
                {c.failedCount > 0 && (
                  <Typography.Link type="danger" onClick={onShowFailed} data-testid="channel-failed">
                    {t(`${c.failedCount} 条发送失败`, `${c.failedCount} failed`)}
                  </Typography.Link>
                )}
              </Space>
            ),
          },
          {
            title: '',
            key: 'actions',
            render: (_: unknown, c) => (
              <Space size={4} wrap>
                <Button size="small" onClick={() => void test(c)} loading={busy === c.id}>
                  {t('发送测试', 'Test')}
                </Button>
                <Button size="small" onClick={() => setEditing(c)}>
                  {t('编辑', 'Edit')}
                </Button>
                <Popconfirm
                  title={t(`删除“${c.name}”？`, `Delete “${c.name}”?`)}
                  onConfirm={() => void act(c.id, () => ok(api.DELETE('/api/notification-channels/{id}', { params: { path: { id: c.id } } })), t('已删除', 'Deleted'))}
                >
                  <Button size="small" danger>
                    {t('删除', 'Delete')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <ChannelForm
        editing={editing}
        units={units.data ?? []}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          channels.reload();
        }}
      />
    </Space>
  );
}
