// Cadences (cadences.ts): periods after 每, 一月一研判, the measure words of a cadence's times.
// Data only, compiled once when the module loads (see README, "Adding vocabulary or a rule"). At most
// 16 exports a file (exports.spec.ts): a bigger module's export object is slow to read under tsx.
import type { CadencePeriod } from '@thermocline/contracts';

/** 每 + period (每半年, 每季度…): longest first, so that 每半年 is not read as 每年. */
export const PERIODS: [string, CadencePeriod][] = [
  ['半年', 'half_year'],
  ['季度', 'quarter'],
  ['星期', 'week'],
  ['年度', 'year'],
  ['个月', 'month'],
  ['季', 'quarter'],
  ['周', 'week'],
  ['月', 'month'],
  ['年', 'year'],
];
/** 一月一研判, 一季一检查: the period between the two 一. */
export const SHORT_PERIODS: [string, CadencePeriod][] = [
  ['周', 'week'],
  ['月', 'month'],
  ['季度', 'quarter'],
  ['季', 'quarter'],
  ['年', 'year'],
];
/** A word before 每 that a cadence's evidence keeps (坚持每周一次集体阅读). */
export const CADENCE_LEAD = '坚持';
/** Measure words of a cadence's times (每月一次, 每季度2场). */
export const CADENCE_UNITS = new Set(['次', '场', '回', '期', '堂', '轮']);
