import type { MetricContext } from './context';
import type { Found } from './rule';

/** "开展志愿服务活动10次，其中3次在社区": a part without a word of its own is the same thing as its whole. */
export function bySubsetWhole(ctx: MetricContext): Found | null {
  const whole = ctx.whole;
  return whole && ctx.candidates.includes(whole.def) ? { def: whole.def, hit: null, side: 'left', score: 0 } : null;
}
