// Counts that are no metric whatever words stand near them. Each skip is a named predicate over the
// count's context; a count any of them holds for is dropped before the rules (rules.ts) are tried.
import { anyIn } from '../clauses';
import { DISTRIBUTED_TOTAL, PER_UNIT } from '../vocabulary/clause-shapes';
import { AWARD_AFTER, AWARDS, CHANGE } from '../vocabulary/not-activities';
import type { MetricContext } from './context';

export type Skip = (ctx: MetricContext) => boolean;

/** A target marker (至少, 计划, 确保, 将…) before the count in its clause: a plan, not a fact. */
export function isTarget(ctx: MetricContext): boolean {
  return anyIn(ctx.r.markers, ctx.clauseStart, ctx.labelEnd);
}

/** A change against an earlier period (同比增加12篇, 较上年多开展3次). */
export function isChange(ctx: MetricContext): boolean {
  return CHANGE.test(ctx.clauseBefore);
}

/** "局属单位各明确1名网络信息员，共7名": a figure for each unit followed by the total — the total is counted. */
export function isPerUnitBeforeTotal(ctx: MetricContext): boolean {
  const s = ctx.r.s;
  return !ctx.column && PER_UNIT.test(ctx.clauseBefore) && DISTRIBUTED_TOTAL.test(s.slice(ctx.clauseEnd + 1, ctx.clauseEnd + 14));
}

/** Awards won are not activities held (在市级比赛中获奖12项, 5项获奖). */
export function isAward(ctx: MetricContext): boolean {
  const s = ctx.r.s;
  const leftText = s.slice(ctx.leftStart, ctx.q.start);
  return AWARDS.some((w) => leftText.includes(w)) || s.startsWith(AWARD_AFTER, ctx.q.end);
}

export const SKIPS: readonly Skip[] = [isTarget, isChange, isPerUnitBeforeTotal, isAward];

/** Skips that no catalogue rule makes: a count they drop (an award won) is still an unclassified mention. */
export const UNCLASSIFIED_SKIPS: readonly Skip[] = [isAward];
