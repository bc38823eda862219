// Choosing a metric definition for a count: the best trigger word in a window on either side of it,
// or a specific trigger the count splits. Shared by the metrics rules and the cadences.
import type { CompiledDefinitions, Hit } from './matcher';
import { Kind, lowerBound } from './matcher';
import type { Quantity } from './quantities';
import type { Span } from './structure';

export interface Choice {
  def: number;
  hit: Hit | null;
  side: 'left' | 'right' | 'sentence';
  score: number;
}

export function chooseDefinition(
  c: CompiledDefinitions,
  hits: Hit[],
  excludes: Hit[],
  candidates: number[],
  left: Span,
  right: Span,
): Choice | null {
  const excluded = new Set<number>();
  for (let k = lowerBound(excludes, left.start); k < excludes.length && excludes[k].start < left.end; k++) {
    if (excludes[k].end <= left.end) excluded.add(excludes[k].def);
  }
  let best: Choice | null = null;
  const consider = (h: Hit, dist: number, side: 'left' | 'right') => {
    if (!candidates.includes(h.def) || excluded.has(h.def)) return;
    const tier = h.kind === Kind.Strong ? 3 : 1;
    const score = tier * 100 + (c.defs[h.def].priority ?? 0) - Math.min(dist, 60);
    if (!best || score > best.score || (score === best.score && h.def < best.def)) best = { def: h.def, hit: h, side, score };
  };
  for (let k = lowerBound(hits, left.start); k < hits.length && hits[k].start < left.end; k++) {
    const h = hits[k];
    if (h.end <= left.end) consider(h, left.end - h.end, 'left');
  }
  for (let k = lowerBound(hits, right.start); k < hits.length && hits[k].start < right.end; k++) {
    const h = hits[k];
    if (h.end <= right.end) consider(h, h.start - right.start + 3, 'right');
  }
  return best;
}

/**
 * "党组每半年专题研究一次意识形态工作": a count standing inside the word that names it. Joins the few
 * characters before the count (from `lo`) with those after it (to `hi`) and looks for a specific trigger
 * of a candidate that spans the join. Used only when nothing in reach names the count.
 */
export function triggerAcross(c: CompiledDefinitions, s: string, candidates: number[], q: Quantity, lo: number, hi: number): Choice | null {
  const a = Math.max(lo, q.start - 12);
  const b = Math.min(hi, q.end + 12);
  if (a >= q.start || b <= q.end) return null;
  const joined = s.slice(a, q.start) + s.slice(q.end, b);
  const junction = q.start - a;
  let byFirst = strongByFirst.get(c);
  if (!byFirst) {
    byFirst = new Map();
    for (const [w, v] of c.words) {
      if (v.kind !== Kind.Strong || w.length < 3) continue;
      const list = byFirst.get(w[0]) ?? [];
      list.push([w, v.def]);
      byFirst.set(w[0], list);
    }
    strongByFirst.set(c, byFirst);
  }
  let best: Choice | null = null;
  for (let from = Math.max(0, junction - 11); from < junction; from++) {
    const list = byFirst.get(joined[from]);
    if (!list) continue;
    for (const [w, def] of list) {
      if (from + w.length <= junction || !candidates.includes(def) || !joined.startsWith(w, from)) continue;
      const score = 300 + (c.defs[def].priority ?? 0) + w.length;
      if (!best || score > best.score) {
        const hit: Hit = { start: a + from, end: q.end + (from + w.length - junction), def, kind: Kind.Strong };
        best = { def, hit, side: 'right', score };
      }
    }
  }
  return best;
}
const strongByFirst = new WeakMap<CompiledDefinitions, Map<string, [string, number][]>>();
