// What the other dashboard tabs draw besides bars and lines, registered by each tab's chunk (a
// side-effect import) before its first chart: the heatmap with its colour scale, the org tree, and
// the trend's scrolling legend. Kept out of the first screen's ECharts chunk.
import { HeatmapChart, TreeChart } from 'echarts/charts';
import { LegendScrollComponent, VisualMapComponent } from 'echarts/components';
import { use } from 'echarts/core';

export const registerHeatmap = () => use([HeatmapChart, VisualMapComponent]);
export const registerTree = () => use([TreeChart]);
export const registerScrollLegend = () => use([LegendScrollComponent]);
