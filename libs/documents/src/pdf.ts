// PDF text with pdfjs-dist 5.6 (the last line that runs on Node 20), loaded lazily with a real dynamic
// import() — the package is ESM-only and this library compiles to CommonJS (module node16 keeps
// import() as is). Evaluation, XFA and scripting are off: a PDF's JavaScript is never run.
import { dirname, join } from 'node:path';
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

export async function decodePdf(bytes: Uint8Array): Promise<{ text: string; pages: number }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const base = pdfjsDir();
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes), // pdfjs may transfer (detach) the buffer it is given
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
  });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (e) {
    await task.destroy().catch(() => undefined);
    const name = e instanceof Error ? e.name : '';
    if (name === 'PasswordException') throw errors.pdfEncrypted();
    throw errors.pdfCorrupt();
  }
  try {
    const out: string[] = [];
    let previous: { line: Line; right: number; left: number } | null = null;
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      const items = content.items.filter((i): i is typeof i & TextItemLike => 'str' in i);
      const lines = toLines(items).filter((l) => !isPageNumber(l.text));
      page.cleanup();
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
    return { text: out.join(''), pages: doc.numPages };
  } catch {
    throw errors.pdfCorrupt();
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}

function isCjk(c: number): boolean {
  return (c >= 0x2e80 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xff00 && c <= 0xffef) || (c >= 0x3000 && c <= 0x303f);
}

/** Items → lines: a new line at hasEOL or when the baseline moves by more than half a glyph. */
function toLines(items: TextItemLike[]): Line[] {
  const lines: Line[] = [];
  let cur: Line | null = null;
  let eol = false;
  for (const item of items) {
    const x = item.transform[4],
      y = item.transform[5];
    const size = Math.abs(item.transform[3]) || item.height || 10;
    if (item.str === '' && !item.hasEOL) continue;
    if (!cur || eol || Math.abs(y - cur.y) > size * 0.5) {
      if (cur && cur.text.trim()) lines.push(cur);
      cur = { text: '', x0: x, x1: x, y, size };
    }
    if (item.str) {
      const gap = x - cur.x1;
      if (cur.text && gap > size * 0.25) {
        const a = cur.text.charCodeAt(cur.text.length - 1),
          b = item.str.charCodeAt(0);
        if (gap > size * 1.5 || !(isCjk(a) || isCjk(b))) cur.text += ' ';
      }
      cur.text += item.str;
      cur.x1 = Math.max(cur.x1, x + item.width);
      cur.size = Math.max(cur.size, size);
    }
    eol = item.hasEOL;
  }
  if (cur && cur.text.trim()) lines.push(cur);
  for (const l of lines) l.text = l.text.replace(/\s+$/, '');
  return lines;
}

function isPageNumber(text: string): boolean {
  const t = text.trim();
  return /^[-—–\s]*\d{1,4}[-—–\s]*$/.test(t) || /^第\s*\d+\s*页(\s*[,，/]?\s*共\s*\d+\s*页)?$/.test(t) || /^\d+\s*\/\s*\d+$/.test(t);
}
