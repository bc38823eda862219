// Quantities: a numeral with its approximation marks (约, 余, 多, 左右…) and its measure word, or a
// table figure whose measure word its label names. Each says whether it can be a metric at all (not a
// percentage, a range's end, a measure word that starts an ordinary word…); the rest are boundaries
// that end the windows of their neighbours.
import { isAsciiLetter, isCjk, matchAt } from './clauses';
import { isCnNumeral, isCnNumeralCode, isCnUnitCode, isDigit, readNumeral } from './numbers';
import { tableColumn, tableLabel, tableRow } from './tables';
import { APPROX_AFTER, ASPECT_AFTER, EVENT_AFTER_JIE, NOT_NEARLY_BEFORE, OTHER_UNITS, RANGE_MARKS, UNIT_WORDS, WORD_BEFORE_ONE } from './vocabulary/units';

export interface Quantity {
  /** first character of the quantity (an approximating prefix included) */
  start: number;
  numStart: number;
  numEnd: number;
  /** after the measure word and any trailing qualifier */
  end: number;
  value: number;
  approx: boolean;
  chinese: boolean;
  /** measure word as it stands in the text, '' when none */
  unit: string;
  /** measure word as matched against definitions (人/次 → 人次) */
  measure: string;
  /** can be a metric at all (not a percentage, range end, unit-word…) */
  countable: boolean;
  /** a table cell flattened into a line ("支委会召开次数：6"): where its label starts */
  labelStart?: number;
  /** a figure in a row under a header row: its column's header cell ends here (the label is only that cell) */
  labelEnd?: number;
}

const unitCache = new WeakMap<string[], string[]>();
const unitFirstCache = new WeakMap<string[], Uint8Array>();
const unitsByFirstCache = new WeakMap<string[], Map<number, string[]>>();

export function readQuantities(s: string, mask: Uint8Array, measures: string[], starts: number[]): Quantity[] {
  let units = unitCache.get(measures);
  if (!units) {
    units = [...new Set([...measures, ...OTHER_UNITS])].sort((a, b) => b.length - a.length);
    unitCache.set(measures, units);
  }
  let unitFirst = unitFirstCache.get(units);
  if (!unitFirst) {
    unitFirst = new Uint8Array(0x10000);
    for (const u of units) unitFirst[u.charCodeAt(0)] = 1;
    unitFirstCache.set(units, unitFirst);
  }
  let byFirst = unitsByFirstCache.get(units);
  if (!byFirst) {
    byFirst = new Map<number, string[]>();
    for (const u of units) {
      const list = byFirst.get(u.charCodeAt(0)) ?? [];
      list.push(u); // units are sorted longest first
      byFirst.set(u.charCodeAt(0), list);
    }
    unitsByFirstCache.set(units, byFirst);
  }
  const unitAt = (k: number): string | null => {
    const list = (byFirst as Map<number, string[]>).get(s.charCodeAt(k));
    return list ? matchAt(s, k, list) : null;
  };
  const out: Quantity[] = [];
  const n = s.length;
  let i = -1;
  for (const at of starts) {
    if (at <= i) continue; // inside the numeral or quantity just read
    i = at;
    const c = s.charCodeAt(i);
    if ((c === 0x6570 /* 数 */ || c === 0x51e0) /* 几 */ && !isCnUnitCode(s.charCodeAt(i + 1))) continue;
    if (!isDigit(c)) {
      // a Chinese numeral matters only before a measure word: skip the many 一 of ordinary words fast
      let e = i + 1;
      while (e < n && (isCnNumeralCode(s.charCodeAt(e)) || s.charCodeAt(e) === 0x51e0)) e++;
      let f = e;
      const fc = s.charCodeAt(f);
      if (fc === 0x4f59 /* 余 */ || fc === 0x591a /* 多 */ || fc === 0x6765 /* 来 */ || fc === 0x20) f++;
      if (unitFirst[s.charCodeAt(f)] === 0) {
        i = e - 1;
        continue;
      }
    }
    const num = readNumeral(s, i);
    if (!num) continue;
    i = num.end - 1;
    if (mask[num.start] & 3) continue;
    const before = s.charCodeAt(num.start - 1);
    if (isAsciiLetter(before) || isDigit(before) || before === 0x2e) continue;
    // ordinals: 第三届, 第41个
    let b = num.start - 1;
    while (b >= 0 && s[b] === ' ') b--;
    if (s[b] === '第') continue;
    if (num.chinese && num.value === 1 && s.slice(num.start, num.end) === '一' && WORD_BEFORE_ONE.includes(s[num.start - 1] ?? '') && !(s[num.start - 1] === '周' && s[num.start - 2] === '每')) continue;
    // qualifiers and measure word
    let j = num.end;
    if (s[j] === ' ' && (s[j + 1] === '余' || s[j + 1] === '多')) j++; // "860 余人次" (PDF spacing)
    let approx = num.approx;
    if ((s[j] === '余' || s[j] === '多') && !approx) {
      approx = true;
      j++;
    } else if (s[j] === '来' && unitAt(j + 1)) {
      approx = true;
      j++;
    }
    let k = j;
    if (s[k] === ' ') k++;
    let unit = '',
      measure = '';
    if (s.startsWith('人/次', k)) {
      unit = '人/次';
      measure = '人次';
    } else {
      const u = unitAt(k);
      if (u) unit = measure = u;
    }
    if (!unit && !num.chinese) {
      const column = tableRow(s, num.start, num.end, measures) ?? tableColumn(s, num.start, num.end, measures);
      if (column) {
        out.push({ start: num.start, numStart: num.start, numEnd: num.end, end: num.end, value: num.value, approx: num.approx, chinese: false, unit: column.measure, measure: column.measure, countable: true, labelStart: column.start, labelEnd: column.end });
        continue;
      }
      const label = tableLabel(s, num.start, num.end, measures);
      if (label) {
        out.push({ start: num.start, numStart: num.start, numEnd: num.end, end: num.end, value: num.value, approx: num.approx, chinese: false, unit: label.measure, measure: label.measure, countable: true, labelStart: label.start });
        continue;
      }
    }
    if (!unit) {
      // a numeral without a measure word (a year, a percentage, a score): a boundary, never a metric
      if (!num.chinese) out.push({ start: num.start, numStart: num.start, numEnd: num.end, end: num.end, value: num.value, approx, chinese: false, unit: '', measure: '', countable: false });
      continue;
    }
    let end = k + unit.length;
    const word = unit[unit.length - 1] + (s[end] ?? '');
    let countable = !UNIT_WORDS.has(word) && !UNIT_WORDS.has(unit + (s[end] ?? ''));
    if (unit === '届' && isCjk(s.charCodeAt(end)) && !EVENT_AFTER_JIE.test(s[end])) countable = false; // 二十届四中全会
    if (unit === '个' && s.startsWith('月', end)) countable = false;
    if (matchAt(s, end, ASPECT_AFTER)) countable = false; // 问题主要有三个方面: the report's own points
    const tail = matchAt(s, end, APPROX_AFTER);
    if (tail) {
      approx = true;
      end += tail.length;
    }
    // approximating prefix
    let start = num.start;
    let p = num.start - 1;
    if (s[p] === ' ') p--;
    if (s[p] === '约') {
      approx = true;
      start = s[p - 1] === '大' ? p - 1 : p;
    } else if (s[p] === '概' && s[p - 1] === '大') {
      approx = true; // 大概200人次
      start = p - 1;
    } else if (s[p] === '近' && !NOT_NEARLY_BEFORE.includes(s[p - 1] ?? '')) {
      approx = true;
      start = s[p - 1] === '将' || s[p - 1] === '接' ? p - 1 : p;
    }
    // percentages and ranges
    if (s.slice(Math.max(0, start - 3), start) === '百分之') countable = false;
    const r = s[start - 1];
    if (r && RANGE_MARKS.includes(r) && (isDigit(s.charCodeAt(start - 2)) || isCnNumeral(s[start - 2] ?? ''))) countable = false;
    out.push({ start, numStart: num.start, numEnd: num.end, end, value: num.value, approx, chinese: num.chinese, unit, measure, countable });
    i = Math.max(i, end - 1);
  }
  return out;
}

/** Index of the first quantity starting at or after `pos` (quantities are in text order). */
export function firstQuantityFrom(quantities: Quantity[], pos: number): number {
  let lo = 0,
    hi = quantities.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (quantities[mid].start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
