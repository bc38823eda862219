import { sentenceStart } from '../clauses';
import { lowerBound, type Hit } from '../matcher';
import { OWN_ACTIONS, PEOPLE_CUES, TOTAL_CUES } from '../vocabulary/clause-shapes';
import type { MetricContext } from './context';
import type { Found } from './rule';

/**
 * "开展宣讲两场，…，覆盖学生2000人以上": a people count takes the activity named earlier in the sentence
 * (the last of a people definition's activity words) when its clause has a reach word (覆盖, 参与,
 * 受众, 累计…) or it is counted in 人次 — not when its own clause names another action (走访, 谈心…).
 */
export function byPeopleActivity(ctx: MetricContext): Found | null {
  const { s, compiled, activities } = ctx.r;
  const { q, candidates, leftStart } = ctx;
  const peopleDefs = candidates.filter((k) => compiled.defs[k].people);
  const clause = s.slice(ctx.clauseStart, ctx.clauseEnd);
  const own = s.slice(leftStart, q.start);
  const ownAction = OWN_ACTIONS.some((w) => own.includes(w));
  const cue = PEOPLE_CUES.some((w) => clause.includes(w) && !(ownAction && TOTAL_CUES.includes(w)));
  if (!peopleDefs.length || !(cue || (q.measure === '人次' && !ownAction))) return null;
  const sStart = sentenceStart(s, q.start);
  let found: Hit | null = null;
  for (let k = lowerBound(activities, sStart); k < activities.length && activities[k].end <= leftStart; k++) {
    if (peopleDefs.includes(activities[k].def)) found = activities[k];
  }
  return found ? { def: found.def, hit: found, side: 'sentence', score: 0 } : null;
}
