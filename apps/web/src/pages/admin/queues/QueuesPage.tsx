import { Alert, App, Button, Card, Descriptions, Space, Typography } from 'antd';
import { ApiError } from '../../../api/client';
import { api, ok } from '../../../api/client';
import { useApi } from '../../../hooks/use-api';
import { useI18n } from '../../../i18n/i18n';

/** Queue health: the api's own health check, and bull-board (admin only) for the job queues. */
export default function QueuesPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const health = useApi(() => ok(api.GET('/api/health')), []);
  // bull-board is not behind the bearer token: the api hands out a one-minute ticket URL that
  // sets its own cookie. The window is opened first (pop-up blockers), then pointed at the ticket.
  const openBoard = async () => {
    const w = window.open('about:blank', '_blank');
    try {
      const { url } = await ok(api.POST('/api/admin/queues/session'));
      if (w) w.location.href = url;
      else window.location.href = url;
    } catch (e) {
      w?.close();
      void message.error(e instanceof ApiError ? e.message : String(e));
    }
  };
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small" title={t('服务状态', 'Service health')} extra={<Button size="small" onClick={health.reload}>{t('刷新', 'Refresh')}</Button>}>
        {health.error ? (
          <Alert type="error" showIcon title={health.error.message} />
        ) : (
          <Descriptions
            size="small"
            column={3}
            items={[
              { key: 's', label: t('总体', 'Overall'), children: health.data?.status ?? '…' },
              { key: 'd', label: t('数据库', 'Database'), children: health.data?.db ?? '…' },
              { key: 'r', label: 'Redis', children: health.data?.redis ?? '…' },
            ]}
          />
        )}
      </Card>
      <Card size="small" title={t('任务队列（bull-board）', 'Job queues (bull-board)')}>
        <Typography.Paragraph>
          {t('抽取、汇总和提醒任务的排队、运行、失败情况在 bull-board 中查看（仅管理员）。', 'Queued, running and failed extraction, aggregation and reminder jobs are shown in bull-board (administrators only).')}
        </Typography.Paragraph>
        <Button type="primary" onClick={() => void openBoard()}>
          {t('在新窗口打开 bull-board', 'Open bull-board in a new tab')}
        </Button>
      </Card>
    </Space>
  );
}
