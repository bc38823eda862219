// Template placeholders left unfilled where a count belongs: x次, xx余人次, XX篇, ×次, *次 — runs of at
// most four marks, not glued to letters or digits, not in quotes, followed (after 余/多) by a measure
// word of a count. 20XX年, X月X日 and ××党支部 are not: 年/月/党支部 are no such measure word.
import { clauseStart, isAsciiLetter, matchAt } from './clauses';
import type { ExtractionResult } from './result';
import { isDigit } from './numbers';
import { evidence, type Reading } from './reading';
import { PLACEHOLDER_UNITS } from './vocabulary/units';

const isMark = (c: number) => c === 0x78 || c === 0x58 || c === 0xd7 || c === 0x2a; // x X × *

export function readPlaceholders(r: Reading): ExtractionResult['placeholders'] {
  const { s, mask } = r;
  const n = s.length;
  const placeholders: ExtractionResult['placeholders'] = [];
  let after = -1;
  for (const at of r.scan.marks) {
    if (at < after) continue;
    let j = at;
    while (j < n && isMark(s.charCodeAt(j))) j++;
    after = j;
    const before = s.charCodeAt(at - 1);
    const run = j - at;
    if (isAsciiLetter(before) || isDigit(before) || run > 4 || mask[at] & 2) continue;
    let k = j;
    if (s[k] === '余' || s[k] === '多') k++;
    const u = matchAt(s, k, PLACEHOLDER_UNITS);
    if (!u) continue;
    placeholders.push({ evidence: evidence(r, Math.max(clauseStart(s, at), at - 24), k + u.length) });
  }
  return placeholders;
}
