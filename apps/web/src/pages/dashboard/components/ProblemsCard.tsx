// 共性问题: the problems units share this period, largest group first (GET /api/dashboard/problems).
import { Card, Collapse, Empty, Skeleton, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { api, ok } from '../../../api/client';
import { useApi } from '../../../hooks/use-api';
import { useI18n } from '../../../i18n/i18n';

export function ProblemsCard({ period }: { period: string | undefined }) {
  const { t } = useI18n();
  const problems = useApi(period ? () => ok(api.GET('/api/dashboard/problems', { params: { query: { period } } })) : null, [period]);
  const shared = (problems.data?.clusters ?? []).filter((c) => c.count >= 2).slice(0, 10);
  return (
    <Card size="small" title={t('共性问题', 'Common problems')} data-testid="problems">
      {problems.loading && <Skeleton active />}
      {problems.data && !shared.length && <Empty description={t('各单位报告的问题较分散，暂无共性问题', 'No problem shared by several units')} />}
      {shared.length > 0 && (
        <Collapse
          size="small"
          items={shared.map((c, i) => ({
            key: String(i),
            label: (
              <span>
                {c.label} <Tag color="volcano">{t(`${c.count} 个单位`, `${c.count} units`)}</Tag>
              </span>
            ),
            children: c.units.map((u) => (
              <div key={u.code}>
                <Link to={`/reports/${u.reportId}`}>{u.name}</Link>
                <Typography.Text type="secondary">：{u.text}</Typography.Text>
              </div>
            )),
          }))}
        />
      )}
    </Card>
  );
}
