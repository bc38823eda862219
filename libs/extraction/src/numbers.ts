// Numerals as written in these reports: Arabic (1,200 · 3.5 · 1.2万), Chinese (十二 · 二十三 · 一百零八 ·
// 两千 · 一千二百 · 百余 · 近百 · 十几), with the qualifiers that make a figure approximate. All functions
// work on the folded text (full-width digits are already ASCII).

export const CN_DIGIT: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
export const CN_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 10000, 亿: 100000000 };

export function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}
/** 1 = Chinese digit, 2 = Chinese unit, by UTF-16 code (a table: this is called for every character). */
const CN_TABLE = new Uint8Array(0x10000);
for (const ch of Object.keys(CN_DIGIT)) CN_TABLE[ch.charCodeAt(0)] = 1;
for (const ch of Object.keys(CN_UNIT)) CN_TABLE[ch.charCodeAt(0)] = 2;

export function isCnNumeralCode(c: number): boolean {
  return CN_TABLE[c] !== 0;
}
export function isCnUnitCode(c: number): boolean {
  return CN_TABLE[c] === 2;
}
export function isCnNumeral(ch: string): boolean {
  return ch.length > 0 && CN_TABLE[ch.charCodeAt(0)] !== 0;
}

export interface Numeral {
  start: number;
  end: number;
  value: number;
  approx: boolean;
  chinese: boolean;
}

const DIGIT_VALUE = new Int8Array(0x10000).fill(-1);
for (const [ch, v] of Object.entries(CN_DIGIT)) DIGIT_VALUE[ch.charCodeAt(0)] = v;
const UNIT_VALUE = new Float64Array(0x10000);
for (const [ch, v] of Object.entries(CN_UNIT)) UNIT_VALUE[ch.charCodeAt(0)] = v;
const JI = 0x51e0; // 几

/** Value of a run of Chinese numeral characters (with 几 as an unknown digit → approximate). */
export function parseChinese(run: string): { value: number; approx: boolean } | null {
  return parseChineseAt(run, 0, run.length);
}

function parseChineseAt(s: string, from: number, to: number): { value: number; approx: boolean } | null {
  let total = 0,
    section = 0,
    num = 0,
    approx = false,
    sawDigit = false;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c === JI) {
      approx = true;
      num = 0; // 十几 → 10; 几十 → a unit with no digit counts as one
      sawDigit = true;
      continue;
    }
    const d = DIGIT_VALUE[c];
    if (d >= 0) {
      num = d;
      sawDigit = true;
      continue;
    }
    const unit = UNIT_VALUE[c];
    if (unit === 0) return null;
    if (unit >= 10000) {
      const head = section + num;
      if (unit === 10000) total += (head === 0 ? 1 : head) * unit;
      else total = (total + (head === 0 ? 1 : head)) * unit;
      section = 0;
      num = 0;
    } else {
      section += (num === 0 ? 1 : num) * unit;
      num = 0;
    }
    sawDigit = true;
  }
  const value = total + section + num;
  if (!sawDigit) return null;
  return value > 0 ? { value, approx } : null;
}

/**
 * Reads a numeral starting exactly at `i` in the folded text, or null. Does not look at what
 * precedes or follows beyond the numeral itself (the caller decides about ordinals, dates, units).
 */
export function readNumeral(s: string, i: number): Numeral | null {
  const c = s.charCodeAt(i);
  if (isDigit(c)) {
    let j = i;
    while (j < s.length && isDigit(s.charCodeAt(j))) j++;
    // thousands separators: 1,200 / 12,000 (only groups of exactly three digits)
    if (j - i <= 3) {
      let k = j;
      while (
        k + 3 < s.length + 0 &&
        s[k] === ',' &&
        isDigit(s.charCodeAt(k + 1)) &&
        isDigit(s.charCodeAt(k + 2)) &&
        isDigit(s.charCodeAt(k + 3)) &&
        !isDigit(s.charCodeAt(k + 4))
      )
        k += 4;
      j = k;
    }
    let text = s.slice(i, j).replace(/,/g, '');
    if (s[j] === '.' && isDigit(s.charCodeAt(j + 1))) {
      let k = j + 1;
      while (k < s.length && isDigit(s.charCodeAt(k))) k++;
      text = s.slice(i, k).replace(/,/g, '');
      j = k;
    }
    let value = Number(text);
    const mult = CN_UNIT[s[j]];
    if (mult !== undefined && mult >= 100) {
      value *= mult;
      j++;
    }
    return { start: i, end: j, value: Math.round(value * 1000) / 1000, approx: false, chinese: false };
  }
  const ch = s[i];
  let j = i;
  if (ch === '数' || ch === '几') {
    // 数十 / 几十 / 几百: an unknown digit before a unit
    const next = s[i + 1];
    if (next === undefined || !(next in CN_UNIT)) return null;
    j = i + 1;
  } else if (!isCnNumeral(ch)) return null;
  while (j < s.length && (CN_TABLE[s.charCodeAt(j)] !== 0 || (s[j] === '几' && j > i))) j++;
  // 数十 reads as 几十: an unknown digit
  const parsed = ch === '数' ? parseChinese('几' + s.slice(i + 1, j)) : parseChineseAt(s, i, j);
  if (!parsed) return null;
  return { start: i, end: j, value: parsed.value, approx: parsed.approx, chinese: true };
}
