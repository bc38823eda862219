// The per-text facts every reader shares, found in one pass each: where numerals, 每, placeholder
// marks, quote openers and target markers stand, and the mask of characters no count is read from
// (formulas, quotes and titles, plan sections).
import { matchAt } from './clauses';
import { isCnNumeralCode, isDigit } from './numbers';
import type { Span } from './structure';
import { FORMULA_ANCHORS, FORMULA_PATTERNS } from './vocabulary/formulas';
import { FUTURE_NEXT, FUTURE_PREV, NOT_PLAN_BEFORE_NI, PLAN_DOC_AFTER, PLAN_DOC_BEFORE, TARGETS } from './vocabulary/targets';

const TARGET_FIRST = new Uint8Array(0x10000);
for (const t of TARGETS) TARGET_FIRST[t.charCodeAt(0)] = 1;
TARGET_FIRST['将'.charCodeAt(0)] = 1;

/** Positions of target markers (不少于, 至少, 确保, 力争, 计划, 将 as future, 每 …) outside quotes. */
export function targetMarkers(s: string, mask: Uint8Array, candidates: number[]): number[] {
  const out: number[] = [];
  for (const i of candidates) {
    if (mask[i] & 2) continue;
    const t = matchAt(s, i, TARGETS);
    if (t) {
      if (t === '计划' && (PLAN_DOC_BEFORE.includes(s[i - 1] ?? '\0') || PLAN_DOC_AFTER.includes(s[i + 2] ?? '\0'))) continue;
      if (t === '拟' && NOT_PLAN_BEFORE_NI.includes(s[i - 1] ?? '')) continue; // 模拟演练 is no plan
      out.push(i);
    } else if (s[i] === '将' && s[i + 1] !== '近') {
      if (FUTURE_PREV.includes(s[i - 1] ?? '') || matchAt(s, i + 1, FUTURE_NEXT)) out.push(i);
    }
  }
  return out;
}

export interface Scan {
  every: number[];
  marks: number[];
  quoteOpens: number[];
  numerals: number[];
  targets: number[];
  charCount: number;
}

/**
 * One pass for the per-character facts: where 每, placeholder marks (x X × *), quote openers,
 * numerals and target-marker first characters stand, and the number of visible characters.
 */
export function scanCharacters(s: string): Scan {
  const every: number[] = [];
  const marks: number[] = [];
  const quoteOpens: number[] = [];
  const numerals: number[] = [];
  const targets: number[] = [];
  let charCount = 0;
  // read once: under tsx (the benchmark, the tests) every read of an imported binding is a getter call
  const digit = isDigit,
    cnNumeral = isCnNumeralCode;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c <= 0x20) continue;
    charCount++;
    if (digit(c) || cnNumeral(c) || c === 0x6570 /* 数 */ || c === 0x51e0 /* 几 */) numerals.push(i);
    else if (c === 0x78 || c === 0x58 || c === 0xd7 || c === 0x2a /* x X × * */) marks.push(i);
    else if (c === 0x201c || c === 0x2018 || c === 0x300a || c === 0x3008 || c === 0x22) quoteOpens.push(i);
    if (TARGET_FIRST[c] !== 0) {
      targets.push(i);
      if (c === 0x6bcf /* 每 */) every.push(i);
    }
  }
  return { every, marks, quoteOpens, numerals, targets, charCount };
}

/**
 * Completes the mask (bit 1, formulas, is set by findHits): 1 more for the generic formula shapes
 * (二十届四中全会), 2 = inside quotes or a title, 4 = inside a plan section.
 */
export function completeMask(s: string, mask: Uint8Array, quoteOpens: number[], planRanges: Span[]): void {
  for (let r = 0; r < FORMULA_PATTERNS.length; r++) {
    if (!s.includes(FORMULA_ANCHORS[r])) continue;
    const re = FORMULA_PATTERNS[r];
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(s))) for (let k = m.index; k < m.index + m[0].length; k++) mask[k] |= 1;
  }
  // quotes and titles: “…” ‘…’ 《…》 〈…〉 and ASCII "…" on one line, at most 40 characters inside
  let skipTo = -1;
  for (const i of quoteOpens) {
    if (i < skipTo) continue;
    const open = s.charCodeAt(i);
    const close = open === 0x201c ? 0x201d : open === 0x2018 ? 0x2019 : open === 0x300a ? 0x300b : open === 0x3008 ? 0x3009 : 0x22;
    let j = i + 1;
    while (j < s.length && j - i <= 41 && s.charCodeAt(j) !== close && s.charCodeAt(j) !== 0x0a) j++;
    if (s.charCodeAt(j) === close && j - i <= 41) {
      for (let k = i + 1; k < j; k++) mask[k] |= 2;
      if (open === 0x22) skipTo = j + 1;
    }
  }
  for (const r of planRanges) for (let k = r.start; k < r.end && k < s.length; k++) mask[k] |= 4;
}
