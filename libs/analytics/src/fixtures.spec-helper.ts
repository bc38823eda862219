// Test fixtures shared by the specs (not exported from the package; excluded from the build).

import { DEFAULT_ANALYTICS_CONFIG } from './config';
import { deadlineFor } from './deadline';
import type { AggregateInput, AnalyticsMention, AnalyticsMetric, AnalyticsReport, AnalyticsUnit, UnitAggregate } from './types';

/**
 * A fingerprint whose 64 bins are chosen by hand: bin i of seed s holds s·100000 + i, and each bin
 * listed in `changed` holds a different value. Two fingerprints of one seed differing in c bins
 * have similarity (64 − c) ÷ 64 exactly; different seeds share no bin and no LSH band.
 */
export function fp(seed: number, changed: readonly number[] = []): string {
  let s = '';
  for (let i = 0; i < 64; i++) {
    const v = seed * 100000 + i + (changed.includes(i) ? 50000 : 0);
    s += v.toString(16).padStart(8, '0');
  }
  return s;
}

export function mention(key: string, value: number, extra: Partial<AnalyticsMention> = {}): AnalyticsMention {
  return { key, value, subset: false, state: 'unreviewed', origin: 'auto', ...extra };
}

export function unit(id: number, parentPath: string | null, memberCount: number, name: string): AnalyticsUnit {
  const path = `${parentPath ?? '/'}${id}/`;
  const level = path.split('/').filter(Boolean).length - 1;
  const parentId = parentPath === null ? null : Number(parentPath.split('/').filter(Boolean).pop());
  return { id, code: `u${id}`, name, parentId, level, path, memberCount };
}

export function report(
  unitId: number,
  mentions: AnalyticsMention[],
  extra: Partial<AnalyticsReport> = {},
): AnalyticsReport {
  return {
    reportId: 100 + unitId,
    unitId,
    version: 1,
    submittedAt: new Date('2026-07-05T10:00:00+08:00'),
    charCount: 1000,
    placeholderCount: 0,
    fingerprint: fp(unitId),
    mentions,
    ...extra,
  };
}

/** Four metrics in four categories; A, C and D per unit, B per 100 members; C weighs 2; D has a target of 4. */
export const A = 'org.ideology_meeting';
export const B = 'study.theme_day';
export const C = 'propaganda.news';
export const D = 'civility.volunteer_activities';
export const METRICS: AnalyticsMetric[] = [
  { key: A, category: 'org', normalization: 'per_unit', weight: 1 },
  { key: B, category: 'study', normalization: 'per100', weight: 1 },
  { key: C, category: 'propaganda', normalization: 'per_unit', weight: 2 },
  { key: D, category: 'civility', normalization: 'per_unit', weight: 1, target: 4 },
];

// ─────────────────────────────────────────────────────────────────────────────────────────────
// A bureau of three levels, worked out by hand with the default config:
//   weights breadth .2, intensity .35, specificity .15, timeliness .15, originality .15;
//   peerMultiple 2, minPeers 3, specificityFull 10/千字, lateDaysToZero 30, originalityFloor .5;
//   cold 40, declineDrop 15, lowSpecificity 2, nearDuplicate .8, attenuation .8.
//
//   1 县教育局党组 (L0, 200 members)
//   ├─ 2 局机关党委 (L1, 40)          └─ 5 机关第一党支部 (L2, 10)
//   ├─ 3 县第一中学党总支 (L1, 50)    ├─ 6 一中第一党支部 (L2, 20)
//   │                                 └─ 7 一中第二党支部 (L2, members unknown: 0)
//   └─ 4 县第二中学党总支 (L1, 60)    └─ 8 二中第一党支部 (L2, 10) — never reports
//
// Metrics: A org per unit w1 · B study per 100 members w1 · C propaganda per unit w2 · D civility
// per unit w1 with target 4 (reference 4 at every level). Intensity weights sum to 5.
// ─────────────────────────────────────────────────────────────────────────────────────────────

export const bureau = [
  unit(1, null, 200, '县教育局党组'),
  unit(2, '/1/', 40, '局机关党委'),
  unit(3, '/1/', 50, '县第一中学党总支'),
  unit(4, '/1/', 60, '县第二中学党总支'),
  unit(5, '/1/2/', 10, '机关第一党支部'),
  unit(6, '/1/3/', 20, '一中第一党支部'),
  unit(7, '/1/3/', 0, '一中第二党支部'),
  unit(8, '/1/4/', 10, '二中第一党支部'),
];

export const deadline = deadlineFor('2026-07-10'); // 2026-07-11 00:00 Beijing time
export const bureauReports: AnalyticsReport[] = [
  // u1: 4 facts / 2000 chars = 2 per 千字 (exactly the threshold: not low).
  report(1, [mention(A, 3), mention(B, 6), mention(C, 20), mention(D, 1)], { charCount: 2000 }),
  // u2: the rejected A 50 never counts; 3 facts / 1000 chars. Fingerprint 62/64 equal to its own
  // previous report below.
  report(2, [mention(A, 2, { state: 'confirmed' }), mention(A, 50, { state: 'rejected' }), mention(B, 4), mention(C, 10, { state: 'corrected' })]),
  // u3: C 12 is a same-key subset of C 30 (total 30, but 5 facts); first submitted 2026-07-13
  // 10:00 Beijing, i.e. 2 d 10 h after the deadline → 3 started days late.
  report(3, [mention(A, 1), mention(B, 5), mention(C, 30), mention(C, 12, { subset: true }), mention(D, 4)], {
    submittedAt: new Date('2026-07-13T10:00:00+08:00'),
  }),
  // u4: 3 facts / 2000 chars = 1.5 per 千字 → low_specificity.
  report(4, [mention(B, 3), mention(C, 10), mention(D, 8)], { charCount: 2000 }),
  // u5: 2 facts / 500 chars = 4 per 千字; two placeholders left in.
  report(5, [mention(A, 1), mention(B, 1)], { charCount: 500, placeholderCount: 2 }),
  report(6, [mention(B, 2), mention(C, 5), mention(D, 1, { origin: 'manual', state: 'confirmed' })]),
  // u7: a copy of u6's report: 6 of 64 bins changed → similarity 58/64 = 0.90625.
  report(7, [mention(B, 1)], { fingerprint: fp(6, [0, 4, 8, 12, 16, 20]) }),
];
const previousReports: AnalyticsReport[] = [report(2, [], { reportId: 92, fingerprint: fp(2, [0, 1]) })];

/** The bureau's period 2026-H1, aggregated on 2026-07-20; u4 had 80 the period before. */
export function bureauInput(over: Partial<AggregateInput> = {}): AggregateInput {
  return {
    units: bureau,
    metrics: METRICS,
    reports: bureauReports,
    previousReports,
    previousTemperatures: new Map([[4, 80]]),
    period: { code: '2026-H1', deadline, dueOn: '2026-07-10' },
    previousPeriodCode: '2025-H2',
    now: new Date('2026-07-20T09:00:00+08:00'),
    config: DEFAULT_ANALYTICS_CONFIG,
    ...over,
  };
}

/** A bureau with two branches and no reports, for edge cases; 2026-Q3, aggregated after its deadline. */
export const tiny = [unit(1, null, 30, '局党组'), unit(2, '/1/', 10, '甲支部'), unit(3, '/1/', 10, '乙支部')];
export function tinyInput(over: Partial<AggregateInput>): AggregateInput {
  return { units: tiny, metrics: METRICS, reports: [], period: { code: '2026-Q3', deadline }, now: new Date('2026-08-01T00:00:00Z'), ...over };
}

export function byUnit(rows: UnitAggregate[], id: number): UnitAggregate {
  const row = rows.find((r) => r.unitId === id);
  if (!row) throw new Error(`no row for unit ${id}`);
  return row;
}

export const codes = (row: UnitAggregate): string[] => row.flags.map((f) => f.code);
