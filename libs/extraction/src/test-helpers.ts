// Shorthands shared by the extractor's specs (excluded from the build).
import { explainMetrics, extract } from './extract';

/** [key, value] of each metric. */
export const pairs = (text: string) => extract(text).metrics.map((m) => [m.key, m.value] as const);

/** The only metric of the text (fails when there is not exactly one). */
export const one = (text: string) => {
  const { metrics } = extract(text);
  expect(metrics).toHaveLength(1);
  return metrics[0];
};

/** [key, value, rule] of each metric: the step of metrics/rules.ts that named it. */
export const ruled = (text: string) => explainMetrics(text).map((m) => [m.key, m.value, m.rule] as const);
