// One chart filling the wall's main panel. ECharts is loaded as on the dashboard (its own chunk,
// shared with ChartCard), not bundled into the wall's.
import type { ChartOption } from '../../charts/echarts';
import { lazyComponent, useLoadedComponent } from '../../lazy';

const EChart = lazyComponent(() => import('../../charts/EChart'));

export function ChartCardChart({ option, testId }: { option: Record<string, unknown>; testId: string }) {
  const Chart = useLoadedComponent(EChart);
  return Chart ? <Chart option={option as ChartOption} className="tc-wall-chart" testId={testId} /> : <div className="tc-wall-chart" />;
}
