// The five temperature components of a reporting unit, each 0..1, and the temperature they make
// (100 × Σ weight · component ÷ Σ weight, 1 decimal). Formulas and rationale: ../README.md.

import type { MetricCatalogue } from './catalogue';
import { round } from './levels';
import type { LevelSlots, ReportedFigures } from './references';
import type { AnalyticsScoring, ComponentWeights, MetricScore, TemperatureComponents } from './types';

export interface MetricScores {
  /** One entry per catalogue metric. */
  scores: Record<string, MetricScore>;
  /** Categories with a counted total > 0 ÷ categories in the catalogue. */
  breadth: number;
  /** Σ weight · score ÷ Σ weight over the metrics with a reference and a weight > 0. */
  intensity: number;
}

/** Each metric's score against its reference at the row's level, and breadth and intensity from them. */
export function scoreMetrics(catalogue: MetricCatalogue, figures: ReportedFigures, references: Float64Array, levels: LevelSlots, row: number): MetricScores {
  const { metrics, categoryOf, categoryCount } = catalogue;
  const metricCount = metrics.length;
  const slot = levels.ofRow[row];
  const scores: Record<string, MetricScore> = {};
  const active = new Uint8Array(categoryCount);
  let weighted = 0;
  let weightIn = 0;
  for (let k = 0; k < metricCount; k++) {
    const metric = metrics[k];
    const total = figures.totalAt[row * metricCount + k];
    if (total > 0) active[categoryOf[k]] = 1;
    const normalized = figures.normalised[k][row];
    const ref = references[k * levels.count + slot];
    const hasReference = ref === ref; // not NaN
    const score = hasReference && metric.weight > 0 ? Math.min(1, normalized / ref) : null;
    if (score !== null) {
      weighted += metric.weight * score;
      weightIn += metric.weight;
    }
    scores[metric.key] = {
      total,
      normalized: round(normalized, 4),
      reference: hasReference ? round(ref, 4) : null,
      score: score === null ? null : round(score, 4),
    };
  }
  let categoriesActive = 0;
  for (let c = 0; c < categoryCount; c++) categoriesActive += active[c];
  return {
    scores,
    breadth: categoryCount > 0 ? categoriesActive / categoryCount : 0,
    intensity: weightIn > 0 ? weighted / weightIn : 0,
  };
}

/** Quantified facts per 1,000 characters; 0 for an empty text. */
export function factsPerThousandChars(factCount: number, charCount: number): number {
  return charCount > 0 ? factCount / (charCount / 1000) : 0;
}

/** Full at `specificityFull` facts per 1,000 characters. */
export function specificity(perThousandChars: number, scoring: AnalyticsScoring): number {
  return Math.min(1, perThousandChars / scoring.specificityFull);
}

/** Linear from 1 (on time) to 0 at `lateDaysToZero` days late. */
export function timeliness(daysLate: number, scoring: AnalyticsScoring): number {
  return Math.max(0, 1 - daysLate / scoring.lateDaysToZero);
}

/** 1 up to `originalityFloor` similarity (shared boilerplate), falling linearly to 0 at a verbatim copy. */
export function originality(maxSimilarity: number, scoring: AnalyticsScoring): number {
  const floor = scoring.originalityFloor;
  return 1 - Math.min(1, Math.max(0, (maxSimilarity - floor) / (1 - floor)));
}

/** 0..100, 1 decimal. */
export function temperatureOf(c: TemperatureComponents, weights: ComponentWeights): number {
  const weightTotal = weights.breadth + weights.intensity + weights.specificity + weights.timeliness + weights.originality;
  return round(
    (100 *
      (weights.breadth * c.breadth +
        weights.intensity * c.intensity +
        weights.specificity * c.specificity +
        weights.timeliness * c.timeliness +
        weights.originality * c.originality)) /
      weightTotal,
    1,
  );
}

/** As stored and shown: 4 decimals. */
export function roundComponents(c: TemperatureComponents): TemperatureComponents {
  return {
    breadth: round(c.breadth, 4),
    intensity: round(c.intensity, 4),
    specificity: round(c.specificity, 4),
    timeliness: round(c.timeliness, 4),
    originality: round(c.originality, 4),
  };
}
