import { sentenceStart } from '../clauses';
import { subjectKey } from '../subject';
import type { MetricContext } from './context';
import type { Found } from './rule';

/** "理论学习中心组…，全年开展专题研讨6次": a count named only generally takes the sentence's specific subject. */
export function sentenceSubject(ctx: MetricContext, choice: Found): Found | null {
  if (ctx.partAt >= 0) return choice;
  const def = subjectKey(ctx.r, choice.def, ctx.candidates, ctx.clauseStart, ctx.q.start);
  if (def === null) return choice;
  // "中心组集中学习6次，开展交流研讨3次": the subject has its own count already; what follows is another activity
  const from = sentenceStart(ctx.r.s, ctx.clauseStart);
  for (let k = ctx.found.length - 1; k >= 0 && ctx.found[k].at >= from; k--) if (ctx.found[k].def === def) return choice;
  return { ...choice, def };
}
