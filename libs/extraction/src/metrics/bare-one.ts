import { COMPARISON, COMPARISON_WORD_AFTER, COMPARISON_WORD_BEFORE } from '../vocabulary/not-activities';
import type { MetricContext } from './context';
import type { Found } from './rule';

/** A bare Chinese 一 (not 一百, not 1): the commonest character of any text, a count only in a few places. */
function isBareOne(ctx: MetricContext): boolean {
  const q = ctx.q;
  return q.chinese && q.value === 1 && ctx.r.s.slice(q.numStart, q.numEnd) === '一';
}

/** A bare 一 counts only right next to the word that names it (讲党课一次, 开展一次培训). */
export function bareOneNextToItsWord(ctx: MetricContext, choice: Found): Found | null {
  if (!isBareOne(ctx)) return choice;
  const h = choice.hit;
  const near = h && (choice.side === 'left' ? ctx.q.start - h.end <= 8 : h.start - ctx.q.end <= 1);
  return near ? choice : null;
}

/** "一段短视频比发一篇长文章管用": the standard of a comparison is no event (比赛, 评比, 比上年 are no comparison of that kind). */
export function bareOneNotComparedWith(ctx: MetricContext, choice: Found): Found | null {
  if (!isBareOne(ctx)) return choice;
  const before = ctx.clauseBefore;
  const cmp = COMPARISON.exec(before);
  return cmp && !COMPARISON_WORD_AFTER.test(cmp[1]) && !COMPARISON_WORD_BEFORE.test(before.slice(0, cmp.index)) ? null : choice;
}
