import { isCjk, sentenceStart } from '../clauses';
import { ADDED, NOT_VERBS } from '../vocabulary/clause-shapes';
import type { MetricContext } from './context';
import type { Found } from './rule';

/** The verb right before a count, past a 了 (讲了2次 → 讲), or '' when it is no verb. */
export function verbBefore(s: string, at: number): string {
  let k = at - 1;
  if (s[k] === ' ') k--;
  if (s[k] === '了') k--;
  const v = s[k] ?? '';
  return isCjk(v.charCodeAt(0)) && !NOT_VERBS.includes(v) ? v : '';
}

/**
 * "讲了2次课，又请领导来讲了1次": a count added with 又/还/再/另 that names nothing, with the same verb
 * and measure word as the metric before it in the sentence, is the same thing as that metric.
 */
export function byAddedCount(ctx: MetricContext): Found | null {
  const { s } = ctx.r;
  const { q, found } = ctx;
  if (ctx.column || ctx.leftStart !== ctx.clauseStart || !ADDED.test(s.slice(ctx.clauseStart, q.start))) return null;
  const last = found.length ? found[found.length - 1] : undefined;
  const verb = verbBefore(s, q.start);
  if (last && last.at >= sentenceStart(s, q.start) && last.unit === q.unit && verb && verb === verbBefore(s, last.at)) {
    return { def: last.def, hit: null, side: 'left', score: 0 };
  }
  return null;
}
