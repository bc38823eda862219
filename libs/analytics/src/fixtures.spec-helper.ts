// Test fixtures shared by the specs (not exported from the package; excluded from the build).

import type { AnalyticsMention, AnalyticsMetric, AnalyticsReport, AnalyticsUnit } from './types';

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
