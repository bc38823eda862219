// Report text with its extracted numbers highlighted: pure offset arithmetic, unit-tested
// (highlight.spec.ts). Offsets are UTF-16 code-unit offsets into the stored plain text, the same
// ones the api's evidence {start, end} uses.

export interface Mark {
  id: string;
  start: number;
  end: number;
}

export interface Segment {
  start: number;
  end: number;
  text: string;
  /** The mark this segment belongs to, if any. */
  markId: string | null;
  /** Inside the sentence being pointed at. */
  active: boolean;
}

/** Keeps marks that lie inside the text, in order; a mark overlapping an earlier one is dropped. */
export function cleanMarks(textLength: number, marks: readonly Mark[]): Mark[] {
  const sorted = marks
    .filter((m) => Number.isInteger(m.start) && Number.isInteger(m.end) && m.start >= 0 && m.end <= textLength && m.start < m.end)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Mark[] = [];
  let reach = 0;
  for (const m of sorted) {
    if (m.start < reach) continue;
    out.push(m);
    reach = m.end;
  }
  return out;
}

const SENTENCE_END = new Set(['。', '！', '？', '；', '!', '?', ';', '\n']);

/** The sentence that holds [start, end): from after the previous 。！？；/newline to its own end mark. */
export function sentenceAround(text: string, start: number, end: number): { start: number; end: number } {
  let a = Math.max(0, Math.min(start, text.length));
  while (a > 0 && !SENTENCE_END.has(text[a - 1])) a--;
  while (a < start && /\s/.test(text[a])) a++;
  let b = Math.max(a, Math.min(end, text.length));
  while (b < text.length && !SENTENCE_END.has(text[b])) b++;
  if (b < text.length && text[b] !== '\n') b++;
  return { start: a, end: b };
}

/**
 * Cuts the text into runs so that every mark is one run and the active range (a sentence) is
 * covered by whole runs: the renderer then only maps runs to spans.
 */
export function segmentText(text: string, marks: readonly Mark[], active: { start: number; end: number } | null = null): Segment[] {
  const clean = cleanMarks(text.length, marks);
  const cuts = new Set<number>([0, text.length]);
  for (const m of clean) {
    cuts.add(m.start);
    cuts.add(m.end);
  }
  if (active) {
    cuts.add(Math.max(0, Math.min(active.start, text.length)));
    cuts.add(Math.max(0, Math.min(active.end, text.length)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  let mi = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i];
    const end = points[i + 1];
    if (start === end) continue;
    while (mi < clean.length && clean[mi].end <= start) mi++;
    const m = mi < clean.length && clean[mi].start <= start && clean[mi].end >= end ? clean[mi] : null;
    out.push({ start, end, text: text.slice(start, end), markId: m?.id ?? null, active: !!active && start >= active.start && end <= active.end });
  }
  return out;
}

/**
 * Turns a DOM selection inside the rendered report text into text offsets. Every rendered run is
 * an element with data-start (its offset in the text) holding one text node; a selection endpoint
 * is (text node, offset within it), or an element boundary.
 */
export function offsetsFromSelection(container: Element, sel: Pick<Selection, 'rangeCount' | 'getRangeAt' | 'isCollapsed'>): { start: number; end: number } | null {
  if (!sel.rangeCount || sel.isCollapsed) return null;
  const range = sel.getRangeAt(0);
  if (!container.contains(range.startContainer) || !container.contains(range.endContainer)) return null;
  const a = pointOffset(range.startContainer, range.startOffset);
  const b = pointOffset(range.endContainer, range.endOffset);
  if (a === null || b === null || a === b) return null;
  return { start: Math.min(a, b), end: Math.max(a, b) };
}

function pointOffset(node: Node, offset: number): number | null {
  if (node.nodeType === Node.TEXT_NODE) {
    const run = node.parentElement?.closest('[data-start]');
    if (!run) return null;
    return Number(run.getAttribute('data-start')) + offset;
  }
  if (node instanceof Element) {
    // A boundary between child nodes: the start of the child at `offset`, or the end of the last.
    const kids = node.childNodes;
    if (offset < kids.length) return firstOffset(kids[offset]);
    return lastOffset(node);
  }
  return null;
}

function firstOffset(n: Node): number | null {
  const el = n instanceof Element ? (n.matches('[data-start]') ? n : n.querySelector('[data-start]')) : n.parentElement?.closest('[data-start]');
  return el ? Number(el.getAttribute('data-start')) : null;
}

function lastOffset(n: Element): number | null {
  const runs = n.matches('[data-start]') ? [n] : [...n.querySelectorAll('[data-start]')];
  const last = runs[runs.length - 1];
  return last ? Number(last.getAttribute('data-start')) + (last.textContent ?? '').length : null;
}

/** The first number written in a selected phrase (Arabic or full-width digits), for the add form. */
export function firstNumber(s: string): number | null {
  const normal = s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[，,](?=\d{3})/g, '');
  const m = /\d+(?:\.\d+)?/.exec(normal);
  return m ? Number(m[0]) : null;
}
