import { Empty, Radio, Skeleton, Space } from 'antd';
import { useMemo, useState } from 'react';
import { ChartCard } from '../../../charts/ChartCard';
import { registerHeatmap } from '../../../charts/extras';
import { heatmapOption } from '../options';
import { useHeatmap } from '../../../hooks/queries';
import { useI18n } from '../../../i18n/i18n';
import { usePeriodName } from '../../../layout/period';

registerHeatmap();

/** Unit × metric: each cell is a unit's score on a metric against its level peers. */
export default function HeatmapPanel({ period, onUnit }: { period: string | undefined; onUnit(code: string): void }) {
  const { lang, t } = useI18n();
  const [depth, setDepth] = useState(2);
  const heat = useHeatmap(period, depth);
  const periodName = usePeriodName(period);
  const option = useMemo(() => (heat.data ? heatmapOption(heat.data, lang) : null), [heat.data, lang]);
  const controls = (
    <Radio.Group value={depth} onChange={(e) => setDepth(e.target.value as number)} optionType="button" size="small">
      <Radio.Button value={1}>{t('下一级', 'One level down')}</Radio.Button>
      <Radio.Button value={2}>{t('两级', 'Two levels')}</Radio.Button>
      <Radio.Button value={3}>{t('三级', 'Three levels')}</Radio.Button>
    </Radio.Group>
  );
  if (heat.loading) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (heat.error) return <>{controls}<Empty description={heat.error.message} /></>;
  if (!option || !heat.data?.units.length) return <>{controls}<Empty description={t('暂无数据', 'No data')} /></>;
  const units = heat.data.units;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {controls}
      <ChartCard
        title={t('单位 × 指标（颜色：与同级相比；数字：合计）', 'Unit × metric (colour: against level peers; number: total)')}
        imageName={`单位指标热力图-${periodName}`}
        option={option}
        height={Math.max(380, units.length * 26 + 170)}
        testId="heatmap-chart"
        onClick={(e) => {
          const y = (e.data as unknown[] | undefined)?.[1];
          if (typeof y === 'number' && units[y]) onUnit(units[y].code);
        }}
      />
    </Space>
  );
}
