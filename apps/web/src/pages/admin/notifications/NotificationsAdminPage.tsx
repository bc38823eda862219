// Notifications for the administrator: the units' group-chat robots, the e-mail server (SMTP), the
// delivery log (a failed delivery is never silently dropped: it is counted and listed here) and the
// reminder rules. The
// tab and the log's filters live in the URL.
import { Card, Skeleton, Tabs } from 'antd';
import { lazy, Suspense } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { DeliveryChannel, DeliveryStatus } from '../../../api/types';
import { useI18n } from '../../../i18n/i18n';
import type { DeliveryFilter } from './components/DeliveriesPanel';

const ChannelsPanel = lazy(() => import('./components/ChannelsPanel'));
const DeliveriesPanel = lazy(() => import('./components/DeliveriesPanel'));
const RulesPanel = lazy(() => import('./components/RulesPanel'));
const MailSettingsCard = lazy(() => import('../../../components/notifications/MailSettingsCard').then((m) => ({ default: m.MailSettingsCard })));

export default function NotificationsAdminPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'channels';
  const filter: DeliveryFilter = { status: (params.get('status') as DeliveryStatus | null) ?? undefined, channel: (params.get('channel') as DeliveryChannel | null) ?? undefined };
  const set = (changes: Record<string, string | undefined>) =>
    setParams(
      (prev) => {
        const n = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(changes)) {
          if (v) n.set(k, v);
          else n.delete(k);
        }
        return n;
      },
      { replace: true },
    );
  return (
    <Card size="small" title={t('通知与提醒', 'Notifications & reminders')}>
      <Tabs
        activeKey={tab}
        onChange={(k) => set({ tab: k })}
        destroyOnHidden
        items={[
          { key: 'channels', label: t('单位群聊机器人', 'Group-chat robots') },
          { key: 'mail', label: t('邮件服务器', 'E-mail server') },
          { key: 'deliveries', label: t('发送记录', 'Delivery log') },
          { key: 'rules', label: t('提醒规则', 'Reminder rules') },
        ].map((i) => ({
          ...i,
          children: (
            <Suspense fallback={<Skeleton active />}>
              {i.key === 'channels' && <ChannelsPanel onShowFailed={() => set({ tab: 'deliveries', status: 'failed' })} />}
              {i.key === 'deliveries' && <DeliveriesPanel filter={filter} onFilter={(f) => set({ status: f.status, channel: f.channel })} />}
              {i.key === 'rules' && <RulesPanel />}
              {i.key === 'mail' && <MailSettingsCard />}
            </Suspense>
          ),
        }))}
      />
    </Card>
  );
}
