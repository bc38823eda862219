// ECharts, modular: only the charts and components the dashboard's first screen draws (bars and
// lines, grid, tooltip, legend, the comparison's scroll window) are registered here, and this
// module is imported only by lazily loaded routes, so none of it is in the first chunk. The other
// tabs register what they add (charts/extras.ts) when their own chunk loads.
import { BarChart, LineChart } from 'echarts/charts';
import { DataZoomInsideComponent, DataZoomSliderComponent, GridComponent, LegendPlainComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, LegendPlainComponent, DataZoomInsideComponent, DataZoomSliderComponent, CanvasRenderer]);

export { echarts };
export type { EChartsCoreOption as ChartOption } from 'echarts/core';
