import { Button, Card, Skeleton } from 'antd';
import { useRef, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';
import { lazyComponent, useLoadedComponent } from '../lazy';
import type { ChartClick, EChartHandle } from './EChart';
import type { ChartOption } from './echarts';

// ECharts is its own chunk, fetched when the first chart is drawn: the dashboard's figures and
// tables paint without waiting for it. Once loaded (start-up preloads it on a dashboard link) a
// chart renders without suspending.
const EChart = lazyComponent(() => import('./EChart'));

/** Starts fetching ECharts early (a screen with charts calls it when its own chunk loads). */
export function loadEChart(): Promise<void> {
  return EChart.preload();
}

interface Props {
  title: ReactNode;
  /** File name (without .png) for "save as image". */
  imageName: string;
  option: ChartOption;
  extra?: ReactNode;
  height?: number;
  onClick?(e: ChartClick): void;
  /** Called once, when the chart is first drawn completely. */
  onPainted?(): void;
  testId?: string;
  children?: ReactNode;
}

/** A chart in a card with a "save as image" button; `children` render under the chart. */
export function ChartCard({ title, imageName, option, extra, height, onClick, onPainted, testId, children }: Props) {
  const { t } = useI18n();
  const chart = useRef<EChartHandle>(null);
  const Chart = useLoadedComponent(EChart);
  return (
    <Card
      size="small"
      title={title}
      // What the image will be called: says which period and metric the card shows (tests wait on it).
      data-chart={imageName}
      extra={
        <span style={{ display: 'inline-flex', gap: 8, flexWrap: 'wrap', justifyContent: 'flex-end' }}>
          {extra}
          <Button size="small" onClick={() => chart.current?.saveImage(imageName)}>
            {t('保存图片', 'Save image')}
          </Button>
        </span>
      }
    >
      {Chart ? <Chart ref={chart} option={option} height={height} onClick={onClick} onPainted={onPainted} testId={testId} /> : <Skeleton.Node active style={{ width: '100%', height: height ?? 360 }} />}
      {children}
    </Card>
  );
}
