// @thermocline/analytics — 上热下冷: temperature, attenuation and flags over plain data.
// Pure TypeScript: no framework, no I/O. See ../README.md for the model and its rationale.

export * from './types';
export { DEFAULT_ANALYTICS_CONFIG, parseAnalyticsConfig, validateAnalyticsConfig, COMPONENT_LABELS } from './config';
export { totalsFor, countsTowardTotals, factCount } from './totals';
export { deadlineFor, daysLate } from './deadline';
export { aggregatePeriod } from './aggregate';
export { summarizeLevels, median } from './levels';
export { clusterProblems, problemCore } from './problems';
export type { ProblemCluster, ProblemText } from './problems';
export * from './assessment';
