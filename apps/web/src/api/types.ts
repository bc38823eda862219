// Shapes the screens use, taken from the generated schema. Where the api's OpenAPI document says
// only "object" for a map (totals, heatmap rows), openapi-typescript makes it Record<string, never>;
// those fields are narrowed here to what the api documents in their descriptions, in one place.
import type { components } from './schema';

type S = components['schemas'];

export type GapLevel = S['LevelDto'];
export type GapFlag = S['FlagDto'];
export type GapOverview = S['OverviewDto'];
/** totals: "metric key → counted total". */
export type GapUnit = Omit<S['GapUnitDto'], 'totals'> & { totals: Record<string, number> };
export type DashboardGap = Omit<S['GapDto'], 'units'> & { units: GapUnit[] };
export type ComparisonUnit = S['ComparisonUnitDto'];
export type DashboardComparison = S['ComparisonDto'];
export type TrendSeries = S['TrendSeriesDto'];
export type DashboardTrend = S['TrendDto'];
/** metrics: "{key, name, category}"; units: "{code, name, level}". */
export type Heatmap = Omit<S['HeatmapDto'], 'metrics' | 'units'> & {
  metrics: { key: string; name: string; category: string }[];
  units: { code: string; name: string; level: number }[];
};
export type UnitStanding = Omit<S['UnitStandingDto'], 'totals'> & { totals: Record<string, number> };
export type MetricDefinition = S['MetricDto'];
export type ReextractRun = S['ReextractRunDto'];
