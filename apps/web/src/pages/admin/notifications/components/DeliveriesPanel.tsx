import { Alert, Badge, Button, Select, Space, Table, Tag, Typography } from 'antd';
import type { DeliveryChannel, DeliveryLog, DeliveryLogItem, DeliveryStatus } from '../../../../api/types';
import { loadDeliveries } from '../../../../hooks/queries';
import { usePaged } from '../../../../hooks/use-paged';
import { useI18n } from '../../../../i18n/i18n';
import { DeliveryStateLine } from '../../../../components/notifications/DeliveryState';
import { CHANNEL_LABELS, DELIVERY_CHANNELS, DELIVERY_STATUSES, KIND_LABELS, DELIVERY_STATUS_LABELS } from '../../../../components/notifications/labels';
import { formatTime } from '../../../../i18n/time';

export interface DeliveryFilter {
  status?: DeliveryStatus;
  channel?: DeliveryChannel;
}

const time = (iso: string | null) => (iso ? formatTime(iso) : '—');

/** The delivery log of e-mails and webhooks in the admin's scope, newest first, filterable; failures first-class. */
export default function DeliveriesPanel({ filter, onFilter }: { filter: DeliveryFilter; onFilter(f: DeliveryFilter): void }) {
  const { lang, t } = useI18n();
  const log = usePaged<DeliveryLogItem, DeliveryLog>((before) => loadDeliveries({ ...filter, before }), [filter.status, filter.channel]);
  const failed = log.last?.failedCount ?? 0;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Select
          allowClear
          placeholder={t('全部状态', 'Any status')}
          aria-label={t('状态', 'Status')}
          style={{ minWidth: 140 }}
          value={filter.status}
          onChange={(status?: DeliveryStatus) => onFilter({ ...filter, status })}
          options={DELIVERY_STATUSES.map((s) => ({ value: s, label: DELIVERY_STATUS_LABELS[s][lang] }))}
          data-testid="delivery-status-filter"
        />
        <Select
          allowClear
          placeholder={t('全部渠道', 'Any channel')}
          aria-label={t('渠道', 'Channel')}
          style={{ minWidth: 140 }}
          value={filter.channel}
          onChange={(channel?: DeliveryChannel) => onFilter({ ...filter, channel })}
          options={DELIVERY_CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c][lang] }))}
        />
        <Button size="small" danger={failed > 0} type={filter.status === 'failed' ? 'primary' : 'default'} onClick={() => onFilter({ ...filter, status: filter.status === 'failed' ? undefined : 'failed' })} data-testid="only-failed">
          <Space size={6}>
            {t('只看失败', 'Failed only')}
            <Badge count={failed} overflowCount={9999} showZero={false} />
          </Space>
        </Button>
        <Button size="small" onClick={log.reload}>
          {t('刷新', 'Refresh')}
        </Button>
      </Space>
      {log.error && <Alert type="error" showIcon title={log.error.message} />}
      <Table<DeliveryLogItem>
        size="small"
        rowKey="id"
        loading={log.loading}
        dataSource={log.items}
        pagination={false}
        scroll={{ x: true }}
        data-testid="deliveries"
        locale={{ emptyText: filter.status === 'failed' ? t('没有发送失败的记录', 'No failed deliveries') : t('还没有发送记录', 'No deliveries yet') }}
        columns={[
          { title: t('时间', 'Time'), dataIndex: 'createdAt', width: 160, render: time },
          {
            title: t('通知', 'Notification'),
            key: 'n',
            render: (_: unknown, d) => (
              <Space size={4} wrap>
                <Tag color={KIND_LABELS[d.kind]?.color}>{KIND_LABELS[d.kind]?.[lang] ?? d.kind}</Tag>
                {d.title}
              </Space>
            ),
          },
          {
            title: t('接收方', 'Recipient'),
            key: 'to',
            render: (_: unknown, d) => (
              <Space orientation="vertical" size={0}>
                <span>{d.username ?? (d.groupUnitCode ? t(`单位群 ${d.groupUnitCode}`, `group ${d.groupUnitCode}`) : '—')}</span>
                {d.target && (
                  <Typography.Text type="secondary" style={{ fontSize: 12, wordBreak: 'break-all' }}>
                    {d.target}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          { title: t('状态', 'Status'), key: 'status', render: (_: unknown, d) => <DeliveryStateLine d={d} /> },
          { title: t('尝试', 'Attempts'), dataIndex: 'attempts', width: 60 },
          { title: t('响应码', 'Code'), dataIndex: 'responseCode', width: 70, render: (c: number | null) => c ?? '—' },
          { title: t('最近尝试', 'Last attempt'), dataIndex: 'lastAttemptAt', width: 160, render: time },
        ]}
      />
      {log.hasMore && (
        <div style={{ textAlign: 'center' }}>
          <Button onClick={log.loadMore} loading={log.loadingMore} data-testid="deliveries-more">
            {t('加载更早的记录', 'Load older')}
          </Button>
        </div>
      )}
    </Space>
  );
}
