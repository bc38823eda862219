// Vocabulary shared by the api, the worker and the web app. Plain constants and types only (and
// their labels for people, in labels.ts).

export const ROLES = ['admin', 'leader', 'secretary'] as const;
export type Role = (typeof ROLES)[number];

export const REPORT_STATUSES = ['queued', 'processing', 'extracted', 'failed'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const REVIEW_STATES = ['unreviewed', 'confirmed', 'corrected', 'rejected'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

export const MENTION_ORIGINS = ['auto', 'manual'] as const;
export type MentionOrigin = (typeof MENTION_ORIGINS)[number];

export const FLAG_CODES = [
  'cold',
  'missing_report',
  'late_report',
  'near_duplicate',
  'low_specificity',
  'unfilled_template',
  'declining',
  'repeated_plans',
] as const;
export type FlagCode = (typeof FLAG_CODES)[number];

export const CADENCE_PERIODS = ['week', 'month', 'quarter', 'half_year', 'year'] as const;
export type CadencePeriod = (typeof CADENCE_PERIODS)[number];

export const NORMALIZATIONS = ['per100', 'per_unit'] as const;
/** per100: divided by the unit's members ÷ 100; per_unit: the raw count per unit. */
export type Normalization = (typeof NORMALIZATIONS)[number];

/** Offsets into a report's stored plain text; `text` is exactly that slice. */
export interface Evidence {
  start: number;
  end: number;
  text: string;
}

export * from './labels';

export { normalizeUsername } from './username';
