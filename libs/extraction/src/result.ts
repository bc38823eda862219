// What `extract` returns (the CLI prints it as JSON, the worker stores it).
import type { CadencePeriod, Evidence } from '@thermocline/contracts';
import type { Fingerprint } from './fingerprint';

export interface ExtractedMetric {
  key: string;
  value: number;
  approx: boolean;
  /** the measure word (次, 人次, 篇…), in Simplified form */
  unit: string;
  /** a 其中-subset of a mention with the same key: not added to the report's total */
  subset?: boolean;
  evidence: Evidence;
}

/** a count (numeral + measure word) that no key took and no catalogue rule excluded; never in totals */
export interface UnclassifiedCount {
  value: number;
  unit: string;
  evidence: Evidence;
}

export interface ExtractionResult {
  metrics: ExtractedMetric[];
  cadences: { key: string; per: CadencePeriod; times: number; evidence: Evidence }[];
  problems: { text: string; evidence: Evidence }[];
  plans: { text: string; evidence: Evidence }[];
  placeholders: { evidence: Evidence }[];
  /** counts no key took and no catalogue rule excluded (unclassified.ts), in text order */
  unclassified: UnclassifiedCount[];
  /** characters that are not whitespace */
  charCount: number;
  /** quantified mentions (metrics) per 1,000 characters */
  specificity: number;
  fingerprint: Fingerprint;
}
