import { chooseDefinition } from '../choose';
import { anyIn, clauseStart } from '../clauses';
import { SENTENCE_END, TOTAL_ONLY } from '../vocabulary/clause-shapes';
import type { MetricContext } from './context';
import { NO_METRIC, type Found } from './rule';

/** Whether the count's clause holds nothing but a total (共计12场, 全年共签订6份) after a clause of the same sentence. */
export function isTotalOnly(ctx: MetricContext): boolean {
  const { s } = ctx.r;
  const cStart = ctx.clauseStart;
  return ctx.leftStart === cStart && cStart > 0 && TOTAL_ONLY.test(s.slice(cStart, ctx.q.start)) && !SENTENCE_END.test(s[cStart - 1]);
}

/** Where the clause before the count's own starts (after a count that ends in it). */
export function clauseBeforeStart(ctx: MetricContext): number {
  let pStart = clauseStart(ctx.r.s, ctx.clauseStart - 1);
  const prev = ctx.prev;
  if (prev && prev.end > pStart && prev.end < ctx.clauseStart) pStart = prev.end;
  return pStart;
}

/**
 * "开展志愿服务活动，共计12场": a clause that is only a total refers to the clause before it. A target
 * marker there (计划开展…，共计12场) makes the total a target: no metric.
 */
export function byTotalClause(ctx: MetricContext): Found | typeof NO_METRIC | null {
  if (!isTotalOnly(ctx)) return null;
  const { compiled, hits, excludes, markers } = ctx.r;
  const pStart = clauseBeforeStart(ctx);
  if (anyIn(markers, pStart, ctx.clauseStart)) return NO_METRIC;
  const choice = chooseDefinition(compiled, hits, excludes, ctx.candidates, { start: pStart, end: ctx.clauseStart - 1 }, { start: ctx.q.end, end: ctx.rightEnd });
  return choice && choice.side === 'left' ? { ...choice, from: pStart } : choice;
}
