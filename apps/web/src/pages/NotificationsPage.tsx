import { Alert, App, Badge, Button, Card, Empty, List, Skeleton, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { api, ApiError, ok } from '../api/client';
import { useNotifications } from '../hooks/queries';
import { useI18n } from '../i18n/i18n';

export default function NotificationsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const list = useNotifications();
  const read = async (id: string | number) => {
    try {
      await ok(api.POST('/api/notifications/{id}/read', { params: { path: { id: String(id) } } }));
      list.reload();
    } catch (e) {
      void message.error(e instanceof ApiError ? e.message : String(e));
    }
  };
  return (
    <Card size="small" title={t('我的通知', 'My notifications')}>
      {list.loading ? (
        <Skeleton active />
      ) : list.error ? (
        list.unavailable ? (
          <Empty description={t('通知功能尚未开通，稍后再试。', 'Notifications are not available yet.')} />
        ) : (
          <Alert type="error" showIcon title={list.error.message} />
        )
      ) : !list.data?.length ? (
        <Empty description={t('没有通知', 'No notifications')} />
      ) : (
        <List
          dataSource={list.data}
          renderItem={(n) => (
            <List.Item actions={n.readAt ? [] : [<Button key="r" size="small" onClick={() => void read(n.id)}>{t('标为已读', 'Mark read')}</Button>]}>
              <List.Item.Meta
                title={
                  <span>
                    {!n.readAt && <Badge status="processing" />} {n.title}
                  </span>
                }
                description={
                  <>
                    {n.body && <Typography.Paragraph style={{ marginBottom: 4 }}>{n.body}</Typography.Paragraph>}
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {new Date(n.createdAt).toLocaleString()}
                    </Typography.Text>{' '}
                    {n.reportId ? <Link to={`/reports/${n.reportId}`}>{t('查看报告', 'Open report')}</Link> : n.unitCode ? <Link to={`/units/${encodeURIComponent(n.unitCode)}${n.periodCode ? `?period=${encodeURIComponent(n.periodCode)}` : ''}`}>{t('查看单位', 'Open unit')}</Link> : null}
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
