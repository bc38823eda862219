// Tables flattened into text: a figure after a label that names its measure word (支委会召开次数：6),
// and a row of figures under a header row of labels (集中学习\t党课 over 26\t5). Only figures
// without a measure word of their own come here (quantities.ts).
import { isClauseDelim } from './clauses';
import type { Span } from './structure';
import { CELL_NUMBER, CELL_PUNCT, LABEL_SEP, LABEL_STOP, TABLE_UNIT } from './vocabulary/tables';
import { UNIT_ALIASES } from './vocabulary/units';

/**
 * A figure standing alone after a label that names its measure word — a table flattened into lines:
 * "支委会召开次数：6", "公众号推送（篇）：28", "参与志愿服务人次：42". Returns the label's start and the
 * measure word (one a definition counts in), or null.
 */
export function tableLabel(s: string, numStart: number, numEnd: number, measures: string[]): { start: number; measure: string } | null {
  let e = numEnd;
  while (s[e] === ' ') e++;
  if (e < s.length && !LABEL_STOP.has(s[e]) && !isClauseDelim(s, e)) return null;
  let b = numStart - 1;
  while (b >= 0 && s[b] === ' ') b--;
  if (b < 1 || !LABEL_SEP.has(s[b])) return null;
  let a = b - 1;
  while (a >= 0 && b - a <= 30 && s[a] !== '\n' && !(isClauseDelim(s, a) && s[a] !== '：' && s[a] !== ':')) a--;
  const start = a + 1;
  const label = s.slice(start, b).trimEnd();
  if (!label) return null;
  const measure = labelMeasure(label, measures);
  return measure ? { start, measure } : null;
}

/** The measure word a table label names: 推送（篇）, 支委会召开次数, 参与志愿服务人次 — or null. */
export function labelMeasure(label: string, measures: string[]): string | null {
  const known = (u: string) => measures.includes(u) || (UNIT_ALIASES[u] !== undefined && measures.includes(UNIT_ALIASES[u]));
  let measure: string | null = null;
  const last = label[label.length - 1];
  if (last === '）' || last === ')') {
    const open = Math.max(label.lastIndexOf('（'), label.lastIndexOf('('));
    const inner = open >= 0 ? label.slice(open + 1, -1).trim() : '';
    if (inner && known(inner)) measure = inner;
  } else {
    const head = last === '数' ? label.slice(0, -1) : label;
    for (const u of measures) {
      if ((last === '数' || u.length >= 2) && head.endsWith(u) && (!measure || u.length > measure.length)) measure = u;
    }
  }
  if (!measure) return null;
  return UNIT_ALIASES[measure] && !measures.includes(measure) ? UNIT_ALIASES[measure] : measure;
}

/** Cells of the line [a, b): split at | in a Markdown-style row, at tabs when the line has any, else at runs of spaces. */
function tableCells(s: string, a: number, b: number): Span[] {
  if (s[a] === '|') return pipeCells(s, a, b);
  const tabbed = s.slice(a, b).includes('\t');
  const cells: Span[] = [];
  let i = a;
  while (i < b) {
    while (i < b && (s[i] === '\t' || (!tabbed && (s[i] === ' ' || s[i] === '\u3000')))) i++;
    if (i >= b) break;
    let j = i;
    while (j < b && s[j] !== '\t' && (tabbed || (s[j] !== ' ' && s[j] !== '\u3000'))) j++;
    let e = j;
    while (e > i && (s[e - 1] === ' ' || s[e - 1] === '\u3000')) e--;
    let st = i;
    while (st < e && (s[st] === ' ' || s[st] === '\u3000')) st++;
    if (e > st) cells.push({ start: st, end: e });
    i = j;
  }
  return cells;
}

/**
 * A figure in a row of figures right under a header row of labels — a summary table flattened into
 * text ("集中学习\t党课\t主题党日" over "26\t5\t12", or "公众号推送（篇） 被上级采用（条）" over "124 31"),
 * optionally with a row label first ("项目\t党课…" over "次数\t5…"). The figure's label is its column's
 * header cell; the measure word is the one that cell names, else the row label's (次数), else the
 * table's "单位：次" on one of the two lines above, else the one the other header cells agree on.
 * Only one row under the header is read: further rows (per branch, per month…) would be parts.
 */
export function tableColumn(s: string, numStart: number, numEnd: number, measures: string[]): { start: number; end: number; measure: string } | null {
  let ls = numStart;
  while (ls > 0 && s[ls - 1] !== '\n') ls--;
  let le = numEnd;
  while (le < s.length && s[le] !== '\n') le++;
  if (le - ls > 200 || ls < 2) return null;
  const row = tableCells(s, ls, le);
  if (row.length < 2) return null;
  const idx = row.findIndex((c) => c.start === numStart && c.end === numEnd);
  if (idx < 0) return null;
  const rowLabel = CELL_NUMBER.test(s.slice(row[0].start, row[0].end)) ? null : s.slice(row[0].start, row[0].end);
  if (rowLabel !== null && (idx === 0 || rowLabel.length > 10 || CELL_PUNCT.test(rowLabel))) return null;
  for (let k = rowLabel === null ? 0 : 1; k < row.length; k++) if (!CELL_NUMBER.test(s.slice(row[k].start, row[k].end))) return null;
  const he = ls - 1;
  let hs = he;
  while (hs > 0 && s[hs - 1] !== '\n') hs--;
  if (he - hs > 300) return null;
  const head = tableCells(s, hs, he);
  if (head.length !== row.length) return null;
  for (const c of head) {
    const t = s.slice(c.start, c.end);
    if (t.length > 24 || CELL_PUNCT.test(t) || /[0-9]/.test(t[0])) return null;
  }
  const cell = head[idx];
  let measure = labelMeasure(s.slice(cell.start, cell.end), measures) ?? (rowLabel !== null ? labelMeasure(rowLabel, measures) : null);
  if (!measure) {
    let cs = hs - 1;
    for (let up = 0; up < 2 && cs > 0; up++) {
      let a = cs - 1;
      while (a > 0 && s[a - 1] !== '\n') a--;
      const m = TABLE_UNIT.exec(s.slice(a, cs));
      if (m) {
        measure = labelMeasure(m[1], measures) ?? (measures.includes(m[1]) ? m[1] : null);
        break;
      }
      cs = a - 1;
    }
  }
  if (!measure) {
    const others = new Set(head.map((c) => labelMeasure(s.slice(c.start, c.end), measures)).filter((m): m is string => m !== null));
    if (others.size === 1) measure = [...others][0];
  }
  return measure ? { start: cell.start, end: cell.end, measure } : null;
}

function pipeCells(s: string, a: number, b: number): Span[] {
  const cells: Span[] = [];
  let i = a + 1;
  while (i < b) {
    let j = s.indexOf('|', i);
    if (j < 0 || j > b) j = b;
    let st = i,
      e = j;
    while (st < e && (s[st] === ' ' || s[st] === '\u3000')) st++;
    while (e > st && (s[e - 1] === ' ' || s[e - 1] === '\u3000')) e--;
    if (e > st) cells.push({ start: st, end: e });
    i = j + 1;
  }
  return cells;
}

/** The line [start, end) around `pos`. */
function lineAround(s: string, pos: number): Span {
  let a = pos;
  while (a > 0 && s[a - 1] !== '\n') a--;
  let b = pos;
  while (b < s.length && s[b] !== '\n') b++;
  while (a < b && (s[a] === ' ' || s[a] === '\u3000')) a++;
  return { start: a, end: b };
}

/**
 * A figure in the count column of a label–count table ("支委会 | 6" or "集中学习⇥12" rows under a header
 * "工作内容 | 次数"): the rows above it up to the header have the same cells, and the header cell over the
 * figure names only a measure word (次数, 篇数, （次）). The figure's label is its row's first cell.
 */
export function tableRow(s: string, numStart: number, numEnd: number, measures: string[]): { start: number; end: number; measure: string } | null {
  // the figure is a cell of its own: a | or a tab right before it (checked first: most figures are no cell)
  let b = numStart - 1;
  while (b >= 0 && (s[b] === ' ' || s[b] === '\u3000')) b--;
  if (s[b] !== '|' && s[b] !== '\t') return null;
  const line = lineAround(s, numStart);
  if (line.end - line.start > 200) return null;
  const row = tableCells(s, line.start, line.end);
  if (row.length < 2) return null;
  const idx = row.findIndex((c) => c.start === numStart && c.end === numEnd);
  if (idx < 1 || CELL_NUMBER.test(s.slice(row[0].start, row[0].end)) || CELL_PUNCT.test(s.slice(row[0].start, row[0].end))) return null;
  let above = line.start - 1;
  for (let up = 0; up < 40 && above > 0; up++) {
    const l = lineAround(s, above);
    const cells = tableCells(s, l.start, l.end);
    if (cells.length !== row.length) return null;
    const t = s.slice(cells[idx].start, cells[idx].end);
    if (!CELL_NUMBER.test(t)) {
      if (t.length > 4) return null;
      const measure = labelMeasure(t, measures);
      return measure ? { start: row[0].start, end: row[0].end, measure } : null;
    }
    above = l.start - 1;
  }
  return null;
}
