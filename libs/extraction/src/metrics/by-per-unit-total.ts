import { chooseDefinition } from '../choose';
import { anyIn, clauseStart } from '../clauses';
import { firstQuantityFrom } from '../quantities';
import { PER_UNIT, SENTENCE_END } from '../vocabulary/clause-shapes';
import { clauseBeforeStart, isTotalOnly } from './by-total-clause';
import type { MetricContext } from './context';
import { NO_METRIC, type Found } from './rule';

/**
 * "签了责任书，又跟3个班组长各签了一份，一共签了4份": the total of figures given per unit (各…一份, in the
 * same measure word) names what the clause before those figures names.
 */
export function byPerUnitTotal(ctx: MetricContext): Found | typeof NO_METRIC | null {
  const { prev, q } = ctx;
  const cStart = ctx.clauseStart;
  if (!prev || prev.end >= cStart || prev.unit !== q.unit || !isTotalOnly(ctx)) return null;
  const { s, compiled, hits, excludes, markers, quantities } = ctx.r;
  if (anyIn(markers, clauseBeforeStart(ctx), cStart)) return NO_METRIC; // (byTotalClause has said so already)
  const prevClause = clauseStart(s, prev.start);
  if (prevClause <= 0 || !PER_UNIT.test(s.slice(prevClause, prev.start)) || SENTENCE_END.test(s[prevClause - 1])) return null;
  let ppStart = clauseStart(s, prevClause - 1);
  for (let k = firstQuantityFrom(quantities, ppStart); k < quantities.length && quantities[k].end < prevClause; k++) ppStart = Math.max(ppStart, quantities[k].end);
  if (anyIn(markers, ppStart, prevClause)) return null;
  const choice = chooseDefinition(compiled, hits, excludes, ctx.candidates, { start: ppStart, end: prevClause - 1 }, { start: q.end, end: q.end });
  return choice ? { ...choice, from: ppStart } : null;
}
