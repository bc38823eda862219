// The metric catalogue as the model reads it: each key once, each category numbered, so the
// per-unit tables can be flat typed arrays indexed by metric and category.

import type { AnalyticsMetric } from './types';

export interface MetricCatalogue {
  /** First definition of a key wins. */
  metrics: readonly AnalyticsMetric[];
  /** Metric index by key. */
  indexOfKey: ReadonlyMap<string, number>;
  /** Category number of each metric, in order of first appearance (breadth counts categories). */
  categoryOf: Int32Array;
  categoryCount: number;
}

export function metricCatalogue(definitions: readonly AnalyticsMetric[]): MetricCatalogue {
  const metrics = definitions.filter((m, i, all) => all.findIndex((x) => x.key === m.key) === i);
  const indexOfKey = new Map<string, number>();
  metrics.forEach((m, k) => indexOfKey.set(m.key, k));
  const categoryIds = new Map<string, number>();
  const categoryOf = new Int32Array(metrics.length);
  metrics.forEach((m, k) => {
    let c = categoryIds.get(m.category);
    if (c === undefined) categoryIds.set(m.category, (c = categoryIds.size));
    categoryOf[k] = c;
  });
  return { metrics, indexOfKey, categoryOf, categoryCount: categoryIds.size };
}
