import { Alert, App, Badge, Button, Card, Empty, Segmented, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api, ApiError, ok } from '../../api/client';
import type { Notification, NotificationList } from '../../api/types';
import { loadNotifications } from '../../hooks/queries';
import { usePaged } from '../../hooks/use-paged';
import { useI18n } from '../../i18n/i18n';
import { notifyUnreadChanged } from '../../layout/unread';
import { DeliveryStateLine } from '../../components/notifications/DeliveryState';
import { appLink, markAllRead, markOneRead } from './feed';
import { KIND_LABELS } from '../../components/notifications/labels';
import { formatTime } from '../../i18n/time';

export const PAGE_SIZE = 30;

/**
 * The caller's notifications, newest first, a page at a time: due dates, extraction results, cold
 * and declining flags, with how each e-mail or webhook went. Opening one marks it read.
 */
export default function NotificationsPage() {
  const { lang, t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const feed = usePaged<Notification, NotificationList>((before) => loadNotifications({ unreadOnly, before, limit: PAGE_SIZE }), [unreadOnly]);
  const unread = feed.last?.unread ?? 0;

  const fail = (e: unknown) => void message.error(e instanceof ApiError ? e.message : String(e));
  const readOne = async (n: Notification): Promise<void> => {
    if (n.readAt) return;
    await ok(api.POST('/api/notifications/{id}/read', { params: { path: { id: String(n.id) } } }));
    feed.update((s) => markOneRead(s, n.id, new Date().toISOString()));
    notifyUnreadChanged();
  };
  const readAll = async () => {
    try {
      await ok(api.POST('/api/notifications/read-all'));
      feed.update((s) => markAllRead(s, new Date().toISOString()));
      notifyUnreadChanged();
    } catch (e) {
      fail(e);
    }
  };
  const open = async (n: Notification, to: string) => {
    try {
      await readOne(n);
    } catch (e) {
      fail(e);
    }
    void navigate(to);
  };

  return (
    <Card
      size="small"
      title={
        <Space>
          {t('我的通知', 'My notifications')}
          {feed.last ? <Badge count={unread} data-testid="notifications-unread" title={t(`${unread} 条未读`, `${unread} unread`)} /> : null}
        </Space>
      }
      extra={
        <Space wrap>
          <Segmented
            size="small"
            value={unreadOnly ? 'unread' : 'all'}
            onChange={(v) => setUnreadOnly(v === 'unread')}
            options={[
              { value: 'all', label: t('全部', 'All') },
              { value: 'unread', label: t('未读', 'Unread') },
            ]}
          />
          <Button size="small" disabled={!unread} onClick={() => void readAll()}>
            {t('全部标为已读', 'Mark all read')}
          </Button>
        </Space>
      }
    >
      {feed.loading ? (
        <Skeleton active />
      ) : feed.error && !feed.items.length ? (
        <Alert type="error" showIcon title={feed.error.message} action={<Button size="small" onClick={feed.reload}>{t('重试', 'Retry')}</Button>} />
      ) : !feed.items.length ? (
        <Empty description={unreadOnly ? t('没有未读通知', 'No unread notifications') : t('没有通知', 'No notifications')} />
      ) : (
        <>
          <ul className="tc-feed">
            {feed.items.map((n) => {
              const to = appLink(n.link);
              const kind = KIND_LABELS[n.kind];
              return (
                <li key={n.id} data-testid="notification" data-kind={n.kind} data-read={n.readAt ? 'true' : 'false'}>
                  <div className="tc-feed-head">
                    <Space wrap size={6}>
                      {!n.readAt && <Badge status="processing" />}
                      <Tag color={kind?.color}>{kind?.[lang] ?? n.kind}</Tag>
                      {to ? (
                        <Typography.Link onClick={() => void open(n, to)} strong={!n.readAt} data-testid="notification-open">
                          {n.title}
                        </Typography.Link>
                      ) : (
                        <Typography.Text strong={!n.readAt}>{n.title}</Typography.Text>
                      )}
                    </Space>
                    {!n.readAt && (
                      <Button size="small" onClick={() => void readOne(n).catch(fail)}>
                        {t('标为已读', 'Mark read')}
                      </Button>
                    )}
                  </div>
                  {n.body && <Typography.Paragraph style={{ margin: '4px 0', whiteSpace: 'pre-wrap' }}>{n.body}</Typography.Paragraph>}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatTime(n.createdAt)}
                    {n.unitName ? ` · ${n.unitName}` : ''}
                    {n.periodCode ? ` · ${n.periodName || n.periodCode}` : ''}
                  </Typography.Text>
                  {n.deliveries.map((d) => (
                    <div key={d.id} style={{ marginTop: 4 }}>
                      <DeliveryStateLine d={d} />
                    </div>
                  ))}
                </li>
              );
            })}
          </ul>
          {feed.error && <Alert type="error" showIcon title={feed.error.message} style={{ marginTop: 8 }} />}
          {feed.hasMore && (
            <div style={{ textAlign: 'center', marginTop: 12 }}>
              <Button onClick={feed.loadMore} loading={feed.loadingMore} data-testid="load-more">
                {t('加载更早的通知', 'Load older notifications')}
              </Button>
            </div>
          )}
        </>
      )}
    </Card>
  );
}
