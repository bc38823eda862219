// What the metrics rules know about one count: its clause, the window of words that may name it, and
// whether it is a part of a count before it (其中, 56条（含转载8条）). Built once per count, before
// the skips and the rules (rules.ts) read it.
import { anyHitIn, clauseEnd, clauseStart, matchAt, sentenceStart } from '../clauses';
import type { ExtractedMetric } from '../result';
import type { Quantity } from '../quantities';
import type { Reading } from '../reading';
import { INCLUDES, PART_MARKERS } from '../vocabulary/clause-shapes';
import { TIME_FRAME_AFTER, TIME_FRAME_UNITS } from '../vocabulary/units';

const isOpenParen = (c: string | undefined) => c === '（' || c === '(';
const isCloseParen = (c: string | undefined) => c === '）' || c === ')';

/** A metric already found, with the count's position and its definition's index. */
export interface FoundMetric extends ExtractedMetric {
  at: number;
  def: number;
}

export interface MetricContext {
  r: Reading;
  /** the count and its index in r.quantities */
  q: Quantity;
  qi: number;
  /** the quantities right before and after it (boundaries of its window) */
  prev: Quantity | null;
  next: Quantity | null;
  /** definitions counting in the count's measure word */
  candidates: number[];
  /** the count's clause; for a table figure, from its label to the figure */
  clauseStart: number;
  clauseEnd: number;
  /** a figure in a row under a header row: the label is only its column's header cell */
  column: boolean;
  /** where the words before the count end (its label's end for a table figure) */
  labelEnd: number;
  /** the clause before the count: s.slice(clauseStart, labelEnd) */
  clauseBefore: string;
  /** the window searched for words naming the count: [leftStart, leftEnd) before, [q.end, rightSearch) after */
  leftStart: number;
  leftEnd: number;
  /** after the count: to the next count, a 其中 or the clause's end */
  rightEnd: number;
  /** rightEnd, or a 、 that leads to the next count (宣传墙1面、电子显示屏1块) */
  rightSearch: number;
  /** a part of a count before it (其中…, （含…）): where its marker starts, else -1 */
  partAt: number;
  /** that count, when it is in the same sentence and already a metric */
  whole: FoundMetric | undefined;
  /** the metrics found so far, in text order */
  found: readonly FoundMetric[];
}

export function metricContext(r: Reading, qi: number, candidates: number[], quantityEnds: Set<number>, found: readonly FoundMetric[]): MetricContext {
  const { s, quantities } = r;
  const q = quantities[qi];
  const cStart = q.labelStart ?? clauseStart(s, q.start);
  const column = q.labelEnd !== undefined;
  const cEnd = column ? q.end : clauseEnd(s, q.end);
  const labelEnd = q.labelEnd ?? q.start;

  // the window starts after the count before it in the clause, unless that is a time frame (一年下来)
  let leftStart = cStart;
  const prev = qi > 0 ? quantities[qi - 1] : null;
  const timeFrame = prev !== null && TIME_FRAME_UNITS.has(prev.unit) && TIME_FRAME_AFTER.test(s.slice(prev.end, prev.end + 2));
  if (!column && !timeFrame && prev && prev.end > leftStart && prev.end <= q.start) {
    leftStart = prev.end;
    // "举办5场专题党课、2期培训班": when the count before stood before its own noun, the words up to the
    // 、 are that count's; this one's noun comes after it (rule 9)
    let dun = q.start - 1;
    while (dun >= prev.end && s.charCodeAt(dun) !== 0x3001 /* 、 */) dun--;
    if (dun >= prev.end && anyHitIn(r.hits, prev.end, dun)) leftStart = dun + 1;
  }

  // 其中…, or a parenthesis opened right after a count with 含/包括/合计…: this count is a part of that one
  let partAt = -1,
    partEnd = -1;
  let closed = false; // a parenthesis closed before the count: the count is not inside it
  for (let k = q.start - 1; k >= cStart; k--) {
    if (isCloseParen(s[k])) closed = true;
    if (!closed && isOpenParen(s[k]) && quantityEnds.has(k)) {
      const w = matchAt(s, k + 1, PART_MARKERS);
      if (w) {
        partAt = k;
        partEnd = k + 1 + w.length;
        break;
      }
    }
    if (k + 1 < q.start && s.charCodeAt(k) === 0x5176 /* 其 */ && s.charCodeAt(k + 1) === 0x4e2d /* 中 */) {
      partAt = k;
      partEnd = k + 2;
      break;
    }
  }
  if (partAt >= 0 && partEnd > leftStart) leftStart = partEnd;

  // after the count: up to the next count, or a 其中 / a part's parenthesis that starts another part
  let rightEnd = cEnd;
  const next = qi + 1 < quantities.length ? quantities[qi + 1] : null;
  if (next && next.start < rightEnd && next.start >= q.end) rightEnd = next.start;
  for (let k = q.end; k + 1 < rightEnd; k++) {
    if ((s.charCodeAt(k) === 0x5176 && s.charCodeAt(k + 1) === 0x4e2d) || (k === q.end && isOpenParen(s[k]) && matchAt(s, k + 1, PART_MARKERS))) {
      rightEnd = k;
      break;
    }
  }
  // "宣传墙1面、电子显示屏1块": words after a 、 that lead to the next count are that count's, not this one's
  let rightSearch = rightEnd;
  if (next && rightEnd === next.start && next.countable) {
    for (let k = q.end; k < rightEnd - 1; k++) {
      if (s.charCodeAt(k) === 0x3001 /* 、 */) {
        rightSearch = k;
        break;
      }
    }
  }
  // 支委会（含专题研究意识形态工作）12次: what the thing includes does not name it
  let leftEnd = labelEnd;
  if (isCloseParen(s[q.start - 1])) {
    for (let k = q.start - 2; k >= leftStart; k--) {
      if (isCloseParen(s[k])) break;
      if (isOpenParen(s[k])) {
        if (matchAt(s, k + 1, INCLUDES)) leftEnd = k;
        break;
      }
    }
  }
  // the whole a part belongs to: the last metric before the part's marker, in the same sentence
  let whole: FoundMetric | undefined;
  if (partAt >= 0) {
    const sStart = sentenceStart(s, partAt);
    for (let k = found.length - 1; k >= 0; k--) {
      if (found[k].at < sStart) break;
      if (found[k].at < partAt) {
        whole = found[k];
        break;
      }
    }
  }
  return {
    r,
    q,
    qi,
    prev,
    next,
    candidates,
    clauseStart: cStart,
    clauseEnd: cEnd,
    column,
    labelEnd,
    clauseBefore: s.slice(cStart, labelEnd),
    leftStart,
    leftEnd,
    rightEnd,
    rightSearch,
    partAt,
    whole,
    found,
  };
}
