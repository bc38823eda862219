import { Card, Skeleton, Tabs } from 'antd';
import { memo, Suspense } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { DashboardGap } from '../../../api/types';
import type { ApiState } from '../../../hooks/use-api';
import { useI18n } from '../../../i18n/i18n';
import { lazyComponent } from '../../../lazy';

// Each tab is a chunk of its own; the first (the comparison) is preloaded with the page.
export const ComparisonPanel = lazyComponent(() => import('./ComparisonPanel'));
const HeatmapPanel = lazyComponent(() => import('./HeatmapPanel'));
const TreePanel = lazyComponent(() => import('./TreePanel'));
const TrendPanel = lazyComponent(() => import('./TrendPanel'));

/** Comparison, heatmap, org tree and trend, one at a time (the tab is in the URL). */
export const DashboardTabs = memo(function DashboardTabs({ period, offset, gap, onUnit }: { period: string | undefined; offset: number; gap: ApiState<DashboardGap>; onUnit(code: string): void }) {
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
