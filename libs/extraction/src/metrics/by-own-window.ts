import { chooseDefinition } from '../choose';
import type { MetricContext } from './context';
import type { Found } from './rule';

/**
 * The words in the count's own window: its clause before it (from the count before it on) and after
 * it (up to the next count, a 其中, or a 、 that leads to the next count). A specific trigger beats a
 * generic one, a higher priority beats a lower one, a nearer word beats a farther one; an exclusion
 * word before the count (安全检查, 经济形势分析) rules its definition out.
 */
export function byOwnWindow(ctx: MetricContext): Found | null {
  const { compiled, hits, excludes } = ctx.r;
  return chooseDefinition(compiled, hits, excludes, ctx.candidates, { start: ctx.leftStart, end: ctx.leftEnd }, { start: ctx.q.end, end: ctx.rightSearch });
}
