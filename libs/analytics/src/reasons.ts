// Chinese reasons for flags: what is wrong and the figure that triggered it. Kept apart from the
// arithmetic so wording can change without touching the model (tests pin the figures, not prose).

import type { DuplicateMatch } from './types';

/** A number as a person reads it: at most `digits` decimals, no trailing zeros. */
export function num(x: number, digits = 1): string {
  const f = 10 ** digits;
  return String(Math.round(x * f) / f);
}

/** Similarity as a whole percentage, rounded down so a flagged pair never reads above what it is. */
export function pct(similarity: number): string {
  return `${Math.floor(similarity * 100 + 1e-9)}%`;
}

/** The matched report's period as a person reads it: its name, the code when it has none. */
const periodOf = (m: DuplicateMatch): string => m.periodName || m.periodCode;

export const reasons = {
  cold: (temperature: number, threshold: number): string =>
    `温度 ${num(temperature)}，低于冷点阈值 ${num(threshold)}`,

  /** "温度 44，比上级「局机关党委」85 低 48%" (without the temperature when already said). */
  colderThanParent: (temperature: number, parentName: string, parentTemperature: number, below: number, temperatureSaid: boolean): string =>
    `${temperatureSaid ? '' : `温度 ${num(temperature)}，`}比上级「${parentName}」${num(parentTemperature)} 低 ${Math.round(below * 100)}%`,

  /** `period`: the period as a person reads it ('2026年上半年'; the code when it has no name). */
  missing: (period: string, dueOn: string | undefined): string =>
    dueOn
      ? `截至 ${dueOn} 未提交 ${period} 报告，温度按 0 计入本层级`
      : `已过截止时间仍未提交 ${period} 报告，温度按 0 计入本层级`,

  late: (period: string, days: number, dueOn: string | undefined): string =>
    `${period} 报告逾期 ${days} 天提交${dueOn ? `（截止日期 ${dueOn}）` : ''}`,

  declining: (temperature: number, previous: number, previousPeriod: string | null, drop: number, threshold: number): string =>
    `温度 ${num(temperature)}，较上期${previousPeriod ? `（${previousPeriod}）` : ''}的 ${num(previous)} 下降 ${num(drop)} 点，超过下滑阈值 ${num(threshold)}`,

  sameperiod: (other: DuplicateMatch, matchCount: number, atLeast: boolean, threshold: number): string =>
    `与「${other.unitName}」${periodOf(other)} 报告（#${other.reportId}）相似度 ${pct(other.similarity)}，达到雷同阈值 ${pct(threshold)}` +
    (matchCount > 1 ? `；同期另有${atLeast ? '至少' : ''} ${matchCount - 1} 份报告相似度不低于 ${pct(threshold)}` : ''),

  ownPrevious: (other: DuplicateMatch, threshold: number): string =>
    `与本单位上期（${periodOf(other)}）报告（#${other.reportId}）相似度 ${pct(other.similarity)}，达到雷同阈值 ${pct(threshold)}，疑似沿用旧稿`,

  repeatedPlans: (previousPeriod: string | null, similarity: number): string =>
    `下步打算与本单位上期${previousPeriod ? `（${previousPeriod}）` : ''}几乎逐字相同（相似度 ${pct(similarity)}），计划未随工作进展更新`,

  unfilled: (placeholders: number): string =>
    `报告中仍有 ${placeholders} 处模板占位符（如“x次”“××人次”）未填写实际数字`,

  lowSpecificity: (per1000: number, facts: number, chars: number, threshold: number): string =>
    `每千字仅 ${num(per1000, 2)} 个量化事实（全文 ${chars} 字，${facts} 个数字），低于阈值 ${num(threshold, 2)}`,
};
