// Trigger vocabulary compiled once per definitions array (cached by identity): a first-character index
// over folded strings, scanned in one pass over the text. Longer matches hide the shorter ones they
// contain (舆情信息 hides 信息; 新媒体 hides 媒体), except exclusion words, which always count.
import type { MetricDefinition } from './catalogue';
import { foldText } from './normalize';

export const enum Kind {
  Strong = 0,
  Weak = 1,
  Activity = 2,
  Exclude = 3,
}

export interface Hit {
  start: number;
  end: number;
  def: number;
  kind: Kind;
}

interface Entry {
  text: string;
  def: number;
  kind: Kind;
}

export interface CompiledDefinitions {
  defs: MetricDefinition[];
  byFirst: Map<number, Entry[]>;
  /** measure word → indices of definitions counting in it */
  measureDefs: Map<string, number[]>;
  /** all measure words, longest first */
  measures: string[];
}

const cache = new WeakMap<MetricDefinition[], CompiledDefinitions>();

export function compileDefinitions(all: MetricDefinition[]): CompiledDefinitions {
  const cached = cache.get(all);
  if (cached) return cached;
  const defs = all.filter((d) => d.enabled !== false);
  const byFirst = new Map<number, Entry[]>();
  const add = (raw: string, def: number, kind: Kind) => {
    const text = foldText(raw.trim());
    if (!text) return;
    const c = text.charCodeAt(0);
    let list = byFirst.get(c);
    if (!list) byFirst.set(c, (list = []));
    if (!list.some((e) => e.text === text && e.def === def && e.kind === kind)) list.push({ text, def, kind });
  };
  const measureDefs = new Map<string, number[]>();
  defs.forEach((d, i) => {
    for (const t of d.triggers ?? []) add(t, i, Kind.Strong);
    for (const t of d.weakTriggers ?? []) add(t, i, Kind.Weak);
    for (const t of d.activityTriggers ?? []) add(t, i, Kind.Activity);
    for (const t of d.excludeTriggers ?? []) add(t, i, Kind.Exclude);
    for (const m of d.measureWords ?? []) {
      const w = foldText(m.trim());
      if (!w) continue;
      const list = measureDefs.get(w) ?? [];
      if (!list.includes(i)) list.push(i);
      measureDefs.set(w, list);
    }
  });
  for (const list of byFirst.values()) list.sort((a, b) => b.text.length - a.text.length);
  const measures = [...measureDefs.keys()].sort((a, b) => b.length - a.length);
  const compiled = { defs, byFirst, measureDefs, measures };
  cache.set(all, compiled);
  return compiled;
}

/** All trigger occurrences, sorted by start; contained shorter hits removed (not exclusions). */
export function findHits(s: string, c: CompiledDefinitions): { hits: Hit[]; excludes: Hit[]; activities: Hit[] } {
  const raw: Hit[] = [];
  const excludes: Hit[] = [];
  const activities: Hit[] = [];
  const byFirst = c.byFirst;
  for (let i = 0; i < s.length; i++) {
    const list = byFirst.get(s.charCodeAt(i));
    if (!list) continue;
    for (const e of list) {
      if (e.text.length === 1 || s.startsWith(e.text, i)) {
        const h = { start: i, end: i + e.text.length, def: e.def, kind: e.kind };
        if (e.kind === Kind.Exclude) excludes.push(h);
        else if (e.kind === Kind.Activity) activities.push(h);
        else raw.push(h);
      }
    }
  }
  // raw is sorted by start, longest first within a start.
  const hits: Hit[] = [];
  let coverStart = -1,
    coverEnd = -1;
  for (const h of raw) {
    if (h.end <= coverEnd && !(h.start === coverStart && h.end === coverEnd)) continue;
    hits.push(h);
    if (h.end > coverEnd) {
      coverStart = h.start;
      coverEnd = h.end;
    }
  }
  return { hits, excludes, activities };
}

/** First index in `hits` whose start is ≥ pos. */
export function lowerBound(hits: Hit[], pos: number): number {
  let lo = 0,
    hi = hits.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (hits[mid].start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
