// Enumerators: the markers that number a report's headings and items, with their level — 第一部分 0 ·
// 一、 1 · （一） 2 · 1. 3 · （1）/⑴/1） 4 · ① 5 · 问题1： 3 at a line's start · item-only markers 6
// (一是, 首先/其次/再次/最后, 一方面/另一方面, 第一，, • and Markdown bullets).
import { parseChinese } from './numbers';

export interface Enumerator {
  style: string;
  /** 0 第一部分 · 1 一、 · 2 （一） · 3 1. · 4 （1） · 5 ① · 6 item-only markers (一是, 首先, 一方面, •) */
  level: number;
  ordinal: number;
  /** end offset of the marker (and following spaces) */
  end: number;
}

const CN_NUM = '一二三四五六七八九十';
export const SPACE = /[ \t]/;

function cnOrdinal(s: string): number {
  const p = parseChinese(s);
  return p ? p.value : 0;
}

export function skipSpaces(s: string, i: number, end: number): number {
  while (i < end && SPACE.test(s[i])) i++;
  return i;
}

/** The enumerator at `i`, if any. `lineStart` allows the markers that only open a line (1. and bullets). */
export function enumeratorAt(s: string, i: number, end: number, lineStart: boolean): Enumerator | null {
  const c = s[i];
  if (c === undefined || i >= end) return null;
  // 第一部分 / 第一章 ; 第一，第二，
  if (c === '第') {
    let j = i + 1;
    while (j < end && CN_NUM.includes(s[j])) j++;
    if (j > i + 1) {
      const ord = cnOrdinal(s.slice(i + 1, j));
      if (s.startsWith('部分', j) || s[j] === '章') return { style: 'part', level: 0, ordinal: ord, end: skipSpaces(s, j + (s[j] === '章' ? 1 : 2), end) };
      if ('，,、：:'.includes(s[j] ?? '') || s[j] === '是') return { style: 'di', level: 6, ordinal: ord, end: skipSpaces(s, j + 1, end) };
    }
    return null;
  }
  if (CN_NUM.includes(c)) {
    let j = i;
    while (j < end && CN_NUM.includes(s[j])) j++;
    const ord = cnOrdinal(s.slice(i, j));
    if (s[j] === '是' && j - i <= 2) return { style: 'shi', level: 6, ordinal: ord, end: skipSpaces(s, j + 1, end) };
    if (lineStart && (s[j] === '、' || s[j] === '.') && j - i <= 3) return { style: 'cn-dun', level: 1, ordinal: ord, end: skipSpaces(s, j + 1, end) };
    if (s.startsWith('方面', j) && ord === 1 && s[i] === '一') return { style: 'side', level: 6, ordinal: 1, end: skipSpaces(s, j + 2, end) };
    return null;
  }
  if (c === '（' || c === '(') {
    let j = i + 1;
    if (CN_NUM.includes(s[j] ?? '')) {
      while (j < end && CN_NUM.includes(s[j])) j++;
      if ((s[j] === '）' || s[j] === ')') && j - i <= 4) return { style: 'cn-paren', level: 2, ordinal: cnOrdinal(s.slice(i + 1, j)), end: skipSpaces(s, j + 1, end) };
      return null;
    }
    while (j < end && /[0-9]/.test(s[j])) j++;
    if (j > i + 1 && j - i <= 3 && (s[j] === '）' || s[j] === ')')) return { style: 'num-paren', level: 4, ordinal: Number(s.slice(i + 1, j)), end: skipSpaces(s, j + 1, end) };
    return null;
  }
  if (/[0-9]/.test(c)) {
    if (!lineStart) return null;
    let j = i;
    while (j < end && /[0-9]/.test(s[j])) j++;
    if (j - i > 2) return null;
    const ord = Number(s.slice(i, j));
    if ((s[j] === '.' || s[j] === '、') && !/[0-9]/.test(s[j + 1] ?? '')) return { style: 'num-dot', level: 3, ordinal: ord, end: skipSpaces(s, j + 1, end) };
    if (s[j] === '）' || s[j] === ')') return { style: 'num-rparen', level: 4, ordinal: ord, end: skipSpaces(s, j + 1, end) };
    return null;
  }
  // "问题1：", "问题二：" opening a line: an item of a list of problems (an audit's or a self-check's)
  if (lineStart && c === '问' && s[i + 1] === '题') {
    let j = i + 2;
    while (j < end && (CN_NUM.includes(s[j]) || /[0-9]/.test(s[j]))) j++;
    if (j > i + 2 && j - i <= 5 && '：:、.'.includes(s[j] ?? '')) {
      const digits = s.slice(i + 2, j);
      const ord = /^[0-9]+$/.test(digits) ? Number(digits) : /^[0-9]/.test(digits) ? 0 : cnOrdinal(digits);
      if (ord > 0) return { style: 'noun-num', level: 3, ordinal: ord, end: skipSpaces(s, j + 1, end) };
    }
    return null;
  }
  const code = c.charCodeAt(0);
  if (code >= 0x2460 && code <= 0x2473) return { style: 'circled', level: 5, ordinal: code - 0x245f, end: skipSpaces(s, i + 1, end) };
  if (code >= 0x2474 && code <= 0x2487) return { style: 'num-paren', level: 4, ordinal: code - 0x2473, end: skipSpaces(s, i + 1, end) };
  if (s.startsWith('首先', i)) return { style: 'seq', level: 6, ordinal: 1, end: skipSpaces(s, i + 2 + ('，,'.includes(s[i + 2]) ? 1 : 0), end) };
  if (s.startsWith('其次', i)) return { style: 'seq', level: 6, ordinal: 2, end: skipSpaces(s, i + 2 + ('，,'.includes(s[i + 2]) ? 1 : 0), end) };
  if (s.startsWith('再次', i)) return { style: 'seq', level: 6, ordinal: 3, end: skipSpaces(s, i + 2 + ('，,'.includes(s[i + 2]) ? 1 : 0), end) };
  if (s.startsWith('最后', i) && '，,'.includes(s[i + 2] ?? '')) return { style: 'seq', level: 6, ordinal: 99, end: skipSpaces(s, i + 3, end) };
  if (s.startsWith('另一方面', i)) return { style: 'side', level: 6, ordinal: 2, end: skipSpaces(s, i + 4 + ('，,'.includes(s[i + 4]) ? 1 : 0), end) };
  if (lineStart && '•●▪■◆◇○'.includes(c)) return { style: 'bullet', level: 6, ordinal: 0, end: skipSpaces(s, i + 1, end) };
  // Markdown bullets: "- ", "* ", "+ "
  if (lineStart && '-*+'.includes(c) && (s[i + 1] === ' ' || s[i + 1] === '\t')) return { style: 'bullet', level: 6, ordinal: 0, end: skipSpaces(s, i + 1, end) };
  return null;
}

/** Whether `next` continues a series whose last marker was `prev` (same style, next ordinal). */
export function continues(prev: Enumerator, next: Enumerator): boolean {
  if (next.style !== prev.style) return false;
  if (prev.style === 'bullet') return true;
  if (prev.style === 'seq') return next.ordinal > prev.ordinal && prev.ordinal !== 99;
  return next.ordinal === prev.ordinal + 1;
}
