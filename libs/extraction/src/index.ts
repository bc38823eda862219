export * from './fingerprint';
export { DEFAULT_CATALOGUE, DEFAULT_FORMULAS } from './catalogue';
export type { MetricDefinition, MetricCategory } from './catalogue';
export { prepareText } from './normalize';
export { extract } from './extract';
export type { ExtractOptions, ExtractionResult, ExtractedMetric } from './extract';
export { matchReportToUnit, nameSimilarity, parseName, MATCH_THRESHOLD } from './unit-match';
export type { IntakeUnit, UnitCandidate, UnitMatch } from './unit-match';
