import { Card, Col, Row, Statistic, Tag } from 'antd';
import type { DashboardGap } from '../../../api/types';
import type { ApiState } from '../../../hooks/use-api';
import { useI18n } from '../../../i18n/i18n';
import { RemindButton } from './RemindButton';
import { HelpTip } from '../../../components/HelpTip';

function pct(n: number, d: number): string {
  return d > 0 ? `${Math.round((n / d) * 1000) / 10}%` : '—';
}

/** Received / expected (with 催报), on-time rate, gap index and cold units of the period. */
export function OverviewCards({ gap, periodCode }: { gap: ApiState<DashboardGap>; periodCode: string | undefined }) {
  const { t } = useI18n();
  const g = gap.data;
  const stats = [
    {
      k: 'received',
      title: t('已收报告 / 应报', 'Reports received / expected'),
      value: g ? `${g.overview.received} / ${g.overview.expected}` : '—',
      extra: periodCode && g ? <RemindButton periodCode={periodCode} missing={g.overview.missing + g.overview.notDue} /> : null,
    },
    { k: 'ontime', title: t('按时报送率', 'On-time rate'), value: g?.overview.onTimeRate != null ? pct(g.overview.onTimeRate, 1) : '—' },
    {
      k: 'gap',
      title: <>{t('衰减指数', 'Gap index')}<HelpTip topic="gapIndex" /></>,
      value: g?.gapIndex != null ? g.gapIndex.toFixed(2) : '—',
      extra: g ? g.gapDetected ? <Tag color="red">{t('存在上热下冷', 'Gap detected')}</Tag> : <Tag color="green">{t('未见明显衰减', 'No marked gap')}</Tag> : null,
    },
    { k: 'cold', title: t('偏冷单位', 'Cold units'), value: g?.overview.coldCount ?? '—' },
  ];
  return (
    <Row gutter={[16, 16]}>
      {stats.map((s) => (
        <Col xs={12} md={6} key={s.k}>
          <Card size="small" loading={gap.loading && !g}>
            <Statistic title={s.title} value={s.value} data-testid={`stat-${s.k}`} />
            {s.extra}
          </Card>
        </Col>
      ))}
    </Row>
  );
}
