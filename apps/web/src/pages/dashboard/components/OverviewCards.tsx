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
      // Only figures from reports may say "no gap": an empty or uncomputed period says so instead.
      extra: !g ? null : g.status === 'no_data' ? (
        <Tag>{t('本期尚无报告', 'No reports yet')}</Tag>
      ) : g.status === 'pending' ? (
        <Tag>{t('尚未计算', 'Not computed yet')}</Tag>
      ) : g.gapDetected ? (
        <Tag color="red">{t('存在上热下冷', 'Gap detected')}</Tag>
      ) : (
        <Tag color="green">{t('未见明显衰减', 'No marked gap')}</Tag>
      ),
    },
    // Missing reports sit beside the cold ones: a unit that did not report is not "not cold".
    // Two figures that wrap only between each other on a phone, never inside 未报送.
    {
      k: 'cold',
      title: t('偏冷与未报送单位', 'Cold and missing units'),
      value: g ? t(`偏冷 ${g.overview.coldCount} · 未报送 ${g.overview.missing}`, `Cold ${g.overview.coldCount} · missing ${g.overview.missing}`) : '—',
      formatter: g
        ? () => (
            <>
              <span style={{ whiteSpace: 'nowrap' }}>{t(`偏冷 ${g.overview.coldCount}`, `Cold ${g.overview.coldCount}`)}</span>
              {' · '}
              <span style={{ whiteSpace: 'nowrap' }}>{t(`未报送 ${g.overview.missing}`, `missing ${g.overview.missing}`)}</span>
            </>
          )
        : undefined,
    },
  ];
  return (
    <Row gutter={[16, 16]}>
      {stats.map((s) => (
        <Col xs={12} md={6} key={s.k}>
          <Card size="small" loading={gap.loading && !g}>
            <Statistic title={s.title} value={s.value} formatter={'formatter' in s ? s.formatter : undefined} data-testid={`stat-${s.k}`} />
            {s.extra}
          </Card>
        </Col>
      ))}
    </Row>
  );
}
