import { Empty, InputNumber, Select, Skeleton, Space } from 'antd';
import { useMemo, useState } from 'react';
import { ChartCard } from '../../../charts/ChartCard';
import { registerScrollLegend } from '../../../charts/extras';
import { trendOption } from '../options';
import { useTrend, useUnits } from '../../../hooks/queries';
import { useMetricOptions } from '../../../hooks/use-metric-options';
import { useI18n } from '../../../i18n/i18n';
import { useSession } from '../../../session/SessionContext';

registerScrollLegend();

/** A metric across the last N periods: one line per unit (the chosen unit and its sub-units). */
export default function TrendPanel() {
  const { t } = useI18n();
  const { user } = useSession();
  const metrics = useMetricOptions(true);
  const units = useUnits();
  const [unitCode, setUnitCode] = useState<string | undefined>(user?.unitCode);
  const [metric, setMetric] = useState('temperature');
  const [n, setN] = useState(6);
  const trend = useTrend(unitCode, metric, n);
  const metricName = metrics.find((m) => m.key === metric)?.name ?? metric;
  const option = useMemo(() => (trend.data ? trendOption(trend.data, metricName) : null), [trend.data, metricName]);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Select
          aria-label={t('单位', 'Unit')}
          value={unitCode}
          onChange={setUnitCode}
          showSearch
          optionFilterProp="label"
          style={{ minWidth: 200 }}
          options={(units.data ?? []).map((u) => ({ value: u.code, label: u.name }))}
        />
        <Select aria-label={t('指标', 'Metric')} value={metric} onChange={setMetric} showSearch optionFilterProp="label" style={{ minWidth: 200 }} options={metrics.map((m) => ({ value: m.key, label: m.name }))} />
        <span>
          {t('最近', 'Last')} <InputNumber min={2} max={40} value={n} onChange={(v) => setN(v ?? 6)} size="small" style={{ width: 64 }} /> {t('期', 'periods')}
        </span>
      </Space>
      {trend.loading ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : trend.error ? (
        <Empty description={trend.error.message} />
      ) : option && trend.data?.series.length ? (
        <ChartCard title={`${metricName} · ${t('趋势', 'trend')}`} imageName={`趋势-${metricName}`} option={option} testId="trend-chart" />
      ) : (
        <Empty description={t('暂无趋势数据', 'No trend data')} />
      )}
    </Space>
  );
}
