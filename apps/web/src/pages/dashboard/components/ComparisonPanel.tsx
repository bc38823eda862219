import { App, Button, Empty, Grid, Radio, Select, Skeleton, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { download } from '../../../api/client';
import { ChartCard } from '../../../charts/ChartCard';
import { comparisonOption, type SortDir } from '../options';
import { useComparison } from '../../../hooks/queries';
import { useMetricOptions } from '../../../hooks/use-metric-options';
import { useI18n } from '../../../i18n/i18n';
import { useLevelNamer } from '../../../hooks/use-level-namer';
import { mark } from '../../../perf';
import { usePeriodName } from '../../../layout/period';

mark('comparison-module');

/** Any metric, raw or per 100 members, one bar per unit coloured by level; sortable; to Excel. */
export default function ComparisonPanel({ period, offset, onUnit }: { period: string | undefined; offset: number; onUnit(code: string): void }) {
  const { lang, t } = useI18n();
  const { message } = App.useApp();
  const metrics = useMetricOptions(true);
  const [metric, setMetric] = useState<string>('temperature');
  const [normalize, setNormalize] = useState<'none' | 'per100'>('none');
  const [dir, setDir] = useState<SortDir>('desc');
  const data = useComparison(period, metric, normalize);
  const metricName = data.data?.metricName ?? metrics.find((m) => m.key === metric)?.name ?? metric;
  const valueName = metric === 'temperature' ? t('温度', 'temperature') : normalize === 'per100' ? t('每百名党员', 'per 100 members') : t('合计', 'total');
  const nameOf = useLevelNamer();
  const periodName = usePeriodName(period);
  // Phones get horizontal bars: unit names read across instead of rotated and overlapping.
  const narrow = Grid.useBreakpoint().sm === false;
  const option = useMemo(() => (data.data ? comparisonOption(data.data.units, dir, lang, valueName, offset, narrow, nameOf) : null), [data.data, dir, lang, valueName, offset, narrow, nameOf]);

  const exportXlsx = () => {
    if (!period) return;
    const q = new URLSearchParams({ period, metric, normalize });
    download(`/api/dashboard/comparison.xlsx?${q.toString()}`, `指标对比-${periodName}-${metricName}.xlsx`).catch((e: Error) => void message.error(e.message));
  };

  const controls = (
    <Space wrap>
      <Select
        aria-label={t('指标', 'Metric')}
        data-testid="comparison-metric"
        value={metric}
        onChange={setMetric}
        showSearch
        optionFilterProp="label"
        style={{ minWidth: 200 }}
        options={metrics.map((m) => ({ value: m.key, label: m.name }))}
      />
      <Radio.Group value={normalize} onChange={(e) => setNormalize(e.target.value as 'none' | 'per100')} optionType="button" size="small">
        <Radio.Button value="none">{t('原始值', 'Raw')}</Radio.Button>
        <Radio.Button value="per100">{t('每百名党员', 'Per 100 members')}</Radio.Button>
      </Radio.Group>
      <Radio.Group value={dir} onChange={(e) => setDir(e.target.value as SortDir)} optionType="button" size="small">
        <Radio.Button value="desc">{t('从高到低', 'High → low')}</Radio.Button>
        <Radio.Button value="asc">{t('从低到高', 'Low → high')}</Radio.Button>
      </Radio.Group>
      <Button size="small" onClick={exportXlsx} disabled={!data.data}>
        {t('导出 Excel', 'Export to Excel')}
      </Button>
    </Space>
  );

  if (data.loading) return <>{controls}<Skeleton active paragraph={{ rows: 8 }} /></>;
  if (data.error)
    return (
      <>
        {controls}
        <Empty description={data.error.message} />
      </>
    );
  if (!option || !data.data?.units.length) return <>{controls}<Empty description={t('本期没有该指标的数据', 'No data for this metric in this period')} /></>;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {controls}
      <ChartCard
        title={metric === 'temperature' ? metricName : `${metricName}（${valueName}）`}
        imageName={`指标对比-${periodName}-${metricName}`}
        option={option}
        height={narrow ? Math.max(240, (data.data?.units.length ?? 0) * 24 + 60) : 420}
        testId="comparison-chart"
        onClick={(e) => {
          const u = data.data?.units.find((x) => x.name === e.name);
          if (u) onUnit(u.code);
        }}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('点击柱子打开该单位。', 'Click a bar to open the unit.')}
      </Typography.Text>
    </Space>
  );
}
