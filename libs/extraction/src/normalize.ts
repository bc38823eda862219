// Two kinds of normalisation.
//
// prepareText makes the STORED plain text (what the reviewer reads and what evidence offsets point
// into): BOM, line endings, control characters, template-site noise, trailing spaces. It keeps the
// user's characters otherwise (no NFKC), so a quoted sentence looks as it was written.
//
// foldText is the extractor's own view of that text: full-width digits and letters, Traditional
// characters, corner quotes — each mapped to ONE UTF-16 unit, so the folded string has exactly the
// length of the stored one and the offset map is the identity. That is what keeps every offset valid
// without a table: conversions that would change the length (a Traditional character outside the BMP,
// a phrase-level OpenCC rule) are simply not applied.
import { createRequire } from 'node:module';

type DictGroups = readonly (readonly unknown[])[];
interface OpenCCPresets {
  Locale: { to: Record<string, DictGroups>; from: Record<string, DictGroups> };
}

/** opencc-js is an ES module package whose CommonJS build (dist/umd) this CommonJS library loads. */
function loadOpenCC(): OpenCCPresets {
  return createRequire(__filename)('opencc-js/t2cn') as OpenCCPresets;
}

let charMap: Uint16Array | null = null;

function buildCharMap(): Uint16Array {
  const map = new Uint16Array(65536);
  for (let i = 0; i < 65536; i++) map[i] = i;
  // Full-width ASCII: digits, letters and the signs used in numbers. Chinese punctuation (，；：（）！？)
  // is left alone: it is how the text is written, and the extractor reads it as such.
  for (let c = 0xff10; c <= 0xff19; c++) map[c] = c - 0xfee0;
  for (let c = 0xff21; c <= 0xff3a; c++) map[c] = c - 0xfee0;
  for (let c = 0xff41; c <= 0xff5a; c++) map[c] = c - 0xfee0;
  for (const c of [0xff0e, 0xff05, 0xff0b, 0xff0d, 0xff0f, 0xff0a, 0xff1c, 0xff1e, 0xff1d]) map[c] = c - 0xfee0;
  map[0x3000] = 0x20; // ideographic space
  map[0x00a0] = 0x20;
  map[0xfe6a] = 0x25; // small percent sign
  map[0x2024] = 0x2e;
  map[0x300c] = 0x201c; // 「 → “
  map[0x300d] = 0x201d;
  map[0x300e] = 0x2018;
  map[0x300f] = 0x2019;
  map[0xff5e] = 0x7e;
  // Traditional → Simplified, character by character, from OpenCC's dictionaries (Taiwan and Hong Kong
  // variants first to OpenCC's standard form, then standard Traditional to Simplified).
  const OpenCC = loadOpenCC();
  const to = OpenCC.Locale.to.cn ?? [];
  const from = OpenCC.Locale.from;
  const ts = charPairs(to);
  const variants = new Map<string, string>();
  for (const region of ['tw', 'hk']) for (const [a, b] of charPairs(from[region] ?? [])) if (!variants.has(a)) variants.set(a, b);
  // Only conversions that end in the Traditional→Simplified table: a regional variant table alone
  // would also turn Simplified characters into other forms (么 → 幺).
  const sources = new Set<string>([...ts.keys(), ...variants.keys()]);
  for (const src of sources) {
    const out = ts.get(variants.get(src) ?? src) ?? ts.get(src);
    if (out && src.length === 1 && out.length === 1 && out !== src) map[src.charCodeAt(0)] = out.charCodeAt(0);
  }
  return map;
}

/** Single-character pairs of OpenCC dictionaries ("乾 干 幹|…" strings, or [from, to] arrays). */
function charPairs(groups: readonly (readonly unknown[])[]): Map<string, string> {
  const pairs = new Map<string, string>();
  for (const group of groups) {
    for (const dict of group) {
      if (typeof dict === 'string') {
        for (const entry of dict.split('|')) {
          const space = entry.indexOf(' ');
          if (space <= 0) continue;
          const a = entry.slice(0, space);
          const b = entry.slice(space + 1).split(' ')[0];
          if (a.length === 1 && b.length === 1 && !pairs.has(a)) pairs.set(a, b);
        }
      } else if (Array.isArray(dict)) {
        for (const pair of dict as unknown[]) {
          if (Array.isArray(pair) && typeof pair[0] === 'string' && typeof pair[1] === 'string') {
            const [a, b] = pair as [string, string];
            if (a.length === 1 && b.length === 1 && !pairs.has(a)) pairs.set(a, b);
          }
        }
      }
    }
  }
  return pairs;
}

function getCharMap(): Uint16Array {
  if (!charMap) charMap = buildCharMap();
  return charMap;
}

/** Same length as `text`; see the header. */
export function foldText(text: string): string {
  const map = getCharMap();
  const n = text.length;
  let changed = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (map[c] !== c) changed++;
  }
  if (changed === 0) return text;
  if (changed * 8 < n) {
    // a few full-width digits: copy the unchanged stretches
    const parts: string[] = [];
    let from = 0;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      const m = map[c];
      if (m === c) continue;
      if (i > from) parts.push(text.slice(from, i));
      parts.push(String.fromCharCode(m));
      from = i + 1;
    }
    parts.push(text.slice(from));
    return parts.join('');
  }
  // Traditional text: most characters change
  const out = new Uint16Array(n);
  for (let i = 0; i < n; i++) out[i] = map[text.charCodeAt(i)];
  let s = '';
  const CHUNK = 8192;
  for (let i = 0; i < n; i += CHUNK) s += String.fromCharCode.apply(null, out.subarray(i, Math.min(n, i + CHUNK)) as unknown as number[]);
  return s;
}

// ---------------------------------------------------------------------------------------------------
// prepareText

/** Lines that template and document-sharing sites add around a copied report. */
const NOISE_LINE =
  /^(?:本文(?:来源|转载|由|档|系)|文章来源|来源[:：]|(?:原文|本文)链接|免责声明|版权(?:声明|所有|归)|更多(?:精彩|范文|相关|内容)|(?:点击|扫码|长按)(?:关注|下载|查看|识别)|(?:本|该)?文档(?:为|由|仅供|来自)|下载(?:本文|全文|文档|原文)|(?:此处)?已添加.{0,12}卡片|展开全文|阅读全文|(?:以下|下面)(?:是|为)(?:小编|本站)|(?:小编|本站)(?:整理|为(?:大家|您))|温馨提示[:：]|word版|第\s*\d+\s*页\s*[,，/]?\s*共\s*\d+\s*页$)/i;
const RULE_LINE = /^[-—=*_~·.。]{5,}$/;
const MARKER = /##[A-Za-z_]{2,20}##/g;

function isControl(c: number): boolean {
  return (c < 0x20 && c !== 0x0a && c !== 0x09) || (c >= 0x7f && c <= 0x9f) || c === 0xfeff || (c >= 0x200b && c <= 0x200d) || c === 0x2060;
}

/** The stored plain text. Idempotent: prepareText(prepareText(x)) === prepareText(x). */
export function prepareText(decoded: string): string {
  let s = decoded.replace(/\r\n?|[\u2028\u2029\u0085\v\f]/g, '\n');
  let clean = '';
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    if (isControl(s.charCodeAt(i))) {
      clean += s.slice(start, i);
      start = i + 1;
    }
  }
  s = clean + s.slice(start);
  s = s.replace(MARKER, '');
  const lines = s.split('\n');
  const kept: string[] = [];
  let blank = 0;
  for (const raw of lines) {
    const line = raw.replace(/[ \t\u3000\u00a0]+$/, '');
    const core = line.trim();
    if (core === '') {
      if (kept.length > 0 && blank === 0) kept.push('');
      blank++;
      continue;
    }
    if (NOISE_LINE.test(core) || RULE_LINE.test(core)) continue;
    blank = 0;
    kept.push(line);
  }
  while (kept.length > 0 && kept[kept.length - 1] === '') kept.pop();
  return kept.join('\n');
}
