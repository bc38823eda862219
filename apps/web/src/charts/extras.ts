// What the other dashboard tabs draw besides bars and lines, registered by each tab's chunk (a
// side-effect import) before its first chart: the heatmap with its colour scale, the org tree, and
// the trend's scrolling legend. Kept out of the first screen's ECharts chunk.
import { HeatmapChart, TreeChart } from 'echarts/charts';
import { LegendScrollComponent, VisualMapComponent } from 'echarts/components';
// echarts' `use` registers modules; it is not a React hook (renamed so the hook lint reads it right).
import { use as install } from 'echarts/core';

export const registerHeatmap = () => install([HeatmapChart, VisualMapComponent]);
export const registerTree = () => install([TreeChart]);
export const registerScrollLegend = () => install([LegendScrollComponent]);
