// Nothing silently dropped (issue 14): every count — a numeral with a measure word — that no metric
// took and no catalogue rule excludes is an unclassified mention. Excluded: counts the metrics readers
// settled as no metric (targets, changes, per-unit figures: readMetrics' `excluded`), counts in plans,
// cadences, formulas, quotes, ordinals, percentages and ranges (never countable quantities), money,
// dates, durations, ages (rule 3), head-counts and teams or organisations covered (rule 6), a count a
// definition's excludeTriggers rule out (安全检查12次), and a bare 一 (一项重要工作: an article, not a count).
import { anyHitIn, clauseEnd, clauseStart, sentenceStart } from './clauses';
import type { Quantity } from './quantities';
import { evidence, type Reading } from './reading';
import type { UnclassifiedCount } from './result';
import { HEADCOUNT_UNITS, NEVER_COUNTED_UNITS, ORGANISATION_NOUN, ORGANISATION_NOUN_BEFORE, ORGANISATION_UNITS } from './vocabulary/unclassified';

export function readUnclassified(r: Reading, taken: Set<number>, cadenceTimes: Set<Quantity>, excluded: Set<Quantity>): UnclassifiedCount[] {
  const { s, mask, quantities } = r;
  const out: UnclassifiedCount[] = [];
  for (let qi = 0; qi < quantities.length; qi++) {
    const q = quantities[qi];
    if (!q.unit || !q.countable || q.value <= 0 || taken.has(q.start)) continue;
    if (mask[q.numStart] & 4 || cadenceTimes.has(q) || excluded.has(q)) continue;
    if (NEVER_COUNTED_UNITS.has(q.measure) || HEADCOUNT_UNITS.has(q.measure)) continue;
    if (q.chinese && q.value === 1 && q.numEnd - q.numStart === 1 && s[q.numStart] === '一') continue;
    const cStart = q.labelStart ?? clauseStart(s, q.start);
    if (anyHitIn(r.excludes, cStart, q.start)) continue;
    const next = qi + 1 < quantities.length ? quantities[qi + 1].start : s.length;
    if (ORGANISATION_UNITS.has(q.measure) && (ORGANISATION_NOUN.test(s.slice(q.end, Math.min(next, q.end + 12))) || ORGANISATION_NOUN_BEFORE.test(s.slice(Math.max(cStart, q.start - 6), q.start)))) continue;
    // the count's clause and the one before it (a sentence may run a whole paragraph)
    const sStart = sentenceStart(s, q.start);
    const a = cStart > sStart ? Math.max(sStart, clauseStart(s, cStart - 1)) : cStart;
    out.push({ value: q.value, unit: q.unit, evidence: evidence(r, a, clauseEnd(s, q.end)) });
  }
  return out;
}
