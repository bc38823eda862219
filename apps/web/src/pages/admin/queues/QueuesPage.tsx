import { Alert, App, Badge, Button, Card, Descriptions, Space, Typography } from 'antd';
import { ApiError } from '../../../api/client';
import { api, ok } from '../../../api/client';
import { useApi } from '../../../hooks/use-api';
import { useI18n } from '../../../i18n/i18n';

type T = (zh: string, en: string) => string;
/** A health answer's state in words, with a dot a glance reads (the api's codes stay in the title). */
function healthState(code: string | undefined, t: T) {
  if (!code) return '…';
  const good = code === 'ok' || code === 'up';
  const text = code === 'ok' ? t('正常', 'OK') : code === 'up' ? t('运行中', 'Up') : code === 'down' ? t('无法连接', 'Down') : t('异常', 'Error');
  return <Badge status={good ? 'success' : 'error'} text={<span title={code}>{text}</span>} />;
}

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
              { key: 's', label: t('总体', 'Overall'), children: healthState(health.data?.status, t) },
              { key: 'd', label: t('数据库', 'Database'), children: healthState(health.data?.db, t) },
              { key: 'r', label: 'Redis', children: healthState(health.data?.redis, t) },
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
