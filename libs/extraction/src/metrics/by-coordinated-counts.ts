import { chooseDefinition } from '../choose';
import { anyHitIn, clauseEnd } from '../clauses';
import { COORDINATED, OWN_ACTIONS, PEOPLE_CUES } from '../vocabulary/clause-shapes';
import type { MetricContext } from './context';
import type { Found } from './rule';

/**
 * "1名护士长、2名青年医师担任信息员", "与两家企业、三所学校结对共建": coordinated counts (up to four, joined
 * by 、 和 及 与 over bare nouns) share the words after the last of them.
 */
export function byCoordinatedCounts(ctx: MetricContext): Found | null {
  const { s, compiled, hits, excludes, quantities } = ctx.r;
  const { q, qi } = ctx;
  let choice: Found | null = null;
  let k = qi;
  for (let hop = 0; hop < 4 && !choice; hop++) {
    const cur = quantities[k],
      nx = k + 1 < quantities.length ? quantities[k + 1] : null;
    const curEnd = k === qi ? ctx.rightEnd : cur.end;
    if (!nx || !nx.countable || nx.start >= ctx.clauseEnd || (k === qi && curEnd !== nx.start)) break;
    // the phrase between is a bare noun: no word of any metric, no action of its own
    const gap = s.slice(cur.end, nx.start);
    if (!COORDINATED.test(gap) || anyHitIn(hits, cur.end, nx.start) || OWN_ACTIONS.some((w) => gap.includes(w)) || PEOPLE_CUES.some((w) => gap.includes(w))) break;
    let r = clauseEnd(s, nx.end);
    const after = k + 2 < quantities.length ? quantities[k + 2] : null;
    if (after && after.start < r) r = after.start;
    const c2 = chooseDefinition(compiled, hits, excludes, ctx.candidates, { start: q.start, end: q.start }, { start: nx.end, end: r });
    if (c2) choice = { ...c2, score: c2.score - (nx.end - q.end) };
    k++;
  }
  return choice;
}
