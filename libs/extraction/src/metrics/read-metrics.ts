// The metrics of a text: for each count in text order — if it can be a metric at all and some
// definition counts in its measure word — build its context, drop it when a skip holds, then try the
// steps of RULES in order; the definition found names it, its evidence runs from the words that named
// it to the count.
import { sentenceStart } from '../clauses';
import type { Quantity } from '../quantities';
import { evidence, type Reading } from '../reading';
import { ACCEPTED } from '../vocabulary/clause-shapes';
import { UNIT_ALIASES } from '../vocabulary/units';
import { metricContext, type FoundMetric } from './context';
import { NO_METRIC, type Found } from './rule';
import { RULES } from './rules';
import { SKIPS, UNCLASSIFIED_SKIPS } from './skips';

/** Told, for each metric, the rule that found it (and the checks that re-keyed it): for explainMetrics. */
export type Trace = (metric: FoundMetric, rule: string) => void;

/**
 * `excluded`, when given, receives the counts a catalogue rule settles as no metric (a target, a change,
 * a per-unit figure, a total of a planned clause): they are not unclassified mentions either.
 */
export function readMetrics(r: Reading, cadenceTimes: Set<Quantity>, trace?: Trace, excluded?: Set<Quantity>): FoundMetric[] {
  const { s, mask, compiled, quantities } = r;
  const found: FoundMetric[] = [];
  const quantityEnds = new Set<number>();
  for (const x of quantities) if (x.unit) quantityEnds.add(x.end);
  for (let qi = 0; qi < quantities.length; qi++) {
    const q = quantities[qi];
    if (!q.countable || !q.measure || q.value <= 0 || mask[q.numStart] & 4 || cadenceTimes.has(q)) continue;
    const exact = compiled.measureDefs.get(q.measure);
    const alias = UNIT_ALIASES[q.measure] ? compiled.measureDefs.get(UNIT_ALIASES[q.measure]) : undefined;
    const candidates = exact && alias ? [...new Set([...exact, ...alias])] : (exact ?? alias);
    if (!candidates) continue;
    const ctx = metricContext(r, qi, candidates, quantityEnds, found);
    const skip = SKIPS.find((k) => k(ctx));
    if (skip) {
      if (excluded && !UNCLASSIFIED_SKIPS.includes(skip)) excluded.add(q);
      continue;
    }

    let choice: Found | null = null;
    let rule = '';
    for (const step of RULES) {
      if ('find' in step) {
        if (choice) continue;
        const f = step.find(ctx);
        if (f === NO_METRIC) {
          excluded?.add(q);
          break;
        }
        if (f) {
          choice = f;
          rule = step.find.name;
          if (f.from !== undefined) ctx.leftStart = f.from;
        }
      } else if (choice) {
        const checked = step.check(ctx, choice);
        if (checked && checked !== choice) rule += `+${step.check.name}`;
        choice = checked;
      }
    }
    if (!choice) continue;

    const def = compiled.defs[choice.def];
    const h = choice.hit;
    const leftStart = ctx.leftStart;
    let a: number;
    if (choice.side === 'left' && h) a = h.start - leftStart <= 12 ? leftStart : h.start;
    else a = q.start - leftStart <= 12 ? leftStart : q.start;
    const b = choice.side === 'right' && h ? h.end : q.end;
    const m: FoundMetric = {
      key: def.key,
      value: q.value,
      approx: q.approx,
      unit: q.unit,
      evidence: evidence(r, a, b),
      at: q.start,
      def: choice.def,
    };
    const inSubset = ctx.partAt >= 0;
    if (inSubset && ctx.whole && ctx.whole.key === def.key) m.subset = true;
    // "报送信息62条，被采用27条": the accepted pieces are part of the submitted ones, as after 其中
    else if (!inSubset && ACCEPTED.test(s.slice(ctx.clauseStart, q.start))) {
      const sStart = sentenceStart(s, ctx.clauseStart);
      const before = found.length ? found[found.length - 1] : undefined;
      if (before && before.at >= sStart && before.key === def.key) m.subset = true;
    }
    found.push(m);
    if (trace) trace(m, rule);
  }
  return found;
}
