// The items of a problems or plans section: numbered lines of one style, an inline series (一是…二是…),
// a "…：A；B；C" list, "；"-separated clauses, or plain paragraphs — whichever the section uses first.
import { continues, enumeratorAt, SPACE, type Enumerator } from './enumerators';
import { AFTERWORD, INTRO_SENTENCE } from './vocabulary/sections';

export interface Span {
  start: number;
  end: number;
}

export interface Item extends Span {
  /** the item's text without its enumerator */
  text: string;
}

export interface Line extends Span {
  enumerator: Enumerator | null;
}

/** A section being read: its heading (or the paragraph that opened it) and its body lines. */
export interface Open {
  kind: 'problems' | 'plans';
  level: number;
  mixed: boolean;
  paragraph: boolean;
  /** body: [start,end) spans (the first may start inside the heading line) */
  body: Line[];
  start: number;
  /** end of the heading or trigger line */
  headEnd: number;
  /** paragraph mode: items already found in the trigger paragraph */
  triggerItems: Item[];
  triggerIntro: Item | null;
  last: Enumerator | null;
  /** some body line is enumerated */
  enumerated: boolean;
}
const PUNCT = /[，。；：、！？,;:!?]/;

/** Short line without punctuation: a unit's name under the signature, a stray title. Never an item. */
function isBare(s: string, line: Span): boolean {
  return line.end - line.start <= 20 && !PUNCT.test(s.slice(line.start, line.end));
}

export function trimItem(s: string, a: number, b: number): Item | null {
  while (a < b && /[\s，,：:；;。、]/.test(s[a])) a++;
  while (b > a && /[\s，,；;。、：:]/.test(s[b - 1])) b--;
  return b > a ? { start: a, end: b, text: s.slice(a, b) } : null;
}

const DELIM = '。；;，,：:！？!?';

/**
 * Inline series inside [a, b): 一是…二是…, （一）…（二）…, 首先…其次…最后…, 一方面…另一方面…, ①②, 第一，第二，
 * Markers count only at the start or right after a delimiter. With `first` given, the series continues
 * it (a line that opened with 一是); otherwise it must start at ordinal 1. Returns items (≥ 1 marker).
 */
export function inlineSeries(s: string, a: number, b: number, first: Enumerator | null): Item[] {
  const marks: { at: number; e: Enumerator }[] = [];
  let prev = first;
  // read once: under tsx (the benchmark, the tests) every read of an imported binding is a getter call
  const markerAt = enumeratorAt,
    space = SPACE;
  for (let i = a; i < b; i++) {
    if (i !== a && !DELIM.includes(s[i - 1]) && !space.test(s[i - 1])) continue;
    const e = markerAt(s, i, b, false);
    if (!e || e.style === 'bullet') continue;
    if (prev ? continues(prev, e) : e.ordinal === 1) {
      marks.push({ at: i, e });
      prev = e;
      i = e.end - 1;
    }
  }
  const items: Item[] = [];
  if (first) {
    const endFirst = marks.length ? marks[0].at : b;
    const it = trimItem(s, a, endFirst);
    if (it) items.push(it);
  }
  for (let k = 0; k < marks.length; k++) {
    const it = trimItem(s, marks[k].e.end, k + 1 < marks.length ? marks[k + 1].at : b);
    if (it) items.push(it);
  }
  return items;
}

/** "…主要表现在：A；B；C。" → A, B, C. Only the part after the first colon. */
export function colonList(s: string, a: number, b: number): Item[] | null {
  let colon = -1;
  for (let i = a; i < b; i++) {
    if (s[i] === '：' || s[i] === ':') {
      colon = i;
      break;
    }
  }
  if (colon < 0) return null;
  const items: Item[] = [];
  let from = colon + 1;
  for (let i = colon + 1; i <= b; i++) {
    if (i === b || s[i] === '；' || s[i] === ';') {
      const it = trimItem(s, from, i);
      if (it) items.push(it);
      from = i + 1;
    }
  }
  return items;
}

function semicolonList(s: string, a: number, b: number): Item[] {
  const items: Item[] = [];
  let from = a;
  for (let i = a; i <= b; i++) {
    if (i === b || s[i] === '；' || s[i] === ';') {
      const it = trimItem(s, from, i);
      if (it) items.push(it);
      from = i + 1;
    }
  }
  return items;
}

export function paragraphItems(s: string, o: Open): Item[] {
  if (o.triggerItems.length > 0) return o.triggerItems;
  const items: Item[] = [];
  for (const line of o.body) {
    if (!line.enumerator) continue;
    items.push(...inlineSeries(s, line.enumerator.end, line.end, line.enumerator));
  }
  if (items.length === 0 && o.triggerIntro && !/[：:]$/.test(o.triggerIntro.text)) items.push(o.triggerIntro);
  return items;
}

export function sectionItems(s: string, o: Open): Item[] {
  const body = o.body.filter((l) => !isBare(s, l) || l.enumerator);
  // the first enumerated line below the heading sets the item style
  const first = body.find((l) => l.enumerator && l.enumerator.level > o.level);
  const items: Item[] = [];
  if (first && first.enumerator) {
    const style = first.enumerator.style;
    for (const l of body) {
      if (!l.enumerator || l.enumerator.style !== style) continue;
      items.push(...inlineSeries(s, l.enumerator.end, l.end, l.enumerator));
    }
    return items;
  }
  for (const l of body) {
    if (isBare(s, l)) continue;
    const text = s.slice(l.start, l.end);
    // "以上问题，我们将…" closes the list; "我们还存在一些差距。" only announces it
    if (AFTERWORD.test(text) || (INTRO_SENTENCE.test(text) && text.length <= 50)) continue;
    const series = inlineSeries(s, l.start, l.end, null);
    if (series.length >= 2) {
      items.push(...series);
      continue;
    }
    const list = colonList(s, l.start, l.end);
    if (list) {
      items.push(...list); // an intro ending with a colon adds nothing
      continue;
    }
    // "学习不够深入；宣传不到位；阵地建设薄弱。": clauses separated by semicolons are items
    items.push(...semicolonList(s, l.start, l.end));
  }
  return items;
}
