import { triggerAcross } from '../choose';
import type { MetricContext } from './context';
import type { Found } from './rule';

/** "专题研究2次意识形态工作": the count splits the specific trigger that names it (专题研究意识形态工作). */
export function bySplitTrigger(ctx: MetricContext): Found | null {
  if (ctx.column) return null;
  const { s, compiled } = ctx.r;
  return triggerAcross(compiled, s, ctx.candidates, ctx.q, ctx.leftStart, ctx.rightEnd);
}
