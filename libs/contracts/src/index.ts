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

/**
 * The report files accepted: one list for the upload picker, every notice that names them and the
 * api (libs/documents detects exactly these formats, from the bytes — never from the name). A
 * .wps is not listed: WPS 文字 saves .docx by default and its own format is not Word's; the
 * notices say to save it as .docx.
 */
export const UPLOAD_FORMATS = ['docx', 'doc', 'pdf', 'txt'] as const;
export type UploadFormat = (typeof UPLOAD_FORMATS)[number];
/** For <input accept>. */
export const UPLOAD_ACCEPT = UPLOAD_FORMATS.map((f) => `.${f}`).join(',');
/** The accepted types in words, for notices (zh / en). */
export const UPLOAD_TYPES_TEXT = { zh: 'Word（.docx / .doc）、PDF（.pdf）、文本（.txt）', en: 'Word (.docx/.doc), PDF (.pdf) or text (.txt)' } as const;
/** What to do with a WPS document. */
export const UPLOAD_WPS_HINT = { zh: 'WPS 文档请先另存为 .docx', en: 'save a WPS document as .docx first' } as const;

export * from './labels';

export { normalizeUsername } from './username';
