// PDF text with pdfjs-dist 6 (Node ≥ 22.13; production and CI run Node 24), loaded lazily with a real dynamic
// import() — the package is ESM-only and this library compiles to CommonJS (module node16 keeps
// import() as is). Where ESM cannot be imported (jest), the same reading runs in a child process
// (../pdf-child.mjs). Evaluation, XFA and scripting are off: a PDF's JavaScript is never run.
import { dirname, join } from 'node:path';
import { runChild, scriptPath } from './child';
import { errors } from './errors';

interface TextItemLike {
  str: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL: boolean;
}

interface Line {
  text: string;
  x0: number;
  x1: number;
  y: number;
  size: number;
}

function pdfjsDir(): string {
  return dirname(require.resolve('pdfjs-dist/package.json'));
}

/** The getDocument options, in one place for both ways of running pdfjs. */
function pdfOptions() {
  const base = pdfjsDir();
  return {
    // pdf.js 6 no longer has the eval path behind CVE-2024-4367 (pdf-safety.spec.ts checks its
    // build holds no code generation); kept off so a release that brings one back starts disabled.
    isEvalSupported: false,
    enableXfa: false,
    verbosity: 0,
    stopAtErrors: false,
    useSystemFonts: false,
    disableFontFace: true,
    useWorkerFetch: false,
    isOffscreenCanvasSupported: false,
    cMapUrl: join(base, 'cmaps') + '/',
    cMapPacked: true,
    standardFontDataUrl: join(base, 'standard_fonts') + '/',
  };
}

type PdfRead = { ok: true; pages: TextItemLike[][] } | { ok: false; reason: 'encrypted' | 'corrupt' };

const loadPdfjs = () => import('pdfjs-dist/legacy/build/pdf.mjs');
type PdfJs = Awaited<ReturnType<typeof loadPdfjs>>;

async function readInProcess(pdfjs: PdfJs, bytes: Uint8Array): Promise<PdfRead> {
  // pdfjs may transfer (detach) the buffer it is given: give it a copy
  const task = pdfjs.getDocument({ ...pdfOptions(), data: new Uint8Array(bytes) });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (e) {
    await task.destroy().catch(() => undefined);
    return { ok: false, reason: e instanceof Error && e.name === 'PasswordException' ? 'encrypted' : 'corrupt' };
  }
  try {
    const pages: TextItemLike[][] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      pages.push(content.items.filter((i): i is typeof i & TextItemLike => 'str' in i));
      page.cleanup();
    }
    return { ok: true, pages };
  } catch {
    return { ok: false, reason: 'corrupt' };
  } finally {
    await task.destroy().catch(() => undefined); // pdf.js 6: the loading task owns the document
  }
}

/**
 * Fallback for hosts that cannot import ESM (jest running these sources as CommonJS, where import()
 * becomes require()): the same pdfjs, with the same options, in a child node process.
 */
async function readInChild(bytes: Uint8Array): Promise<PdfRead> {
  const result = (await runChild(scriptPath('pdf-child.mjs'), [JSON.stringify(pdfOptions())], bytes, { maxOldSpaceMb: 512 })) as PdfRead | null;
  return result ?? { ok: false, reason: 'corrupt' };
}

export async function decodePdf(bytes: Uint8Array): Promise<{ text: string; pages: number }> {
  // not loadable as ESM here (jest): null, and a child process reads the PDF instead
  const pdfjs: PdfJs | null = await loadPdfjs().catch(() => null);
  const read = pdfjs ? await readInProcess(pdfjs, bytes) : await readInChild(bytes);
  if (!read.ok) throw read.reason === 'encrypted' ? errors.pdfEncrypted() : errors.pdfCorrupt();
  return { text: rebuildText(read.pages), pages: read.pages.length };
}

/** Lines per page, joined into paragraphs where a line runs to the right margin. */
function rebuildText(pages: TextItemLike[][]): string {
  const out: string[] = [];
  let previous: { line: Line; right: number; left: number } | null = null;
  for (const items of pages) {
    const lines = toLines(items).filter((l) => !isPageNumber(l.text));
    if (lines.length === 0) continue;
    let left = Infinity,
      right = -Infinity;
    for (const l of lines) {
      if (l.x0 < left) left = l.x0;
      if (l.x1 > right) right = l.x1;
    }
    for (const line of lines) {
      if (previous) {
        const sameSize = Math.abs(previous.line.size - line.size) <= line.size * 0.1;
        const full = sameSize && previous.right - previous.left > 0 && previous.line.x1 >= previous.right - previous.line.size * 1.5;
        const flush = line.x0 <= left + line.size * 0.5;
        const ends = /[。！？：；!?:;]$/.test(previous.line.text);
        out.push(full && flush && !ends ? '' : '\n');
      }
      out.push(line.text);
      previous = { line, right, left };
    }
  }
  return out.join('');
}

function isCjk(c: number): boolean {
  return (c >= 0x2000 && c <= 0x206f) || (c >= 0x2e80 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xff00 && c <= 0xffef) || (c >= 0x3000 && c <= 0x303f);
}

/**
 * Items → lines. Items are grouped by baseline (within half a glyph) and each line is ordered by x:
 * producers such as LibreOffice draw fallback-font glyphs (curly quotes) after the rest of the line,
 * so content-stream order is not reading order. A space is put between items only where a visible
 * gap separates two non-CJK characters (1 200, "Word 文档"), or where the gap is wider than 1.5 em.
 */
function toLines(items: TextItemLike[]): Line[] {
  const glyphs = items
    .filter((i) => i.str !== '')
    .map((i) => ({ str: i.str, x: i.transform[4], y: i.transform[5], w: i.width, size: Math.abs(i.transform[3]) || i.height || 10 }));
  glyphs.sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: (typeof glyphs)[] = [];
  for (const g of glyphs) {
    const last = groups[groups.length - 1];
    if (last && Math.abs(last[0].y - g.y) <= Math.max(last[0].size, g.size) * 0.5) last.push(g);
    else groups.push([g]);
  }
  const lines: Line[] = [];
  for (const raw of groups) {
    raw.sort((a, b) => a.x - b.x);
    const group = placeInsideRuns(raw);
    const line: Line = { text: '', x0: group[0].x, x1: group[0].x, y: group[0].y, size: 0 };
    for (const g of group) {
      const gap = g.x - line.x1;
      if (line.text && gap > g.size * 0.25) {
        const a = line.text.charCodeAt(line.text.length - 1),
          b = g.str.charCodeAt(0);
        if (gap > g.size * 1.5 || !(isCjk(a) || isCjk(b) || a === 0x20 || b === 0x20)) line.text += ' ';
      }
      line.text += g.str;
      line.x1 = Math.max(line.x1, g.x + g.w);
      line.size = Math.max(line.size, g.size);
    }
    line.text = line.text.replace(/\s+$/, '');
    if (line.text.trim()) lines.push(line);
  }
  return lines;
}

type Glyph = { str: string; x: number; y: number; w: number; size: number };

/**
 * A run of CJK text may be drawn with blanks where a fallback font draws a curly quote on top
 * (LibreOffice does this): pdfjs then reports the run with spaces and the quotes as separate items
 * inside its extent. Put each such character back at its place (CJK glyphs advance evenly), and drop
 * blank items that only overlap a run.
 */
function placeInsideRuns(glyphs: Glyph[]): Glyph[] {
  const hosts = glyphs.filter((g) => g.str.length >= 3 && g.w > 0);
  if (hosts.length === 0) return glyphs;
  const out: Glyph[] = [];
  for (const g of glyphs) {
    const host = g.str.length <= 2 ? hosts.find((h) => h !== g && g.x > h.x + 0.5 && g.x < h.x + h.w - 0.5) : undefined;
    if (!host) {
      out.push(g);
      continue;
    }
    if (g.str.trim() === '') continue;
    const advance = host.w / host.str.length;
    const at = Math.round((g.x - host.x) / advance);
    const slot = [at, at - 1, at + 1].find((k) => host.str[k] === ' ');
    if (g.str.length === 1 && slot !== undefined) host.str = host.str.slice(0, slot) + g.str + host.str.slice(slot + 1);
    else out.push(g);
  }
  return out;
}

function isPageNumber(text: string): boolean {
  const t = text.trim();
  return /^[-—–\s]*\d{1,4}[-—–\s]*$/.test(t) || /^第\s*\d+\s*页(\s*[,，/]?\s*共\s*\d+\s*页)?$/.test(t) || /^\d+\s*\/\s*\d+$/.test(t);
}
