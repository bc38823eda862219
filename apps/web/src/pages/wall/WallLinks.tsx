// 大屏链接 (admins): issue a read-only link for a wall display without a login, see when each was
// last used, revoke it. The token is shown once, in the link; only its hash is kept.
import { App as AntApp, Button, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, ok } from '../../api/client';
import type { components } from '../../api/schema';
import { useApi } from '../../hooks/use-api';
import { formatTime } from '../../i18n/time';

type WallLink = components['schemas']['WallLinkDto'];

export function WallLinks() {
  const { message } = AntApp.useApp();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [issued, setIssued] = useState<string | null>(null);
  const links = useApi(open ? () => ok(api.GET('/api/wall-links')) : null, [open]);
  const issue = async () => {
    try {
      const r = await ok(api.POST('/api/wall-links', { body: { name: name.trim() } }));
      setIssued(`${window.location.origin}${r.path}`);
      setName('');
      links.reload();
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    }
  };
  const revoke = async (l: WallLink) => {
    try {
      await ok(api.DELETE('/api/wall-links/{id}', { params: { path: { id: l.id } } }));
      void message.success(`已撤销「${l.name}」：该大屏将无法再读取数据`);
      links.reload();
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)} data-testid="wall-links">
        大屏链接
      </Button>
      <Modal open={open} title="大屏链接（无需登录的只读展示）" footer={null} width={720} onCancel={() => { setOpen(false); setIssued(null); }} destroyOnHidden>
        <Typography.Paragraph type="secondary">为会议室大屏生成一个只读链接：打开即显示本单位的看板大屏，无需登录。链接只显示一次，请妥善保管；不再使用时请撤销。</Typography.Paragraph>
        <Space.Compact style={{ width: '100%', marginBottom: 12 }}>
          <Input placeholder="大屏位置，如：三楼党组会议室" value={name} onChange={(e) => setName(e.target.value)} maxLength={100} aria-label="大屏位置" />
          <Button type="primary" disabled={!name.trim()} onClick={() => void issue()} data-testid="wall-issue">
            生成链接
          </Button>
        </Space.Compact>
        {issued && (
          <Typography.Paragraph copyable={{ text: issued }} data-testid="wall-issued" style={{ wordBreak: 'break-all' }}>
            {issued}
          </Typography.Paragraph>
        )}
        <Table<WallLink>
          size="small"
          rowKey="id"
          loading={links.loading}
          dataSource={links.data ?? []}
          pagination={false}
          columns={[
            { title: '位置', dataIndex: 'name' },
            { title: '单位', dataIndex: 'unitName' },
            { title: '生成时间', dataIndex: 'createdAt', render: (s: string) => formatTime(s) },
            { title: '最近使用', dataIndex: 'lastUsedAt', render: (s: string | null) => formatTime(s) },
            {
              title: '状态',
              key: 'state',
              render: (_: unknown, l) =>
                l.revokedAt ? (
                  <Tag>已撤销</Tag>
                ) : (
                  <Button size="small" danger onClick={() => void revoke(l)}>
                    撤销
                  </Button>
                ),
            },
          ]}
        />
      </Modal>
    </>
  );
}
