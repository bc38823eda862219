import { Space, Tag, Typography } from 'antd';
import type { DeliveryState } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { CHANNEL_LABELS, DELIVERY_STATUS_LABELS } from './labels';
import { formatTime } from '../../i18n/time';

const time = (iso: string) => formatTime(iso);

/**
 * One e-mail or webhook delivery: its channel and state, and for a failed one the error in plain
 * view (a permanent failure is never hidden), for a held one when it goes out.
 */
export function DeliveryStateLine({ d }: { d: Pick<DeliveryState, 'channel' | 'status' | 'attempts' | 'lastError' | 'notBefore' | 'deliveredAt'> }) {
  const { lang, t } = useI18n();
  const channel = CHANNEL_LABELS[d.channel]?.[lang] ?? d.channel;
  const status = DELIVERY_STATUS_LABELS[d.status];
  return (
    <Space size={4} wrap data-testid="delivery" data-status={d.status}>
      <Tag color={status?.color} style={{ marginInlineEnd: 0 }}>
        {channel} · {status?.[lang] ?? d.status}
      </Tag>
      {d.status === 'failed' && (
        <Typography.Text type="danger" style={{ fontSize: 12 }}>
          {d.lastError ?? t('原因未知', 'unknown reason')}
          {t(`（已尝试 ${d.attempts} 次）`, ` (${d.attempts} attempts)`)}
        </Typography.Text>
      )}
      {d.status === 'retrying' && (
        <Typography.Text type="warning" style={{ fontSize: 12 }}>
          {t(`第 ${d.attempts} 次未成功，稍后重试`, `attempt ${d.attempts} failed, will retry`)}
          {d.lastError ? `：${d.lastError}` : ''}
        </Typography.Text>
      )}
      {d.status === 'deferred' && d.notBefore && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t(`免打扰时段，${time(d.notBefore)} 发送`, `quiet hours: goes out at ${time(d.notBefore)}`)}
        </Typography.Text>
      )}
      {d.status === 'delivered' && d.deliveredAt && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {time(d.deliveredAt)}
        </Typography.Text>
      )}
    </Space>
  );
}
