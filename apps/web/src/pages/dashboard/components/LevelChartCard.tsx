import { Card, Empty, Skeleton } from 'antd';
import { useMemo } from 'react';
import type { DashboardGap } from '../../../api/types';
import { ChartCard } from '../../../charts/ChartCard';
import type { ApiState } from '../../../hooks/use-api';
import { useI18n } from '../../../i18n/i18n';
import { levelOption } from '../options';
import { useLevelNamer } from '../../../hooks/use-level-namer';
import { HelpTip } from '../../../components/HelpTip';
import { usePeriodName } from '../../../layout/period';

/**
 * The signature chart (上热下冷): median temperature by level and the loss between levels, judged
 * against the attenuation threshold the api is configured with. `offset` is the caller's own level.
 */
export function LevelChartCard({ gap, offset, periodCode, onPainted }: { gap: ApiState<DashboardGap>; offset: number; periodCode: string | undefined; onPainted(): void }) {
  const { lang, t } = useI18n();
  const data = gap.data;
  const periodName = usePeriodName(periodCode);
  const nameOf = useLevelNamer();
  const option = useMemo(() => (data ? levelOption(data.levels, lang, data.attenuationThreshold, offset, nameOf) : null), [data, lang, offset, nameOf]);
  if (gap.loading)
    return (
      <Card size="small">
        <Skeleton active paragraph={{ rows: 8 }} />
      </Card>
    );
  if (!option || !data?.levels.length)
    return (
      <Card size="small" title={t('各层级温度中位数与逐级衰减', 'Median temperature by level')}>
        <Empty description={t('暂无层级数据', 'No level data yet')} />
      </Card>
    );
  return (
    <ChartCard
      title={<>{t('各层级温度中位数与逐级衰减', 'Median temperature by level, and the loss between levels')}<HelpTip topic="attenuation" /><HelpTip topic="temperature" /></>}
      imageName={`上热下冷-${periodName}`}
      option={option}
      testId="level-chart"
      onPainted={onPainted}
    />
  );
}
