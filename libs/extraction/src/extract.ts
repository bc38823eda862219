// The extractor: stored plain text in, metrics (with evidence), cadences, problems, plans and
// placeholders out. One pass over the text for numerals and one for trigger words (reading.ts);
// everything else looks only at the clause around a numeral. No I/O.
import { DEFAULT_CATALOGUE, DEFAULT_FORMULAS, type MetricDefinition } from './catalogue';
import { readCadences } from './cadences';
import { fingerprint } from './fingerprint';
import { readMetrics } from './metrics/read-metrics';
import { readPlaceholders } from './placeholders';
import { evidence, readText } from './reading';
import type { Quantity } from './quantities';
import type { ExtractionResult } from './result';
import { readUnclassified } from './unclassified';

export type { ExtractedMetric, ExtractionResult, UnclassifiedCount } from './result';

export interface ExtractOptions {
  definitions?: MetricDefinition[];
  formulas?: string[];
}

export function extract(text: string, options: ExtractOptions = {}): ExtractionResult {
  const r = readText(text, options.definitions ?? DEFAULT_CATALOGUE, options.formulas ?? DEFAULT_FORMULAS);
  const { cadences, times } = readCadences(r);
  const excluded = new Set<Quantity>();
  const metrics = readMetrics(r, times, undefined, excluded);
  const unclassified = readUnclassified(r, new Set(metrics.map((m) => m.at)), times, excluded);
  const placeholders = readPlaceholders(r);
  const charCount = r.scan.charCount;
  const toItem = (it: { start: number; end: number }) => {
    const e = evidence(r, it.start, it.end);
    return { text: e.text, evidence: e };
  };
  return {
    metrics: metrics.map(({ at: _at, def: _def, ...m }) => m),
    cadences,
    problems: r.structure.problems.map(toItem),
    plans: r.structure.plans.map(toItem),
    placeholders,
    unclassified,
    charCount,
    specificity: charCount ? Math.round((metrics.length / charCount) * 1000 * 1000) / 1000 : 0,
    fingerprint: fingerprint(text),
  };
}

/** Each metric with the name of the rule that found it (metrics/rules.ts) — to see why a count got its key. */
export function explainMetrics(text: string, options: ExtractOptions = {}): { key: string; value: number; evidence: string; rule: string }[] {
  const r = readText(text, options.definitions ?? DEFAULT_CATALOGUE, options.formulas ?? DEFAULT_FORMULAS);
  const out: { key: string; value: number; evidence: string; rule: string }[] = [];
  readMetrics(r, readCadences(r).times, (m, rule) => out.push({ key: m.key, value: m.value, evidence: m.evidence.text, rule }));
  return out;
}
