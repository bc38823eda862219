// Report structure: lines, enumerators, headings, and the two kinds of section whose ITEMS are counted
// — problems (存在问题/存在不足/不足之处/薄弱环节/短板…) and plans (下步/下一步/今后/打算/思考/努力方向,
// "在接下来的工作中"…). Works on the folded text; offsets are shared with the stored text.
import { parseChinese } from './numbers';

export interface Span {
  start: number;
  end: number;
}

export interface Item extends Span {
  /** the item's text without its enumerator */
  text: string;
}

export interface Structure {
  problems: Item[];
  plans: Item[];
  /** [start, end) ranges of plan sections: quantities there are targets, not metrics. */
  planRanges: Span[];
  lines: Span[];
}

interface Line extends Span {
  enumerator: Enumerator | null;
}

export interface Enumerator {
  style: string;
  /** 0 第一部分 · 1 一、 · 2 （一） · 3 1. · 4 （1） · 5 ① · 6 item-only markers (一是, 首先, 一方面, •) */
  level: number;
  ordinal: number;
  /** end offset of the marker (and following spaces) */
  end: number;
}

const CN_NUM = '一二三四五六七八九十';
const SPACE = /[ \t]/;

function cnOrdinal(s: string): number {
  const p = parseChinese(s);
  return p ? p.value : 0;
}

function skipSpaces(s: string, i: number, end: number): number {
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
function continues(prev: Enumerator, next: Enumerator): boolean {
  if (next.style !== prev.style) return false;
  if (prev.style === 'bullet') return true;
  if (prev.style === 'seq') return next.ordinal > prev.ordinal && prev.ordinal !== 99;
  return next.ordinal === prev.ordinal + 1;
}

// ---- vocabulary of sections (language, not metrics)

const PROBLEM_HEAD =
  /存在(?:的)?(?:主要|突出)?(?:问题|不足|短板|差距|困难|薄弱)|不足之处|薄弱环节|问题(?:和|与|及)不足|不足(?:和|与|及)问题|差距(?:和|与|及)不足|不足(?:和|与|及)差距|主要问题|困难(?:和|与|及)问题|问题(?:和|与|及)困难|问题清单|发现的?(?:主要)?问题$|短板(?:弱项|和不足|与不足)|(?<!补齐|弥补|补|补强)短板$|^(?:工作中的|当前的)?(?:问题|不足|短板|差距)$/;
const PLAN_HEAD =
  /下一?步|下阶段|下一阶段|今后|打算|努力方向|改进措施|整改措施|对策|明年|来年|[0-9]{4}年(?:工作)?(?:计划|安排|思路|重点|打算)|工作(?:计划|思路|设想)$|思考$/;
const PROBLEM_PARA =
  /(?:存在|还有|仍有|也有|面临|反映出|暴露出)[^。；;\n：:]{0,16}?(?:问题|不足|短板|薄弱环节|差距|困难|弱项)[^。；;\n：:]{0,14}[：:]|(?:问题|不足|不足之处|短板|薄弱环节|差距|弱项)(?:还|也)?(?:主要|集中)(?:有|是|表现(?:在|为)|体现(?:在|为))[^。；;\n：:]{0,6}[：:]/;
const PLAN_PARA = /^(?:在)?(?:接下来|下一步|下步|今后|下阶段|下一阶段|新的一年|明年)/;
const CLOSING = /^(?:特此(?:报告|汇报)|以上(?:报告|汇报)|此致|敬礼|附件[:：0-9一二三四五六七八九十])/;
const DATE_LINE = /^(?:[0-9]{4}|20[Xx]{2}|二[〇零][一二三四五六七八九〇零十]{2})\s*年\s*(?:[0-9Xx一二三四五六七八九十]{1,3}\s*月\s*(?:[0-9Xx一二三四五六七八九十]{1,3}\s*日)?)?$/;
const AFTERWORD = /^(?:以上|上述|针对(?:以上|上述|这些)|对于?(?:以上|上述|这些)|这些问题|对此)/;
const INTRO_SENTENCE = /(?:存在|还有|仍有|也有)[^。；;]{0,16}(?:问题|不足|差距|短板|薄弱环节)[^。；;，,]{0,8}。?$/;
const PUNCT = /[，。；：、！？,;:!?]/;

function splitLines(s: string): Line[] {
  const lines: Line[] = [];
  let i = 0;
  while (i <= s.length) {
    let j = s.indexOf('\n', i);
    if (j < 0) j = s.length;
    let a = i,
      b = j;
    while (a < b && /[ \t\r]/.test(s[a])) a++;
    while (b > a && /[ \t\r]/.test(s[b - 1])) b--;
    // Markdown: "## 四、存在的问题", "> 引文", "**一是…**" read as the line they mark up
    const md = /^(?:#{1,6}[ \t]+|>[ \t]*)?(?:\*\*|__)?/.exec(s.slice(a, Math.min(b, a + 12)));
    if (md && md[0].length > 0 && md[0].length < b - a) a += md[0].length;
    while (b > a + 2 && (s.endsWith('**', b) || s.endsWith('__', b))) b -= 2;
    if (b > a) lines.push({ start: a, end: b, enumerator: enumeratorAt(s, a, b, true) });
    i = j + 1;
  }
  return lines;
}

type Kind = 'problems' | 'plans' | 'mixed';

/** Is the line a heading of a problems/plans section? Returns the kind and where its body starts. */
function headingKind(s: string, line: Line): { kind: Kind; body: number } | null {
  const e = line.enumerator;
  if (e && e.level > 5) return null;
  const from = e ? e.end : line.start;
  let stop = line.end;
  const limit = Math.min(line.end, from + 31);
  for (let i = from; i < limit; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x3002 || c === 0xff1a || c === 0x3a || c === 0xff1b || c === 0x3b || c === 0xff01 || c === 0xff1f) {
      stop = i;
      break;
    }
  }
  if (stop - from > 30) return null;
  const head = s.slice(from, stop);
  if (!head || head.length > 30) return null;
  if (!e) {
    // an unnumbered line is a heading only when short and not a sentence
    if (stop === line.end && (line.end - line.start > 25 || /[，,。]/.test(head))) return null;
    if (stop < line.end && s[stop] !== '：' && s[stop] !== ':' && s[stop] !== '。') return null;
    if (/[，,]/.test(head)) return null;
  }
  const pm = PROBLEM_HEAD.exec(head);
  const qm = PLAN_HEAD.exec(head);
  // an unnumbered heading names its subject first ("存在不足：", "下步打算"), it is not a sentence
  // "（三）聚焦存在问题，抓好整改" is work on problems, not a list of them
  const fixing = pm !== null && /(?:解决|整改|针对|聚焦|破解|化解|回应)/.test(head.slice(0, pm.index));
  const p = pm !== null && !fixing && (e !== null || (pm.index <= 4 && s[stop] !== '。'));
  const q = qm !== null && (e !== null || (qm.index <= 4 && s[stop] !== '。'));
  if (!p && !q) return null;
  const body = stop < line.end && (s[stop] === '：' || s[stop] === ':') ? stop + 1 : line.end;
  return { kind: p && q ? 'mixed' : p ? 'problems' : 'plans', body };
}

function isClosing(s: string, line: Line): boolean {
  const t = s.slice(line.start, line.end);
  return CLOSING.test(t) || DATE_LINE.test(t);
}

/** Short line without punctuation: a unit's name under the signature, a stray title. Never an item. */
function isBare(s: string, line: Span): boolean {
  return line.end - line.start <= 20 && !PUNCT.test(s.slice(line.start, line.end));
}

function trimItem(s: string, a: number, b: number): Item | null {
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
function inlineSeries(s: string, a: number, b: number, first: Enumerator | null): Item[] {
  const marks: { at: number; e: Enumerator }[] = [];
  let prev = first;
  for (let i = a; i < b; i++) {
    if (i !== a && !DELIM.includes(s[i - 1]) && !SPACE.test(s[i - 1])) continue;
    const e = enumeratorAt(s, i, b, false);
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
function colonList(s: string, a: number, b: number): Item[] | null {
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

interface Open {
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

export function analyseStructure(s: string): Structure {
  const lines = splitLines(s);
  const problems: Item[] = [];
  const plans: Item[] = [];
  const planRanges: Span[] = [];
  let cur: Open | null = null;

  const fromParagraphs: Item[] = [];
  const headed = new Set<'problems' | 'plans'>();
  const close = () => {
    if (!cur) return;
    const items = cur.paragraph ? paragraphItems(s, cur) : sectionItems(s, cur);
    (cur.kind === 'problems' ? problems : plans).push(...items);
    if (cur.paragraph) fromParagraphs.push(...items);
    else headed.add(cur.kind);
    if (cur.kind === 'plans') {
      const last = cur.body.length ? cur.body[cur.body.length - 1].end : cur.start;
      planRanges.push({ start: cur.start, end: Math.max(last, cur.headEnd) });
    }
    cur = null;
  };

  const openHeading = (line: Line, h: { kind: Kind; body: number }, level: number) => {
    cur = {
      kind: h.kind === 'plans' ? 'plans' : 'problems',
      level,
      mixed: h.kind === 'mixed',
      paragraph: false,
      body: [],
      start: line.start,
      headEnd: line.end,
      triggerItems: [],
      triggerIntro: null,
      last: null,
      enumerated: false,
    };
    if (h.body < line.end) cur.body.push({ start: h.body, end: line.end, enumerator: enumeratorAt(s, skipSpaces(s, h.body, line.end), line.end, false) });
  };

  const openParagraph = (line: Line, kind: 'problems' | 'plans', from: number, level: number): void => {
    const o: Open = { kind, level, mixed: false, paragraph: true, body: [], start: line.start, headEnd: line.end, triggerItems: [], triggerIntro: null, last: null, enumerated: false };
    const series = inlineSeries(s, from, line.end, null);
    if (series.length >= 2) o.triggerItems = series;
    else {
      const list = kind === 'problems' ? colonList(s, from - 1, line.end) : colonList(s, line.start, line.end);
      if (list && list.length > 0) o.triggerItems = list;
      else o.triggerIntro = trimItem(s, line.start, line.end);
    }
    cur = o;
  };

  let headingLevel = 1;
  for (const line of lines) {
    if (isClosing(s, line)) {
      close();
      continue;
    }
    const e = line.enumerator;
    const h = headingKind(s, line);
    const level = e && e.level <= 5 ? e.level : h ? 1.5 : 99;
    const open = cur as Open | null;
    if (open) {
      // a sub-heading naming the same topic ("三、存在问题及原因" → "（一）存在问题") opens the real section,
      // so that its sibling ("（二）原因分析") ends it
      const nested = h !== null && h.kind === open.kind && level > open.level && !open.enumerated;
      if (h && (h.kind !== open.kind || level <= open.level || open.mixed || nested)) {
        close();
        openHeading(line, h, level);
        continue;
      }
      if (open.kind === 'problems' && !e && PLAN_PARA.test(s.slice(line.start, line.end))) {
        close();
        openParagraph(line, 'plans', line.start, open.level);
        continue;
      }
      if (open.paragraph) {
        if (open.triggerItems.length === 0 && e && (open.last ? continues(open.last, e) : e.ordinal === 1 && e.level > headingLevel)) {
          open.body.push(line);
          open.last = e;
          continue;
        }
        if (open.triggerItems.length === 0 && !e && open.last) {
          open.body.push(line); // continuation of an item
          continue;
        }
        close();
      } else if (level <= open.level || (level < 99 && level <= Math.floor(open.level))) {
        close();
      } else {
        open.body.push(line);
        if (line.enumerator) open.enumerated = true;
        continue;
      }
    }
    if (e && e.level <= 2) headingLevel = e.level;
    if (h) {
      openHeading(line, h, level);
      continue;
    }
    const text = s.slice(line.start, line.end);
    if (PLAN_PARA.test(text)) {
      openParagraph(line, 'plans', line.start, headingLevel);
      continue;
    }
    const m = PROBLEM_PARA.exec(text);
    if (m) {
      openParagraph(line, 'problems', line.start + m.index + m[0].length, headingLevel);
      continue;
    }
  }
  close();
  // A report with a problems (plans) section of its own lists them there; a stray "下一步，将…" or
  // "还存在…不足：" paragraph elsewhere is a remark, not another item.
  const stray = new Set(fromParagraphs);
  const keep = (kind: 'problems' | 'plans', items: Item[]) => (headed.has(kind) ? items.filter((i) => !stray.has(i)) : items);
  return { problems: keep('problems', problems), plans: keep('plans', plans), planRanges, lines };
}

function paragraphItems(s: string, o: Open): Item[] {
  if (o.triggerItems.length > 0) return o.triggerItems;
  const items: Item[] = [];
  for (const line of o.body) {
    if (!line.enumerator) continue;
    items.push(...inlineSeries(s, line.enumerator.end, line.end, line.enumerator));
  }
  if (items.length === 0 && o.triggerIntro && !/[：:]$/.test(o.triggerIntro.text)) items.push(o.triggerIntro);
  return items;
}

function sectionItems(s: string, o: Open): Item[] {
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
