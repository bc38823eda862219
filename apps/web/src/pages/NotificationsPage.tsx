import { Alert, App, Badge, Button, Card, Empty, List, Segmented, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api, ApiError, ok } from '../api/client';
import { useNotifications, type Notification } from '../hooks/queries';
import { useI18n } from '../i18n/i18n';
import { notifyUnreadChanged } from '../layout/unread';

const KIND: Record<Notification['kind'], { zh: string; en: string; color: string }> = {
  due_soon: { zh: '即将截止', en: 'Due soon', color: 'gold' },
  due_today: { zh: '今日截止', en: 'Due today', color: 'orange' },
  overdue: { zh: '已逾期', en: 'Overdue', color: 'red' },
  escalation: { zh: '催报', en: 'Escalation', color: 'volcano' },
  extracted: { zh: '已抽取', en: 'Extracted', color: 'green' },
  extraction_failed: { zh: '抽取失败', en: 'Extraction failed', color: 'red' },
  cold: { zh: '偏冷', en: 'Cold', color: 'blue' },
  declining: { zh: '降温', en: 'Declining', color: 'cyan' },
  test: { zh: '测试', en: 'Test', color: 'default' },
};

/** The caller's notifications, newest first: due dates, extraction results, cold and declining flags. */
export default function NotificationsPage() {
  const { lang, t } = useI18n();
  const { message } = App.useApp();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const list = useNotifications(unreadOnly);
  const act = async (p: Promise<unknown>) => {
    try {
      await p;
      list.reload();
      notifyUnreadChanged();
    } catch (e) {
      void message.error(e instanceof ApiError ? e.message : String(e));
    }
  };
  const items = list.data?.items ?? [];
  return (
    <Card
      size="small"
      title={
        <Space>
          {t('我的通知', 'My notifications')}
          {list.data ? <Badge count={list.data.unread} /> : null}
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
          <Button size="small" disabled={!list.data?.unread} onClick={() => void act(ok(api.POST('/api/notifications/read-all')))}>
            {t('全部标为已读', 'Mark all read')}
          </Button>
        </Space>
      }
    >
      {list.loading ? (
        <Skeleton active />
      ) : list.error ? (
        list.unavailable ? <Empty description={t('通知功能尚未开通。', 'Notifications are not available yet.')} /> : <Alert type="error" showIcon title={list.error.message} />
      ) : !items.length ? (
        <Empty description={unreadOnly ? t('没有未读通知', 'No unread notifications') : t('没有通知', 'No notifications')} />
      ) : (
        <List
          dataSource={items}
          renderItem={(n) => (
            <List.Item
              actions={n.readAt ? [] : [<Button key="r" size="small" onClick={() => void act(ok(api.POST('/api/notifications/{id}/read', { params: { path: { id: String(n.id) } } })))}>{t('标为已读', 'Mark read')}</Button>]}
            >
              <List.Item.Meta
                title={
                  <Space wrap>
                    {!n.readAt && <Badge status="processing" />}
                    <Tag color={KIND[n.kind]?.color}>{KIND[n.kind]?.[lang] ?? n.kind}</Tag>
                    <span style={{ fontWeight: n.readAt ? 'normal' : 600 }}>{n.title}</span>
                  </Space>
                }
                description={
                  <>
                    {n.body && <Typography.Paragraph style={{ marginBottom: 4, whiteSpace: 'pre-wrap' }}>{n.body}</Typography.Paragraph>}
                    <Space wrap size="small">
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {new Date(n.createdAt).toLocaleString()}
                        {n.unitName ? ` · ${n.unitName}` : ''}
                      </Typography.Text>
                      {n.link && <Link to={n.link}>{t('查看', 'Open')}</Link>}
                      {n.deliveries.map((d, i) => (
                        <Tag key={i} color={d.status === 'failed' ? 'red' : d.status === 'delivered' ? 'green' : 'default'}>
                          {d.channel} · {d.status}
                        </Tag>
                      ))}
                    </Space>
                  </>
                }
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
