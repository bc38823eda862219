// Rule 9, layout does not change what is counted: text copied from a PDF or a Word preview breaks
// lines inside a sentence — inside a word ("专项督⏎查4次"), between a number and its measure word
// ("312⏎篇"). The metrics readers work on a copy of the folded text (same length, same offsets) in
// which such soft breaks are spaces, so clauses and sentences run on; the trigger automaton reads a
// single space between two CJK characters as nothing (matcher.ts), and a quantity allows one space
// before its measure word (quantities.ts). The structure (headings, problems, plans) still reads lines.
import { enumeratorAt } from './enumerators';
import { SOFT_BREAK_NEXT_STOP, SOFT_BREAK_PREV_STOP, SOFT_LINE_MIN } from './vocabulary/layout';

/** A line break is soft when the line before it is long (a wrapped line, not a heading), does not end a
 * sentence, and the next line starts with neither an enumerator nor a table or list mark. */
export function joinSoftBreaks(s: string): string {
  const soft: number[] = [];
  let lineStart = 0;
  for (let j = s.indexOf('\n'); j >= 0; lineStart = j + 1, j = s.indexOf('\n', j + 1)) {
    let p = j - 1;
    while (p >= lineStart && (s[p] === ' ' || s[p] === '\t')) p--;
    if (p < lineStart || SOFT_BREAK_PREV_STOP.includes(s[p]) || p - lineStart + 1 < SOFT_LINE_MIN) continue;
    let n = j + 1;
    while (n < s.length && (s[n] === ' ' || s[n] === '\t')) n++;
    if (n >= s.length || s[n] === '\n' || SOFT_BREAK_NEXT_STOP.includes(s[n])) continue;
    let e = s.indexOf('\n', n);
    if (e < 0) e = s.length;
    if (enumeratorAt(s, n, e, true)) continue;
    if (s.slice(lineStart, j).includes('\t') || s.slice(lineStart, j).includes('|')) continue; // table rows
    soft.push(j);
  }
  if (!soft.length) return s;
  let joined = '',
    from = 0;
  for (const j of soft) {
    joined += s.slice(from, j) + ' ';
    from = j + 1;
  }
  return joined + s.slice(from);
}
