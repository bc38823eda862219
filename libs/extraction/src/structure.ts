// Report structure: lines, enumerators, headings, and the two kinds of section whose ITEMS are counted
// — problems (存在问题/存在不足/不足之处/薄弱环节/短板…) and plans (下步/下一步/今后/打算/思考/努力方向,
// "在接下来的工作中"…). Works on the folded text; offsets are shared with the stored text.
import { continues, enumeratorAt, skipSpaces } from './enumerators';
import { colonList, inlineSeries, paragraphItems, sectionItems, trimItem, type Item, type Line, type Open, type Span } from './section-items';
import { BRACKET_HEAD, CLOSING, DATE_LINE, FIXING_PROBLEMS, PLAN_HEAD, PLAN_PARA, PROBLEM_HEAD, PROBLEM_PARA } from './vocabulary/sections';

export type { Item, Span } from './section-items';

export interface Structure {
  problems: Item[];
  plans: Item[];
  /** [start, end) ranges of plan sections: quantities there are targets, not metrics. */
  planRanges: Span[];
  lines: Span[];
}

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
  // "【下步打算】一是…；二是…": a bracketed heading runs into its paragraph
  const bracket = e ? null : BRACKET_HEAD.exec(s.slice(line.start, Math.min(line.end, line.start + 14)));
  if (bracket) {
    const inner = bracket[1];
    const pb = PROBLEM_HEAD.test(inner) && !FIXING_PROBLEMS.test(inner);
    const qb = PLAN_HEAD.test(inner);
    if (pb || qb) return { kind: pb && qb ? 'mixed' : pb ? 'problems' : 'plans', body: line.start + bracket[0].length };
  }
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
  const fixing = pm !== null && FIXING_PROBLEMS.test(head.slice(0, pm.index));
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
      } else if (e && level === open.level && (open.last ? continues(open.last, e) : e.ordinal === 1 && open.body.length === 0)) {
        // "6. 下步打算" over "１．…２．…": the items restart the heading's own numbering
        open.body.push(line);
        open.last = e;
        continue;
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
