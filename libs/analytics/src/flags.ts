// A unit's flags: what a bureau party group acts on, each with a Chinese reason (reasons.ts) and
// JSON-safe evidence (dates as ISO strings). A reporting unit's flags come from FLAG_RULES, tried
// top to bottom; that order is the documented order of `UnitAggregate.flags`, so a new flag is one
// rule put in its place. aggregatePeriod runs the rules only once every unit of the period is
// measured: a rule that compares a unit with another one (its parent's temperature, say) gets that
// figure through a new field of FlagSubject.

import { firstSubmitted, type SamePeriodMatches } from './copies';
import { round } from './levels';
import { reasons } from './reasons';
import type { AnalyticsReport, AnalyticsThresholds, AnalyticsUnit, DuplicateMatch, MissingReportFlag, UnitFlag } from './types';

/** What the rules know about one reporting unit. */
export interface FlagSubject {
  unit: AnalyticsUnit;
  report: AnalyticsReport;
  temperature: number;
  /** The unit's stored temperature of the previous period, when there is one. */
  previousTemperature: number | undefined;
  /** Judged on the first submission. */
  daysLate: number;
  factCount: number;
  /** Facts per 1,000 characters, unrounded. */
  perThousandChars: number;
  samePeriod: SamePeriodMatches | null;
  ownPrevious: DuplicateMatch | null;
  /** The 下步打算 of the unit's latest report of the previous period, when known. */
  previousPlans?: readonly string[];
  /** The parent unit when it reported this period (its temperature is the chain's reference). */
  parent: { name: string; temperature: number } | null;
}

export interface FlagPeriod {
  code: string;
  /** What reasons name ('2026年上半年'); the code when absent. */
  name?: string;
  previousPeriodName?: string | null;
  /** Named in reasons when known. */
  dueOn: string | undefined;
  /** The first late instant, ISO. */
  deadline: string;
  previousPeriodCode: string | null;
  thresholds: AnalyticsThresholds;
}

export type FlagRule = (u: FlagSubject, period: FlagPeriod) => UnitFlag | null;

const lateReport: FlagRule = (u, p) =>
  u.daysLate > 0
    ? {
        code: 'late_report',
        reason: reasons.late(p.name ?? p.code, u.daysLate, p.dueOn),
        evidence: { reportId: u.report.reportId, submittedAt: new Date(firstSubmitted(u.report)).toISOString(), deadline: p.deadline, daysLate: u.daysLate },
      }
    : null;

/** Cold in absolute terms, or far colder than its own parent (上热下冷 is relative to the chain). */
const cold: FlagRule = (u, { thresholds }) => {
  const absolute = u.temperature < thresholds.cold;
  const parent = u.parent;
  const below = parent && parent.temperature > 0 ? (parent.temperature - u.temperature) / parent.temperature : 0;
  const relative = parent !== null && below > thresholds.coldRelative;
  if (!absolute && !relative) return null;
  const parts = [
    ...(absolute ? [reasons.cold(u.temperature, thresholds.cold)] : []),
    ...(relative && parent ? [reasons.colderThanParent(u.temperature, parent.name, parent.temperature, below, absolute)] : []),
  ];
  return {
    code: 'cold',
    reason: parts.join('；'),
    evidence: {
      reportId: u.report.reportId,
      temperature: u.temperature,
      threshold: thresholds.cold,
      ...(parent ? { parentName: parent.name, parentTemperature: parent.temperature, belowParent: round(below, 3), relativeThreshold: thresholds.coldRelative } : {}),
    },
  };
};

const declining: FlagRule = (u, { thresholds, previousPeriodCode, previousPeriodName }) => {
  const previous = u.previousTemperature;
  if (previous === undefined || !Number.isFinite(previous)) return null;
  const drop = round(previous - u.temperature, 1);
  if (!(drop > thresholds.declineDrop)) return null;
  return {
    code: 'declining',
    reason: reasons.declining(u.temperature, previous, previousPeriodName ?? previousPeriodCode, drop, thresholds.declineDrop),
    evidence: { reportId: u.report.reportId, temperature: u.temperature, previousTemperature: previous, previousPeriodCode, drop, threshold: thresholds.declineDrop },
  };
};

const copiesAnotherUnit: FlagRule = (u, { thresholds }) => {
  const m = u.samePeriod;
  if (m === null) return null;
  return {
    code: 'near_duplicate',
    reason: reasons.sameperiod(m.listed[0], m.matchCount, m.atLeast, thresholds.nearDuplicate),
    evidence: {
      reportId: u.report.reportId,
      samePeriod: true,
      other: m.listed[0],
      alsoSimilar: m.listed.slice(1),
      matchCount: m.matchCount,
      matchCountIsMinimum: m.atLeast,
      threshold: thresholds.nearDuplicate,
    },
  };
};

const copiesOwnPrevious: FlagRule = (u, { thresholds }) =>
  u.ownPrevious === null
    ? null
    : {
        code: 'near_duplicate',
        reason: reasons.ownPrevious(u.ownPrevious, thresholds.nearDuplicate),
        evidence: { reportId: u.report.reportId, samePeriod: false, other: u.ownPrevious, alsoSimilar: [], matchCount: 1, matchCountIsMinimum: false, threshold: thresholds.nearDuplicate },
      };

const unfilledTemplate: FlagRule = (u) =>
  u.report.placeholderCount > 0
    ? { code: 'unfilled_template', reason: reasons.unfilled(u.report.placeholderCount), evidence: { reportId: u.report.reportId, placeholderCount: u.report.placeholderCount } }
    : null;

const lowSpecificity: FlagRule = (u, { thresholds }) => {
  if (!(u.perThousandChars < thresholds.lowSpecificity)) return null;
  const shown = round(u.perThousandChars, 2);
  const charCount = u.report.charCount;
  return {
    code: 'low_specificity',
    reason: reasons.lowSpecificity(shown, u.factCount, charCount, thresholds.lowSpecificity),
    evidence: { reportId: u.report.reportId, factCount: u.factCount, charCount, per1000Chars: shown, threshold: thresholds.lowSpecificity },
  };
};

/** Plans this close (character bigrams, layout and numbering ignored) are the same plans again. */
export const REPEATED_PLANS_SIMILARITY = 0.85;

function planBigrams(plans: readonly string[]): Map<string, number> {
  const s = plans.join('').normalize('NFKC').replace(/[\s\p{P}\d一二三四五六七八九十是]/gu, '');
  const m = new Map<string, number>();
  for (let i = 0; i + 1 < s.length; i++) m.set(s.slice(i, i + 2), (m.get(s.slice(i, i + 2)) ?? 0) + 1);
  return m;
}

export function planSimilarity(a: readonly string[], b: readonly string[]): number {
  const x = planBigrams(a);
  const y = planBigrams(b);
  let both = 0;
  let nx = 0;
  let ny = 0;
  for (const [k, n] of x) {
    both += Math.min(n, y.get(k) ?? 0);
    nx += n;
  }
  for (const n of y.values()) ny += n;
  return nx + ny === 0 ? 0 : (2 * both) / (nx + ny);
}

const repeatedPlans: FlagRule = (u, { previousPeriodCode, previousPeriodName }) => {
  const now = u.report.plans;
  const before = u.previousPlans;
  if (!now?.length || !before?.length || now.join('').length < 10) return null;
  const similarity = round(planSimilarity(now, before), 2);
  if (similarity < REPEATED_PLANS_SIMILARITY) return null;
  return {
    code: 'repeated_plans',
    reason: reasons.repeatedPlans(previousPeriodName ?? previousPeriodCode, similarity),
    evidence: { reportId: u.report.reportId, previousPeriodCode, similarity, plans: [...now], previousPlans: [...before] },
  };
};

/** The flags of a reporting unit, in this order. (missing_report, first in the output order, is for units without a report.) */
export const FLAG_RULES: readonly FlagRule[] = [lateReport, cold, declining, copiesAnotherUnit, copiesOwnPrevious, repeatedPlans, unfilledTemplate, lowSpecificity];

export function flagsFor(u: FlagSubject, period: FlagPeriod): UnitFlag[] {
  const flags: UnitFlag[] = [];
  for (const rule of FLAG_RULES) {
    const flag = rule(u, period);
    if (flag !== null) flags.push(flag);
  }
  return flags;
}

/** The one flag of a unit without a report after the deadline: not also cold or declining. */
export function missingReportFlag(p: FlagPeriod): MissingReportFlag {
  return { code: 'missing_report', reason: reasons.missing(p.name ?? p.code, p.dueOn), evidence: { periodCode: p.code, deadline: p.deadline } };
}
