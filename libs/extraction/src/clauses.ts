// Where clauses and sentences of the folded text begin and end, and small position helpers shared
// by the readers. A clause ends at ，；：; : (an ASCII comma only between non-digits: 1,200 is one
// number); a sentence at 。！？!? or a line break.
import type { Hit } from './matcher';
import { lowerBound } from './matcher';
import { isDigit } from './numbers';

/** 1 = ends a clause, 2 = ends a sentence (and a clause), by UTF-16 code. */
const DELIM = new Uint8Array(0x10000);
for (const ch of '，；：;:') DELIM[ch.charCodeAt(0)] = 1;
for (const ch of '。！？\n!?') DELIM[ch.charCodeAt(0)] = 2;

/** Clause and sentence scans stop after this many characters: no clause is longer, and unpunctuated
 * junk (a very long line without any delimiter) must not make the extraction quadratic. */
const MAX_CLAUSE = 200;
const MAX_SENTENCE = 600;

export function isAsciiLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

export function isCjk(c: number): boolean {
  return c >= 0x4e00 && c <= 0x9fff;
}

export function isClauseDelim(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c === 0x2c) return !(isDigit(s.charCodeAt(i - 1)) && isDigit(s.charCodeAt(i + 1)));
  return DELIM[c] !== 0;
}

export function clauseStart(s: string, pos: number): number {
  let i = pos - 1;
  const stop = Math.max(-1, pos - 1 - MAX_CLAUSE);
  while (i > stop && !isClauseDelim(s, i)) i--;
  return i + 1;
}

export function clauseEnd(s: string, pos: number): number {
  let i = pos;
  const stop = Math.min(s.length, pos + MAX_CLAUSE);
  while (i < stop && !isClauseDelim(s, i)) i++;
  return i;
}

export function sentenceStart(s: string, pos: number): number {
  let i = pos - 1;
  const stop = Math.max(-1, pos - 1 - MAX_SENTENCE);
  while (i > stop && DELIM[s.charCodeAt(i)] !== 2) i--;
  return i + 1;
}

/** The first of `words` that starts at `i`, or null. */
export function matchAt(s: string, i: number, words: readonly string[]): string | null {
  for (const w of words) if (s.startsWith(w, i)) return w;
  return null;
}

/** Whether a sorted position list has an entry in [from, to). */
export function anyIn(sorted: number[], from: number, to: number): boolean {
  let lo = 0,
    hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length && sorted[lo] < to;
}

/** Whether a trigger hit starts in [from, to). */
export function anyHitIn(hits: Hit[], from: number, to: number): boolean {
  const k = lowerBound(hits, from);
  return k < hits.length && hits[k].start < to;
}
