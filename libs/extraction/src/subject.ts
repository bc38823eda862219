// A key that follows its context (issue 14): "理论学习中心组…，坚持每月集中学习一次，全年…开展专题研讨6次" —
// the sentence's subject (中心组) is a word that rules the general definition out (its excludeTriggers) and
// names a more specific one; the later clauses of the sentence that name the activity only generally
// (集中学习, 专题研讨) are that subject's. Shared by the metrics (metrics/rules.ts) and the cadences.
import { sentenceStart } from './clauses';
import { Kind, lowerBound } from './matcher';
import type { Reading } from './reading';
import { OWN_SUBJECT } from './vocabulary/clause-shapes';

/**
 * The definition the sentence's subject names instead of `def`, for a count whose own words run from
 * `clauseStart` to `at` — or null. Not when the count's own clause has a subject of its own (各支部, 机关干部).
 */
export function subjectKey(r: Reading, def: number, candidates: number[], clauseStart: number, at: number): number | null {
  const { s, excludes, hits } = r;
  // cheap first: most counts have no exclusion word of their definition before them at all
  let k0 = lowerBound(excludes, Math.max(0, clauseStart - 600));
  while (k0 < excludes.length && excludes[k0].start < clauseStart && excludes[k0].def !== def) k0++;
  if (k0 >= excludes.length || excludes[k0].start >= clauseStart) return null;
  if (OWN_SUBJECT.test(s.slice(clauseStart, at))) return null;
  const from = sentenceStart(s, clauseStart);
  for (let k = lowerBound(excludes, from); k < excludes.length && excludes[k].start < clauseStart; k++) {
    const x = excludes[k];
    if (x.def !== def) continue;
    // the strong word of another definition at the exclusion word (中心组 of study.central_group)
    for (let j = lowerBound(hits, Math.max(0, x.start - 8)); j < hits.length && hits[j].start <= x.start; j++) {
      const h = hits[j];
      if (h.kind === Kind.Strong && h.def !== def && h.end >= x.end && candidates.includes(h.def)) return h.def;
    }
  }
  return null;
}
