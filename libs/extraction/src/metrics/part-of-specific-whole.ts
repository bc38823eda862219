import { Kind } from '../matcher';
import type { MetricContext } from './context';
import type { Found } from './rule';

/**
 * A part keeps its whole's key when it is named by a more general word of the same category
 * (中心组学习11次，其中专题研讨4次 → 4 中心组 sessions) or only by a generic word (其中原创稿件…, 含转载…).
 */
export function partOfSpecificWhole(ctx: MetricContext, choice: Found): Found | null {
  const whole = ctx.whole;
  if (!whole || whole.def === choice.def || !ctx.candidates.includes(whole.def)) return choice;
  const defs = ctx.r.compiled.defs;
  const w = defs[whole.def],
    p = defs[choice.def];
  if (w.category === p.category && (w.priority ?? 0) > (p.priority ?? 0)) return { ...choice, def: whole.def };
  if (choice.hit && choice.hit.kind === Kind.Weak) return { ...choice, def: whole.def };
  return choice;
}
