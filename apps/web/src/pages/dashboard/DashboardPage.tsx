// The leader's dashboard for one period: overview, the signature level chart (上热下冷), cold and
// flagged units, and the comparison / heatmap / org tree / trend views. Every part reads one
// dashboard endpoint through its own hook and degrades to a clear state when that endpoint is not
// available yet.
import { Alert, Card, Col, Empty, Result, Row, Skeleton, Space, Statistic, Table, Tabs, Tag, Typography } from 'antd';
import { memo, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import type { DashboardGap } from '../../api/types';
import type { ApiState } from '../../hooks/use-api';
import type { GapUnit } from '../../api/types';
import { ChartCard, loadEChart } from '../../charts/ChartCard';
import { coldUnits, flaggedUnits, levelName } from '../../dashboard/gap';
import { RemindButton } from '../../components/RemindButton';
import { TemperatureTag } from '../../components/TemperatureTag';
import { levelOption } from '../../dashboard/options';
import { useGap, useReports, useUnits } from '../../hooks/queries';
import { useI18n } from '../../i18n/i18n';
import { usePeriod } from '../../layout/period';
import { FLAG_LABELS } from '../../metrics/labels';
import { lazyComponent } from '../../lazy';
import { mark } from '../../perf';
import { useSession } from '../../session/SessionContext';

mark('dashboard-module');

export const ComparisonPanel = lazyComponent(() => import('./ComparisonPanel'));
// Fetch the chart library and the default tab while the period and the gap are being loaded.
void loadEChart();
void ComparisonPanel.preload();
const HeatmapPanel = lazyComponent(() => import('./HeatmapPanel'));
const TreePanel = lazyComponent(() => import('./TreePanel'));
const TrendPanel = lazyComponent(() => import('./TrendPanel'));

/** Longest the flagged units and the tabs wait for the level chart. */
const BELOW_MS = 2500;

function pct(n: number, d: number): string {
  return d > 0 ? `${Math.round((n / d) * 1000) / 10}%` : '—';
}

export default function DashboardPage() {
  const { lang, t } = useI18n();
  const { period, periods } = usePeriod();
  const { user } = useSession();
  const offset = user?.unitLevel ?? 0;
  const navigate = useNavigate();
  const gap = useGap(period?.code);
  // Without the gap endpoint the counts still come from the reports and units the api has.
  const reports = useReports({ periodCode: period?.code, latest: true }, !!period && gap.unavailable);
  const units = useUnits(gap.unavailable);
  useEffect(() => {
    if (gap.data) mark('gap-commit');
  }, [gap.data]);

  const periodCode = period?.code;
  const unitLink = useCallback((code: string) => `/units/${encodeURIComponent(code)}${periodCode ? `?period=${encodeURIComponent(periodCode)}` : ''}`, [periodCode]);
  const overview = useMemo(() => {
    if (gap.data) return { expected: gap.data.overview.expected, received: gap.data.overview.received, onTimeRate: gap.data.overview.onTimeRate, cold: gap.data.overview.coldCount as number | null };
    if (reports.data && units.data) {
      const received = reports.data.length;
      return { expected: units.data.length, received, onTimeRate: units.data.length ? reports.data.filter((r) => !r.late).length / units.data.length : null, cold: null as number | null };
    }
    return null;
  }, [gap.data, reports.data, units.data]);
  const levelOpt = useMemo(() => (gap.data ? levelOption(gap.data.levels, lang, 0.8, offset) : null), [gap.data, lang, offset]);
  const cold = useMemo(() => (gap.data ? coldUnits(gap.data) : []), [gap.data]);
  const flagged = useMemo(() => (gap.data ? flaggedUnits(gap.data) : []), [gap.data]);
  const openUnit = useCallback((c: string) => void navigate(unitLink(c)), [navigate, unitLink]);

  // What is below the fold (the flagged units and the tabs) renders once the level chart is
  // drawn, so the first screen (overview and the signature chart) does not wait for it; at the
  // latest after BELOW_MS, or at once when there is no level chart to wait for.
  const [levelPainted, setLevelPainted] = useState(false);
  // after the frame that shows the chart: the browser paints it before this work starts
  const onLevelPainted = useCallback(() => requestAnimationFrame(() => setTimeout(() => setLevelPainted(true), 0)), []);
  const [late, setLate] = useState(false);
  useEffect(() => {
    const id = setTimeout(() => setLate(true), BELOW_MS);
    return () => clearTimeout(id);
  }, []);
  const levelComing = gap.loading || !!(levelOpt && gap.data?.levels.length);
  const belowShown = useRef(false);
  if (levelPainted || late || !levelComing) belowShown.current = true;
  const below = belowShown.current;

  if (!periods.loading && !period)
    return <Result status="info" title={t('还没有报告周期', 'No reporting period yet')} subTitle={t('请管理员在“报告周期”中添加周期，各支部即可上传报告。', 'An administrator adds periods under Periods; branches can then upload reports.')} />;

  const gapUnavailable = gap.unavailable;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="dashboard">
      <Row gutter={[16, 16]}>
        {[
          {
            k: 'received',
            title: t('已收报告 / 应报', 'Reports received / expected'),
            value: overview ? `${overview.received} / ${overview.expected}` : '—',
            extra: period && gap.data ? <RemindButton periodCode={period.code} missing={gap.data.overview.missing + gap.data.overview.notDue} /> : null,
          },
          { k: 'ontime', title: t('按时报送率', 'On-time rate'), value: overview?.onTimeRate != null ? pct(overview.onTimeRate, 1) : '—' },
          {
            k: 'gap',
            title: t('衰减指数', 'Gap index'),
            value: gap.data?.gapIndex != null ? gap.data.gapIndex.toFixed(2) : '—',
            extra: gap.data ? (gap.data.gapDetected ? <Tag color="red">{t('存在上热下冷', 'Gap detected')}</Tag> : <Tag color="green">{t('未见明显衰减', 'No marked gap')}</Tag>) : null,
          },
          { k: 'cold', title: t('偏冷单位', 'Cold units'), value: overview?.cold ?? '—' },
        ].map((s) => (
          <Col xs={12} md={6} key={s.k}>
            <Card size="small" loading={gap.loading && !overview}>
              <Statistic title={s.title} value={s.value} data-testid={`stat-${s.k}`} />
              {s.extra}
            </Card>
          </Col>
        ))}
      </Row>

      {gap.error && !gapUnavailable && <Alert type="error" showIcon title={gap.error.message} action={<Typography.Link onClick={gap.reload}>{t('重试', 'Retry')}</Typography.Link>} />}
      {gapUnavailable && (
        <Alert
          type="info"
          showIcon
          data-testid="gap-unavailable"
          title={t('温度分析暂不可用', 'Temperature analysis not available yet')}
          description={t(
            '本期的温度、逐级衰减和预警尚未生成（分析服务未就绪，或本期还没有完成抽取的报告）。报告上传并抽取后将自动显示。',
            'Temperatures, attenuation and flags for this period are not available yet (the analysis service is not ready, or no report has been extracted). They appear once reports are extracted.',
          )}
        />
      )}

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          {gap.loading ? (
            <Card size="small">
              <Skeleton active paragraph={{ rows: 8 }} />
            </Card>
          ) : levelOpt && gap.data?.levels.length ? (
            <ChartCard
              title={t('各层级温度中位数与逐级衰减', 'Median temperature by level, and the loss between levels')}
              imageName={`上热下冷-${period?.code ?? ''}`}
              option={levelOpt}
              testId="level-chart"
              onPainted={onLevelPainted}
            />
          ) : (
            <Card size="small" title={t('各层级温度中位数与逐级衰减', 'Median temperature by level')}>
              <Empty description={t('暂无层级数据', 'No level data yet')} />
            </Card>
          )}
        </Col>
        <Col xs={24} xl={10}>
          <Card size="small" title={t(`偏冷单位（${cold.length}）`, `Cold units (${cold.length})`)} data-testid="cold-units">
            {gap.loading ? (
              <Skeleton active />
            ) : cold.length ? (
              <Table<GapUnit>
                size="small"
                rowKey="code"
                pagination={cold.length > 8 ? { pageSize: 8, size: 'small' } : false}
                dataSource={cold}
                columns={[
                  { title: t('单位', 'Unit'), dataIndex: 'name', render: (n: string, u) => <Link to={unitLink(u.code)}>{n}</Link> },
                  { title: t('层级', 'Level'), dataIndex: 'level', width: 90, render: (l: number) => levelName(l + offset, lang) },
                  {
                    title: t('温度', 'Temp.'),
                    dataIndex: 'temperature',
                    width: 70,
                    render: (v: number | null) => <TemperatureTag value={v} />,
                  },
                ]}
              />
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={gap.data ? t('没有偏冷单位', 'No cold units') : t('暂无数据', 'No data yet')} />
            )}
          </Card>
        </Col>
      </Row>

      {below ? (
        <>
          <FlaggedUnits flagged={flagged} loading={gap.loading} hasData={!!gap.data} unitLink={unitLink} />
          <DashboardTabs period={period?.code} offset={offset} gap={gap} onUnit={openUnit} />
        </>
      ) : (
        <>
          <Card size="small" title={t('预警单位', 'Flagged units')}>
            <Skeleton active paragraph={{ rows: 4 }} />
          </Card>
          <Card size="small">
            <Skeleton active paragraph={{ rows: 6 }} />
          </Card>
        </>
      )}
    </Space>
  );
}

/** Units with flags and their reasons (memoised: it re-renders only when the gap does). */
const FlaggedUnits = memo(function FlaggedUnits({ flagged, loading, hasData, unitLink }: { flagged: GapUnit[]; loading: boolean; hasData: boolean; unitLink(code: string): string }) {
  const { lang, t } = useI18n();
  const columns = useMemo(
    () => [
      { title: t('单位', 'Unit'), dataIndex: 'name', render: (n: string, u: GapUnit) => <Link to={unitLink(u.code)}>{n}</Link> },
      {
        title: t('温度', 'Temp.'),
        dataIndex: 'temperature',
        width: 70,
        sorter: (a: GapUnit, b: GapUnit) => (a.temperature ?? -1) - (b.temperature ?? -1),
        render: (v: number | null) => <TemperatureTag value={v} />,
      },
      {
        title: t('预警与原因', 'Flags and reasons'),
        dataIndex: 'flags',
        render: (flags: GapUnit['flags']) => (
          <div className="tc-flags">
            {flags.map((f) => (
              <span key={f.code}>
                <Tag color={FLAG_LABELS[f.code]?.color}>{FLAG_LABELS[f.code]?.[lang] ?? f.code}</Tag>
                <span className="tc-flag-reason">{f.reason}</span>
              </span>
            ))}
          </div>
        ),
      },
    ],
    [lang, t, unitLink],
  );
  return (
    <Card size="small" title={t(`预警单位（${flagged.length}）`, `Flagged units (${flagged.length})`)}>
      <Table<GapUnit>
        size="small"
        rowKey="code"
        data-testid="flagged-units"
        loading={loading}
        dataSource={flagged}
        pagination={flagged.length > 10 ? { pageSize: 10 } : false}
        locale={{ emptyText: hasData ? t('没有预警', 'No flags') : t('暂无数据', 'No data yet') }}
        // no horizontal scroll: the reasons wrap (a scrolling table measures its columns with a forced layout)
        columns={columns}
      />
    </Card>
  );
});

/** Comparison, heatmap, org tree and trend, one at a time (the tab is in the URL). */
const DashboardTabs = memo(function DashboardTabs({ period, offset, gap, onUnit }: { period: string | undefined; offset: number; gap: ApiState<DashboardGap>; onUnit(code: string): void }) {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'compare';
  return (
    <Card size="small">
      <Tabs
        activeKey={tab}
        onChange={(k) =>
          setParams(
            (prev) => {
              const n = new URLSearchParams(prev);
              n.set('tab', k);
              return n;
            },
            { replace: true },
          )
        }
        destroyOnHidden
        items={[
          { key: 'compare', label: t('指标对比', 'Comparison') },
          { key: 'heatmap', label: t('单位×指标热力图', 'Unit × metric heatmap') },
          { key: 'tree', label: t('组织树', 'Org tree') },
          { key: 'trend', label: t('趋势', 'Trend') },
        ].map((i) => ({
          ...i,
          children: (
            <Suspense fallback={<Skeleton active paragraph={{ rows: 8 }} />}>
              {i.key === 'compare' && <ComparisonPanel period={period} offset={offset} onUnit={onUnit} />}
              {i.key === 'heatmap' && <HeatmapPanel period={period} onUnit={onUnit} />}
              {i.key === 'tree' && <TreePanel gap={gap} onOpen={onUnit} />}
              {i.key === 'trend' && <TrendPanel />}
            </Suspense>
          ),
        }))}
      />
    </Card>
  );
});
