import { chooseDefinition } from '../choose';
import { clauseStart } from '../clauses';
import { Kind } from '../matcher';
import { SENTENCE_END, TOPIC } from '../vocabulary/clause-shapes';
import type { MetricContext } from './context';
import type { Found } from './rule';

/**
 * "党课这一块，我给大家讲了2次课", "宣传上，全年悬挂横幅6条": a short topic clause just before the count's
 * clause names what its comment counts — only by a specific trigger.
 */
export function byTopicClause(ctx: MetricContext): Found | null {
  const { s, compiled, hits, excludes } = ctx.r;
  const { prev, q } = ctx;
  const cStart = ctx.clauseStart;
  if (ctx.column || ctx.leftStart !== cStart || cStart <= 0 || SENTENCE_END.test(s[cStart - 1])) return null;
  const pStart = clauseStart(s, cStart - 1);
  const topic = TOPIC.exec(s.slice(pStart, cStart - 1));
  if (!topic) return null;
  // a count ending inside the topic clause is a count of its own — except the 一块 of 这一块
  if (prev && prev.end > pStart && prev.end < cStart && !(topic[1].startsWith('这一') && prev.start >= pStart + topic.index + topic[0].indexOf(topic[1]))) return null;
  const choice = chooseDefinition(compiled, hits, excludes, ctx.candidates, { start: pStart, end: cStart - 1 }, { start: q.end, end: q.end });
  return choice && choice.hit && choice.hit.kind === Kind.Strong ? { ...choice, from: pStart } : null;
}
