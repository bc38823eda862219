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
  /** a political formula (DEFAULT_FORMULAS): its numerals are never metrics */
  Formula = 4,
}

export interface Hit {
  start: number;
  end: number;
  def: number;
  kind: Kind;
}

/**
 * Aho–Corasick automaton with a dense transition table over the alphabet of its words: scanning a
 * text is one table load per character, whatever the number of words (an admin may add many).
 * Characters that occur in no word map to 0 and send the automaton back to its root.
 */
export class AhoCorasick<T> {
  private readonly alpha = new Uint16Array(0x10000);
  private readonly width: number;
  /** transitions: Uint16 while there are fewer than 65,536 states (half the cache footprint) */
  private readonly delta: Uint16Array | Int32Array;
  private readonly out: ({ len: number; value: T }[] | undefined)[];
  /** 1 for states that end a word: a typed load on the hot path instead of an array lookup */
  private readonly final: Uint8Array;

  constructor(words: readonly (readonly [string, T])[]) {
    let letters = 1;
    for (const [w] of words) for (let i = 0; i < w.length; i++) if (this.alpha[w.charCodeAt(i)] === 0) this.alpha[w.charCodeAt(i)] = letters++;
    this.width = letters;
    // trie
    const goto: Map<number, number>[] = [new Map()];
    const own: ({ len: number; value: T }[] | undefined)[] = [undefined];
    for (const [w, value] of words) {
      if (!w) continue;
      let node = 0;
      for (let i = 0; i < w.length; i++) {
        const a = this.alpha[w.charCodeAt(i)];
        let to = goto[node].get(a);
        if (to === undefined) {
          to = goto.length;
          goto.push(new Map());
          own.push(undefined);
          goto[node].set(a, to);
        }
        node = to;
      }
      (own[node] ??= []).push({ len: w.length, value });
    }
    // breadth-first: failure links, outputs and the full transition table
    const states = goto.length;
    const delta = states < 0x10000 ? new Uint16Array(states * letters) : new Int32Array(states * letters);
    const fail = new Int32Array(states);
    const out: ({ len: number; value: T }[] | undefined)[] = new Array<{ len: number; value: T }[] | undefined>(states);
    out[0] = own[0];
    const queue: number[] = [];
    for (const [a, v] of goto[0]) {
      delta[a] = v;
      fail[v] = 0;
      queue.push(v);
    }
    for (let q = 0; q < queue.length; q++) {
      const u = queue[q];
      const f = fail[u];
      const inherited = out[f];
      out[u] = own[u] && inherited ? [...own[u], ...inherited] : (own[u] ?? inherited);
      const row = u * letters,
        frow = f * letters;
      for (let a = 1; a < letters; a++) {
        const v = goto[u].get(a);
        if (v === undefined) delta[row + a] = delta[frow + a];
        else {
          delta[row + a] = v;
          fail[v] = delta[frow + a];
          queue.push(v);
        }
      }
    }
    this.delta = delta;
    this.out = out;
    this.final = new Uint8Array(states);
    for (let k = 0; k < states; k++) if (out[k] !== undefined) this.final[k] = 1;
  }

  /** Calls `found(start, end, value)` for every occurrence of every word, in order of `end`. */
  scan(s: string, found: (start: number, end: number, value: T) => void): void {
    const alpha = this.alpha,
      delta = this.delta,
      final = this.final,
      width = this.width;
    let state = 0;
    let gap = -1; // the last space read as nothing ("巡 查" is 巡查, rule 9)
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      const a = alpha[c];
      if (a === 0) {
        if (c === 0x20 && state !== 0 && isCjkCode(s.charCodeAt(i - 1)) && isCjkCode(s.charCodeAt(i + 1))) gap = i;
        else state = 0;
        continue;
      }
      state = delta[state * width + a];
      if (final[state] === 0) continue;
      const o = this.out[state] as { len: number; value: T }[];
      for (let k = 0; k < o.length; k++) found(gap > i - o[k].len ? startOver(s, i, o[k].len, gap) : i + 1 - o[k].len, i + 1, o[k].value);
    }
  }
}

const isCjkCode = (c: number) => c >= 0x4e00 && c <= 0x9fff;

/** Where a word of `len` characters ending at `i` starts when spaces inside it were read as nothing. */
function startOver(s: string, i: number, len: number, gap: number): number {
  let k = i;
  for (let n = 1; n < len; n++) {
    k--;
    while (k <= gap && s.charCodeAt(k) === 0x20) k--;
  }
  return k;
}

export interface CompiledDefinitions {
  defs: MetricDefinition[];
  /** trigger words of the definitions */
  words: [string, { def: number; kind: Kind }][];
  /** measure word → indices of definitions counting in it */
  measureDefs: Map<string, number[]>;
  /** all measure words, longest first */
  measures: string[];
  /** one automaton per formula list (by identity, then by content): triggers and formulas in one pass */
  automata: WeakMap<string[], AhoCorasick<{ def: number; kind: Kind }>>;
  automataByContent: Map<string, AhoCorasick<{ def: number; kind: Kind }>>;
}

const cache = new WeakMap<MetricDefinition[], CompiledDefinitions>();
/** Definitions loaded afresh for every job (a new array with the same content) reuse the compiled form. */
const byContent = new Map<string, CompiledDefinitions>();
const CONTENT_CACHE = 16;

function remember<V>(map: Map<string, V>, key: string, value: V): void {
  map.set(key, value);
  if (map.size > CONTENT_CACHE) map.delete(map.keys().next().value as string);
}

/**
 * Compiled once per definitions array: by identity, else by content (JSON), so that an edited
 * catalogue — a new array, or the same array with different content — is compiled anew. An array
 * mutated in place after it was used must be passed as a copy.
 */
export function compileDefinitions(all: MetricDefinition[]): CompiledDefinitions {
  const cached = cache.get(all);
  if (cached) return cached;
  const signature = JSON.stringify(all);
  const same = byContent.get(signature);
  if (same) {
    cache.set(all, same);
    return same;
  }
  const defs = all.filter((d) => d.enabled !== false);
  const words: [string, { def: number; kind: Kind }][] = [];
  const seen = new Set<string>();
  const add = (raw: string, def: number, kind: Kind) => {
    const text = foldText(String(raw).trim());
    const id = `${def}/${kind}/${text}`;
    if (!text || seen.has(id)) return;
    seen.add(id);
    words.push([text, { def, kind }]);
  };
  const measureDefs = new Map<string, number[]>();
  defs.forEach((d, i) => {
    for (const t of d.triggers ?? []) add(t, i, Kind.Strong);
    for (const t of d.weakTriggers ?? []) add(t, i, Kind.Weak);
    for (const t of d.activityTriggers ?? []) add(t, i, Kind.Activity);
    for (const t of d.excludeTriggers ?? []) add(t, i, Kind.Exclude);
    for (const m of d.measureWords ?? []) {
      const w = foldText(String(m).trim());
      if (!w) continue;
      const list = measureDefs.get(w) ?? [];
      if (!list.includes(i)) list.push(i);
      measureDefs.set(w, list);
    }
  });
  const measures = [...measureDefs.keys()].sort((a, b) => b.length - a.length);
  const compiled = { defs, words, measureDefs, measures, automata: new WeakMap(), automataByContent: new Map() };
  cache.set(all, compiled);
  remember(byContent, signature, compiled);
  return compiled;
}

function automaton(c: CompiledDefinitions, formulas: string[]): AhoCorasick<{ def: number; kind: Kind }> {
  let ac = c.automata.get(formulas);
  if (ac) return ac;
  const signature = JSON.stringify(formulas);
  ac = c.automataByContent.get(signature);
  if (!ac) {
    const words = [...c.words];
    for (const f of formulas) {
      const t = foldText(String(f).trim());
      if (t) words.push([t, { def: -1, kind: Kind.Formula }]);
    }
    ac = new AhoCorasick(words);
    remember(c.automataByContent, signature, ac);
  }
  c.automata.set(formulas, ac);
  return ac;
}

/**
 * One pass: all trigger occurrences (sorted by start; a longer word hides the shorter ones it
 * contains, 舆情信息 hides 信息 — exclusion words excepted) and the spans of formulas, marked in `mask`
 * with bit 1.
 */
export function findHits(s: string, c: CompiledDefinitions, formulas: string[], mask: Uint8Array): { hits: Hit[]; excludes: Hit[]; activities: Hit[] } {
  const raw: Hit[] = [];
  const excludes: Hit[] = [];
  const activities: Hit[] = [];
  automaton(c, formulas).scan(s, (start, end, v) => {
    if (v.kind === Kind.Formula) {
      for (let k = start; k < end; k++) mask[k] |= 1;
      return;
    }
    const h: Hit = { start, end, def: v.def, kind: v.kind };
    if (v.kind === Kind.Exclude) excludes.push(h);
    else if (v.kind === Kind.Activity) activities.push(h);
    else raw.push(h);
  });
  const byStart = (a: Hit, b: Hit) => a.start - b.start || b.end - a.end;
  raw.sort(byStart);
  excludes.sort(byStart);
  activities.sort(byStart);
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
