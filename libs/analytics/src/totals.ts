// Review rules and same-key subsets: what a report's total for a metric is.
//
// - confirmed and corrected mentions count (a person has checked them);
// - rejected mentions never count;
// - unreviewed mentions count until someone reviews them (the extractor's figure stands in the
//   meantime); this covers manual ones too, which the api normally stores as confirmed anyway;
// - a mention whose value is not a finite number ≥ 0 never counts (defensive: bad data must not
//   make a total NaN).
// - catalogue rule 5/7: a key's total is the sum of its counted mentions that are not same-key
//   subsets. When a key has no counted non-subset mention left (its whole was rejected or the
//   subset was re-keyed in review), its largest counted subset stands in: the activity happened
//   at least that often, and the largest, not the sum, because subsets of one whole may nest
//   (其中被采用18篇，其中省级5篇).

import type { AnalyticsMention } from './types';

/** Whether a mention counts at all under the review rules. */
export function countsTowardTotals(m: AnalyticsMention): boolean {
  if (m.state === 'rejected') return false;
  return Number.isFinite(m.value) && m.value >= 0;
}

/** Counted totals per key: review rules applied, same-key subsets never added twice. */
export function totalsFor(mentions: readonly AnalyticsMention[]): Record<string, number> {
  // Wholes go straight into the result; subsets wait aside and only fill keys no whole reached.
  const totals: Record<string, number> = {};
  let subsets: Map<string, number> | null = null;
  for (const m of mentions) {
    if (!countsTowardTotals(m)) continue;
    if (m.subset) {
      subsets ??= new Map();
      const best = subsets.get(m.key);
      if (best === undefined || m.value > best) subsets.set(m.key, m.value);
    } else {
      totals[m.key] = (totals[m.key] ?? 0) + m.value;
    }
  }
  if (subsets !== null) {
    for (const [key, best] of subsets) if (!Object.hasOwn(totals, key)) totals[key] = best;
  }
  return totals;
}

/** Number of counted mentions (stated figures), subsets included: each is a quantified fact. */
export function factCount(mentions: readonly AnalyticsMention[]): number {
  let n = 0;
  for (const m of mentions) if (countsTowardTotals(m)) n++;
  return n;
}
