import { Empty, Skeleton } from 'antd';
import { useMemo } from 'react';
import type { DashboardGap } from '../../api/pending-paths';
import { ChartCard } from '../../charts/ChartCard';
import { heatmapOption } from '../../dashboard/options';
import type { ApiState } from '../../hooks/use-api';
import { useMetricOptions } from '../../hooks/use-metric-options';
import { useI18n } from '../../i18n/i18n';

/** Unit × metric: where each unit is active and where it is blank. */
export default function HeatmapPanel({ gap, onUnit }: { gap: ApiState<DashboardGap>; onUnit(code: string): void }) {
  const { lang, t } = useI18n();
  const metrics = useMetricOptions();
  const units = useMemo(() => [...(gap.data?.units ?? [])].sort((a, b) => a.level - b.level || (b.temperature ?? 0) - (a.temperature ?? 0)), [gap.data]);
  const option = useMemo(() => heatmapOption(units, metrics, lang), [units, metrics, lang]);
  if (gap.loading) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (!units.length) return <Empty description={gap.unavailable ? t('热力图需要温度分析数据，尚不可用。', 'The heatmap needs the analysis, not available yet.') : t('暂无数据', 'No data')} />;
  return (
    <ChartCard
      title={t('单位 × 指标（按每个指标的最高值着色）', 'Unit × metric (coloured relative to the highest unit)')}
      imageName="单位指标热力图"
      option={option}
      height={Math.max(360, units.length * 22 + 140)}
      testId="heatmap-chart"
      onClick={(e) => {
        const y = (e.data as number[] | undefined)?.[1];
        if (y !== undefined && units[y]) onUnit(units[y].code);
      }}
    />
  );
}
