// Which unit wrote this report? Reports reach the bureau's office as 附件1.docx or 新建文档.doc, so the
// name is weak evidence; the document says who wrote it in four places: the title line
// (…党支部2026年上半年…报告), the addressee (中心党委：, i.e. its parent), the signature above the date
// at the end, and sometimes the file name. Each is compared with the unit names in the caller's
// subtree, after folding Traditional to Simplified and dropping what varies between writers (中共,
// 某市, 党委/总支部委员会/党支部 spelled out or not), with abbreviations (公路中心 for
// 市公路事业发展中心) recognised as an ordered subset of the full name's characters.
import { foldText } from './normalize';

export interface IntakeUnit {
  code: string;
  name: string;
  parentCode: string | null;
}

export interface UnitCandidate {
  unitCode: string;
  name: string;
  score: number;
}

export interface UnitMatch {
  unitCode: string | null;
  confidence: number;
  /** Chinese: what matched, or why nothing did. */
  reason: string;
  /** Best first, at most 3, each with a score in [0, 1]. */
  candidates: UnitCandidate[];
}

/** A proposal is made at this score, and only when the runner-up is clearly behind. */
export const MATCH_THRESHOLD = 0.6;
const MARGIN = 0.05;

type AnchorKind = 'signature' | 'title' | 'file' | 'body';
interface Anchor {
  kind: AnchorKind;
  text: string;
}
const WEIGHT: Record<AnchorKind, number> = { signature: 1, title: 0.95, file: 0.8, body: 0.7 };
const LABEL: Record<AnchorKind, string> = { signature: '落款', title: '标题', file: '文件名', body: '正文开头' };

const KINDS: [string, string][] = [
  ['总支部委员会', '党总支'],
  ['党总支部', '党总支'],
  ['党总支', '党总支'],
  ['总支', '党总支'],
  ['党支部委员会', '党支部'],
  ['支部委员会', '党支部'],
  ['党支部', '党支部'],
  ['支部', '党支部'],
  ['党委员会', '党委'],
  ['委员会', '党委'],
  ['党委', '党委'],
  ['党组', '党组'],
];

/** Folded (繁→简, full-width), NFKC, without spaces and the punctuation names are wrapped in. */
export function normName(s: string): string {
  return foldText(s.normalize('NFKC'))
    .replace(/[\s\u3000"'“”‘’《》〈〉「」『』()（）[\]【】·•,，.。、:：;；!！?？_\-—–~]/g, '')
    .trim();
}

interface Parsed {
  body: string;
  kind: string | null;
}

/** 中共某市公路事业发展中心党支部 → { body: 公路事业发展中心, kind: 党支部 }. */
export function parseName(raw: string): Parsed {
  let s = normName(raw);
  for (let changed = true; changed; ) {
    changed = false;
    for (const re of [/^中国共产党/, /^中共/, /^某[市县区]/, /^[市县区](?!场|委|直)(?=.{3,})/]) {
      if (re.test(s)) {
        s = s.replace(re, '');
        changed = true;
      }
    }
  }
  for (const [suffix, kind] of KINDS) {
    if (s.length > suffix.length && s.endsWith(suffix)) return { body: s.slice(0, -suffix.length), kind };
  }
  return { body: s, kind: null };
}

function isSubsequence(short: string, long: string): boolean {
  let j = 0;
  for (let i = 0; i < long.length && j < short.length; i++) if (long[i] === short[j]) j++;
  return j === short.length;
}

function bigrams(s: string): Map<string, number> {
  const m = new Map<string, number>();
  for (let i = 0; i + 1 < s.length; i++) m.set(s.slice(i, i + 2), (m.get(s.slice(i, i + 2)) ?? 0) + 1);
  return m;
}

function dice(a: string, b: string): number {
  if (a.length < 2 || b.length < 2) return 0;
  const x = bigrams(a);
  const y = bigrams(b);
  let both = 0;
  for (const [k, n] of x) both += Math.min(n, y.get(k) ?? 0);
  return (2 * both) / (a.length - 1 + (b.length - 1));
}

type How = 'exact' | 'abbrev' | 'contains' | 'similar';
const HOW_LABEL: Record<How, string> = { exact: '与之一致', abbrev: '为其简称', contains: '包含其名称', similar: '相近' };

/** How well a written name fits a unit's name, in [0, 1], and in which way. */
export function nameSimilarity(written: string, unitName: string): { score: number; how: How } {
  const m = parseName(written);
  const u = parseName(unitName);
  if (!m.body || !u.body) return { score: 0, how: 'similar' };
  let score: number;
  let how: How;
  if (m.body === u.body) [score, how] = [1, 'exact'];
  else if (m.body.length >= 2 && m.body[0] === u.body[0] && isSubsequence(m.body, u.body)) [score, how] = [0.75 + 0.2 * (m.body.length / u.body.length), 'abbrev'];
  else if (u.body.length >= 2 && m.body.includes(u.body)) [score, how] = [0.7 + 0.25 * (u.body.length / m.body.length), 'contains'];
  // 中心党委： for 市公路事业发展中心党委 — how an addressee is usually written.
  else if (m.body.length >= 2 && u.body.endsWith(m.body)) [score, how] = [0.6 + 0.2 * (m.body.length / u.body.length), 'abbrev'];
  else if (u.body.length >= 3 && isSubsequence(u.body, m.body)) [score, how] = [0.6 + 0.2 * (u.body.length / m.body.length), 'contains'];
  else [score, how] = [0.9 * dice(m.body, u.body), 'similar'];
  // 一中党总支 and 一中第一支部 share a body's start: the kind of organisation tells them apart.
  if (m.kind && u.kind) score += m.kind === u.kind ? 0.03 : -0.15;
  return { score: Math.max(0, Math.min(1, score)), how };
}

const DATE_LINE = /^(20\d{2}|二[〇零○O0][一二三四五六七八九〇零○]{2})年.{1,3}月.{1,3}日$/;
const TITLE_CUT = /(关于|(20\d{2}|二[〇零○]..)年|上半年|下半年|半年|全年|年度|第[一二三四1-4]季度|意识形态|工作)/;
const FILE_NOISE = /(附件\d*|新建(文本|Microsoft\s*Word)?文档|Microsoft\s*Word|文档|报告|副本|终稿|定稿|修改稿?|最终版?|v\d+|\d+|[(（]\d+[)）])/gi;

/** Where the document names its writer (and, in the addressee, the writer's parent). */
export function findAnchors(text: string, fileName: string): { anchors: Anchor[]; addressee: string | null } {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.replace(/[\s\u3000]+/g, ' ').trim())
    .filter(Boolean);
  const anchors: Anchor[] = [];
  // The title may be broken over two lines; the unit comes before the period or the subject.
  const head = lines.slice(0, 3);
  const titleEnd = head.findIndex((l) => /(报告|总结|情况)$/.test(normName(l)));
  const title = normName(head.slice(0, titleEnd >= 0 ? titleEnd + 1 : 1).join('')).replace(/^关于/, '');
  const cut = title.search(TITLE_CUT);
  const titleUnit = cut >= 0 ? title.slice(0, cut) : '';
  if (parseName(titleUnit).body.length >= 2) anchors.push({ kind: 'title', text: titleUnit });

  let addressee: string | null = null;
  let addresseeLine = -1;
  for (const [i, l] of lines.slice(0, 6).entries()) {
    const m = /^(.{2,30})[:：]$/.exec(l);
    if (m) {
      addressee = m[1];
      addresseeLine = i;
      break;
    }
  }

  const tail = lines.slice(-6);
  const dateAt = tail.findIndex((l) => DATE_LINE.test(normName(l)));
  const signatureLines = (dateAt >= 0 ? tail.slice(0, dateAt) : tail).slice(-2).reverse();
  for (const l of signatureLines) {
    const n = normName(l);
    if (n.length >= 2 && n.length <= 40 && !/[。；;！!？?]$/.test(l) && !/^(\d|[一二三四五六七八九十]+、)/.test(l) && !DATE_LINE.test(n)) {
      anchors.push({ kind: 'signature', text: l });
    }
  }

  const base = fileName.split(/[\\/]/).pop() ?? '';
  const stem = normName(base.replace(/\.[a-z0-9]{1,5}$/i, '')).replace(FILE_NOISE, '');
  if (stem.length >= 2) anchors.push({ kind: 'file', text: stem });

  // The addressee names the parent, not the writer: it is not part of the window.
  const opening = normName(lines.slice(0, 4).filter((_, i) => i !== addresseeLine).join(''));
  if (opening) anchors.push({ kind: 'body', text: opening.slice(0, 300) });
  return { anchors, addressee };
}

/** The body anchor is a window, not a name: it counts only when a unit's full name or body is in it. */
function windowScore(window: string, unitName: string): number {
  const full = normName(unitName);
  // Short names (局党组) turn up inside longer ones (市气象局党组): only distinctive names count here.
  if (full.length >= 5 && window.includes(full)) return 1;
  const { body } = parseName(unitName);
  return body.length >= 4 && window.includes(body) ? 0.85 : 0;
}

export function matchReportToUnit(text: string, fileName: string, units: readonly IntakeUnit[]): UnitMatch {
  const { anchors, addressee } = findAnchors(text, fileName);
  const byCode = new Map(units.map((u) => [u.code, u]));
  const scored = units.map((unit) => {
    const hits: { anchor: Anchor; score: number; how: How }[] = [];
    for (const anchor of anchors) {
      const s = anchor.kind === 'body' ? { score: windowScore(anchor.text, unit.name), how: 'contains' as How } : nameSimilarity(anchor.text, unit.name);
      hits.push({ anchor, score: s.score * WEIGHT[anchor.kind], how: s.how });
    }
    hits.sort((a, b) => b.score - a.score);
    const best = hits[0]?.score ?? 0;
    // Two places naming the same unit are worth more than one.
    const agreeing = hits.slice(1).filter((h) => h.score >= MATCH_THRESHOLD && h.anchor.kind !== 'body').length;
    const parent = unit.parentCode ? byCode.get(unit.parentCode) : undefined;
    const parentHit = addressee !== null && parent ? nameSimilarity(addressee, parent.name).score >= 0.6 : false;
    const score = Math.min(1, best + 0.05 * Math.min(agreeing, 2) + (parentHit && best > 0.3 ? 0.05 : 0));
    return { unit, score, hits: hits.filter((h) => h.score >= MATCH_THRESHOLD), parentHit, parent };
  });
  scored.sort((a, b) => b.score - a.score || a.unit.name.length - b.unit.name.length);
  const candidates = scored
    .filter((s) => s.score >= 0.3)
    .slice(0, 3)
    .map((s) => ({ unitCode: s.unit.code, name: s.unit.name, score: round(s.score) }));
  const [top, second] = scored;
  const found = anchors.filter((a) => a.kind !== 'body').map((a) => `${LABEL[a.kind]}「${a.text}」`);
  if (!top || top.score < MATCH_THRESHOLD) {
    const seen = found.length ? `文中${found.join('、')}` : '文中没有找到标题中的单位名称或落款';
    return { unitCode: null, confidence: round(top?.score ?? 0), reason: `${seen}，与您管辖范围内的单位都不相符。请在下拉框中选择单位，或不导入此文件`, candidates };
  }
  if (second && top.score - second.score < MARGIN) {
    return {
      unitCode: null,
      confidence: round(top.score),
      reason: `「${top.unit.name}」与「${second.unit.name}」同样相符，无法确定。请在下拉框中选择单位`,
      candidates,
    };
  }
  const parts = top.hits.map((h) => (h.anchor.kind === 'body' ? `${LABEL.body}写有「${top.unit.name}」` : `${LABEL[h.anchor.kind]}「${h.anchor.text}」${HOW_LABEL[h.how]}`));
  if (top.parentHit && top.parent && addressee !== null) parts.push(normName(addressee) === normName(top.parent.name) ? `主送「${addressee}」为其上级` : `主送「${addressee}」是其上级「${top.parent.name}」`);
  return { unitCode: top.unit.code, confidence: round(top.score), reason: `${parts.join('；')}，判定为「${top.unit.name}」`, candidates };
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
