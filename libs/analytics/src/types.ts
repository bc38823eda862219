// The public shapes of @thermocline/analytics. Plain data in, plain data out: no Dates are
// parsed from strings here and nothing is read from a database. Everything a flag carries as
// evidence is JSON-safe (dates as ISO strings) so the worker can store it in a JSON column as is.
//
// These shapes are a contract with the worker (`aggregate` job) and the api (dashboard): add
// optional fields freely, never rename or remove one.

import type { FlagCode, MentionOrigin, Normalization, ReviewState } from '@thermocline/contracts';

// ───────────────────────────── input ─────────────────────────────

export interface AnalyticsUnit {
  id: number;
  /** Stable slug (shown in flags' evidence of other units). */
  code: string;
  /** Display name, e.g. 县第二中学党支部 (named in near-duplicate reasons). */
  name: string;
  parentId: number | null;
  /** Absolute depth in the whole tree: 0 = the bureau. Intensity peers are the units of the same level. */
  level: number;
  /** Materialised path of ancestor ids and own id, slash-delimited: '/1/4/17/'. */
  path: string;
  /** 党员数. 0 (or less) means unknown: per-100 metrics then use the level's median member count. */
  memberCount: number;
}

export interface AnalyticsMetric {
  key: string;
  /** e.g. 'org', 'study', 'propaganda', 'online', 'civility' — breadth counts distinct categories. */
  category: string;
  /** per100: total ÷ (members ÷ 100); per_unit: the raw total. */
  normalization: Normalization;
  /** Weight in intensity; 0 leaves the metric out of intensity (it is still totalled). */
  weight: number;
  /**
   * Optional absolute target for one period, in the metric's own normalisation (per 100 members or
   * per unit). When set, a unit reaching it scores 1 on this metric whatever its peers did.
   */
  target?: number | null;
}

export interface AnalyticsMention {
  key: string;
  value: number;
  /** A same-key subset introduced by 其中 (catalogue rule 5): never added to the key's total twice. */
  subset: boolean;
  state: ReviewState;
  origin: MentionOrigin;
}

export interface AnalyticsReport {
  reportId: number;
  unitId: number;
  version: number;
  /** When this version was uploaded. */
  submittedAt: Date;
  /**
   * When the unit first uploaded any version for this period; timeliness and `late_report` are
   * judged on it, so a correction re-uploaded after the deadline does not make an on-time unit
   * late. Defaults to `submittedAt`.
   */
  firstSubmittedAt?: Date;
  /** Length of the report's plain text in characters. */
  charCount: number;
  /** Template placeholders left where figures belong (x次, ××人次 …). */
  placeholderCount: number;
  /** MinHash fingerprint from @thermocline/extraction, or null when the text was empty/unreadable. */
  fingerprint: string | null;
  mentions: AnalyticsMention[];
  /** The report's 下步打算 items, in order (the `repeated_plans` flag); omitted → not judged. */
  plans?: readonly string[];
}

export interface AnalyticsPeriod {
  /** e.g. '2026-H1'. */
  code: string;
  /**
   * The first instant that is late: 00:00 of the day after `dueOn` in the reporting time zone.
   * Build it with `deadlineFor(dueOn, timeZone)` so the api's `late` and this library agree.
   */
  deadline: Date;
  /** The due day as 'YYYY-MM-DD', only shown in reasons (截至 2026-07-10 未提交 …). */
  dueOn?: string;
  /** What a person reads ('2026年上半年'); reasons fall back to the code. */
  name?: string;
}

export interface AggregateInput {
  /** Every unit expected to report this period (normally the whole tree). */
  units: readonly AnalyticsUnit[];
  /** The metric catalogue. */
  metrics: readonly AnalyticsMetric[];
  /** The latest extracted version per unit for this period (at most one per unit). */
  reports: readonly AnalyticsReport[];
  /** The latest extracted version per unit of the previous period: self-copy detection. */
  previousReports?: readonly AnalyticsReport[];
  /** Stored temperatures of the previous period by unit id: the `declining` flag. */
  previousTemperatures?: ReadonlyMap<number, number>;
  period: AnalyticsPeriod;
  /** Code of the previous period, named in reasons ('2025-H2'); omitted → '上期'. */
  previousPeriodCode?: string | null;
  /** Name of the previous period for reasons ('2025年下半年'); omitted → the code. */
  previousPeriodName?: string | null;
  /** The moment of aggregation: decides missing (deadline passed) vs not yet due. */
  now: Date;
  /** Defaults to DEFAULT_ANALYTICS_CONFIG. */
  config?: AnalyticsConfig;
}

// ───────────────────────────── config ─────────────────────────────

export interface ComponentWeights {
  breadth: number;
  intensity: number;
  specificity: number;
  timeliness: number;
  originality: number;
}

export type ComponentName = keyof ComponentWeights;

export interface AnalyticsThresholds {
  /** Temperature (0..100) below which a reporting unit is flagged `cold`. */
  cold: number;
  /**
   * Share (0..1) by which a reporting unit's temperature may fall below its reporting parent's
   * before it is flagged `cold` too: 上热下冷 is relative to the chain. 0.4 flags a unit at half
   * its parent's temperature and leaves one 10% below alone.
   */
  coldRelative: number;
  /** Temperature points lost since the previous period above which a unit is flagged `declining`. */
  declineDrop: number;
  /** Quantified facts per 1,000 characters below which a report is flagged `low_specificity`. */
  lowSpecificity: number;
  /** Similarity (0..1, inclusive) from which two reports are flagged `near_duplicate`. */
  nearDuplicate: number;
  /** A level whose attenuation falls below this (0..1) marks the period's gap as detected. */
  attenuation: number;
}

export interface AnalyticsScoring {
  /** A unit at `peerMultiple` × its level's reference value scores 1 on a metric. */
  peerMultiple: number;
  /** A level with fewer reporting units than this borrows the reference of the whole tree. */
  minPeers: number;
  /** Facts per 1,000 characters that give full specificity. */
  specificityFull: number;
  /** Days late at which timeliness reaches 0 (linear in between). */
  lateDaysToZero: number;
  /** Similarity up to which originality is not reduced (shared boilerplate of party-work prose). */
  originalityFloor: number;
}

export interface AnalyticsConfig {
  weights: ComponentWeights;
  thresholds: AnalyticsThresholds;
  scoring: AnalyticsScoring;
}

/** A deep-partial config as an administrator sends it; missing fields keep their current value. */
export interface AnalyticsConfigPatch {
  weights?: Partial<ComponentWeights>;
  thresholds?: Partial<AnalyticsThresholds>;
  scoring?: Partial<AnalyticsScoring>;
}

export interface ConfigError {
  /** Dotted path of the offending field, e.g. 'weights.breadth'; '' for the whole object. */
  path: string;
  /** Human message in Chinese, ready for the admin UI. */
  message: string;
}

export type ConfigParseResult = { ok: true; config: AnalyticsConfig } | { ok: false; errors: ConfigError[] };

// ───────────────────────────── output ─────────────────────────────

export type UnitStatus =
  /** A report for the period is present. */
  | 'reported'
  /** No report and the deadline has passed: temperature 0, flag `missing_report`. */
  | 'missing'
  /** No report yet and the deadline has not passed: no temperature, no flags, not counted. */
  | 'not_due';

/** Each 0..1. */
export type TemperatureComponents = ComponentWeights;

export interface MetricScore {
  /** Counted total (review rules and same-key subsets applied). */
  total: number;
  /** Total per 100 members or per unit, as the metric's normalisation says. */
  normalized: number;
  /** What 1.0 is measured against: the target, or peerMultiple × the peers' median; null = no reference (metric left out). */
  reference: number | null;
  /** min(1, normalized ÷ reference); null when the metric is left out of intensity. */
  score: number | null;
}

export interface ReportFacts {
  /** Counted mentions (rejected ones excluded; subsets included: each is a stated figure). */
  factCount: number;
  charCount: number;
  /** factCount ÷ (charCount ÷ 1000), 2 decimals. */
  per1000Chars: number;
  /** Whole days after the deadline (0 when on time). */
  daysLate: number;
  /** Highest similarity to another unit's report of the period or to the unit's own previous report (0 when none compared). */
  maxSimilarity: number;
}

export interface DuplicateMatch {
  reportId: number;
  unitId: number;
  unitCode: string;
  unitName: string;
  periodCode: string;
  /** The period's name ('2026年上半年'), named in the reason; absent when the period has none. */
  periodName?: string;
  /** 0..1, 3 decimals. */
  similarity: number;
}

interface FlagOf<C extends FlagCode, E> {
  code: C;
  /** What is wrong and which figure triggered it, in Chinese. */
  reason: string;
  evidence: E;
}

export type ColdFlag = FlagOf<'cold', { reportId: number; temperature: number; threshold: number }>;
export type MissingReportFlag = FlagOf<'missing_report', { periodCode: string; deadline: string }>;
export type LateReportFlag = FlagOf<
  'late_report',
  { reportId: number; submittedAt: string; deadline: string; daysLate: number }
>;
export type NearDuplicateFlag = FlagOf<
  'near_duplicate',
  {
    reportId: number;
    /** true: another unit's report of the same period; false: the unit's own previous report. */
    samePeriod: boolean;
    /** The most similar report. */
    other: DuplicateMatch;
    /** Further same-period matches at or above the threshold, most similar first (at most 5). */
    alsoSimilar: DuplicateMatch[];
    /** How many same-period reports matched in all (including `other`); 1 for the own previous report. */
    matchCount: number;
    /** true when the candidate search stopped at its budget (huge clusters of copies): matchCount is then a lower bound. */
    matchCountIsMinimum: boolean;
    threshold: number;
  }
>;
export type LowSpecificityFlag = FlagOf<
  'low_specificity',
  { reportId: number; factCount: number; charCount: number; per1000Chars: number; threshold: number }
>;
export type UnfilledTemplateFlag = FlagOf<'unfilled_template', { reportId: number; placeholderCount: number }>;
export type DecliningFlag = FlagOf<
  'declining',
  {
    reportId: number;
    temperature: number;
    previousTemperature: number;
    previousPeriodCode: string | null;
    drop: number;
    threshold: number;
  }
>;

export type UnitFlag =
  | ColdFlag
  | MissingReportFlag
  | LateReportFlag
  | NearDuplicateFlag
  | LowSpecificityFlag
  | UnfilledTemplateFlag
  | DecliningFlag
  | RepeatedPlansFlag;

/** 下步打算 nearly word for word the previous period's: both texts, for the reader to compare. */
export type RepeatedPlansFlag = FlagOf<'repeated_plans', { reportId: number; previousPeriodCode: string | null; similarity: number; plans: string[]; previousPlans: string[] }>;

export interface UnitAggregate {
  unitId: number;
  reportId: number | null;
  status: UnitStatus;
  /** Counted totals of every key the report mentions (catalogue or not); {} without a report. */
  totals: Record<string, number>;
  /** One entry per catalogue metric when reported; {} otherwise. */
  metrics: Record<string, MetricScore>;
  /** null without a report. */
  components: TemperatureComponents | null;
  /** 0..100, 1 decimal; 0 when missing; null when not yet due. */
  temperature: number | null;
  facts: ReportFacts | null;
  /** In a stable order: missing_report, late_report, cold, declining, near_duplicate, unfilled_template, low_specificity. */
  flags: UnitFlag[];
}

export interface LevelSummary {
  /** Depth relative to the root asked for: root = 0. */
  level: number;
  /** Units of the subtree at this depth. */
  unitCount: number;
  /** Of those, the ones with a temperature (reported, or missing after the deadline). */
  ratedCount: number;
  /** Median temperature of the rated units; null when none. */
  medianTemperature: number | null;
  /** medianTemperature ÷ the level above's; null at the top or when either median is null or the one above is 0. 3 decimals. */
  attenuation: number | null;
}

export interface GapSummary {
  levels: LevelSummary[];
  /** 1 − (deepest rated level's median ÷ top rated level's median), 3 decimals; 0 when fewer than two rated levels or a top median of 0; negative when the bottom is warmer. */
  gapIndex: number;
  /** Some level's attenuation is below the threshold. */
  gapDetected: boolean;
  /** The level with the lowest attenuation below the threshold (where the heat is lost); null when none. */
  lossLevel: number | null;
}

export interface LevelUnit {
  unitId: number;
  path: string;
  /** Absolute level (0 = bureau), as stored. */
  level: number;
  temperature: number | null;
}

export interface SummarizeOptions {
  /** Defaults to DEFAULT_ANALYTICS_CONFIG.thresholds.attenuation. */
  attenuationThreshold?: number;
}

export interface PeriodAggregate {
  periodCode: string;
  /** One per input unit, in input order. */
  units: UnitAggregate[];
  /** Levels of the whole tree from its single root (parentId null); null when there is not exactly one root. */
  summary: GapSummary | null;
}
