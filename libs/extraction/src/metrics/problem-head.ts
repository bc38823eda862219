import { chooseDefinition } from '../choose';
import { PROBLEM_NOUN } from '../vocabulary/not-activities';
import type { MetricContext } from './context';
import type { Found } from './rule';

/**
 * "对发现的2处宣传栏内容过期问题当即整改": after a count, a noun phrase is named by its last noun — a
 * problem (问题, 隐患, 风险点); the words before that noun only qualify it. A count named by such a
 * qualifier is named again from its other words, the qualifiers left out.
 */
export function problemIsTheHead(ctx: MetricContext, choice: Found): Found | null {
  const h = choice.hit;
  if (!h || choice.side !== 'right') return choice;
  const { s, compiled, hits, excludes } = ctx.r;
  const after = s.slice(h.end, ctx.rightSearch);
  const m = PROBLEM_NOUN.exec(after);
  if (!m) return choice;
  const head = h.end + m.index;
  const others = ctx.candidates.filter((d) => d !== choice.def);
  const again = chooseDefinition(compiled, hits, excludes, others, { start: ctx.leftStart, end: ctx.leftEnd }, { start: head, end: ctx.rightSearch });
  return again ?? choice;
}
