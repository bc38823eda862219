// bytes + format → plain text. Each reader is loaded lazily, so the api's upload check and a .txt
// extraction never pay for mammoth, word-extractor or pdfjs.
import { DEFAULT_UPLOAD_LIMITS, DocumentError, DocumentFormat, errors } from './errors';
import { detectFormat } from './inspect';
import { decodeTextBytes } from './text';
import { guardInflate, readCentralDirectory } from './zip';
import { decodePdf } from './pdf';
import { runChild, scriptPath } from './child';

export interface DecodedDocument {
  text: string;
  format: DocumentFormat;
  encoding?: string;
  pages?: number;
}

export async function decodeDocument(bytes: Buffer, format: DocumentFormat): Promise<DecodedDocument> {
  // The caller's format is trusted only as far as the bytes agree with it.
  const actual = detectFormat(bytes, { ...DEFAULT_UPLOAD_LIMITS, maxBytes: Math.max(bytes.length, 1) });
  if (actual !== format) throw errors.unknown();
  let result: DecodedDocument;
  try {
    switch (format) {
      case 'txt': {
        const decoded = decodeTextBytes(bytes);
        if (!decoded) throw errors.notText();
        result = { text: decoded.text.replace(/^\ufeff/, ''), format, encoding: decoded.encoding };
        break;
      }
      case 'docx':
        result = { text: await decodeDocx(bytes), format };
        break;
      case 'doc':
        result = { text: await decodeDoc(bytes), format };
        break;
      case 'pdf': {
        const pdf = await decodePdf(bytes);
        result = { text: pdf.text, format, pages: pdf.pages };
        break;
      }
    }
  } catch (e) {
    if (e instanceof DocumentError) throw e;
    throw errors.failed();
  }
  if (!/[^\s\u3000]/.test(result.text)) throw format === 'pdf' ? errors.pdfNoText() : errors.noText();
  return result;
}

async function decodeDocx(bytes: Buffer): Promise<string> {
  const entries = readCentralDirectory(bytes, DEFAULT_UPLOAD_LIMITS.maxEntries, DEFAULT_UPLOAD_LIMITS.maxUnpackedBytes);
  guardInflate(bytes, entries, DEFAULT_UPLOAD_LIMITS.maxUnpackedBytes);
  const mammoth = (await import('mammoth')).default;
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: bytes },
      {
        // Never follow a linked image to the local disk or network (CVE-2025-11849), and never even
        // read embedded images: only the text matters.
        externalFileAccess: false,
        convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
        ignoreEmptyParagraphs: false,
      },
    );
    html = result.value;
  } catch {
    throw errors.zipCorrupt();
  }
  return htmlToText(html);
}

/**
 * mammoth's HTML is small and regular (p, h1–h6, table/tr/td, ol/ul/li, strong, em, a, img, br).
 * Paragraphs become lines, table cells are separated by tabs, and items of an automatically numbered
 * list get a marker by depth (1. · (1) · ①) so the enumeration Word shows is not lost.
 */
export function htmlToText(html: string): string {
  let out = '';
  let cellDepth = 0;
  const lists: { ordered: boolean; n: number }[] = [];
  const re = /<(\/?)([a-zA-Z0-9]+)[^>]*>|([^<]+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(html))) {
    if (m[3] !== undefined) {
      out += decodeEntities(m[3]);
      continue;
    }
    const closing = m[1] === '/';
    const tag = m[2].toLowerCase();
    switch (tag) {
      case 'p':
      case 'h1':
      case 'h2':
      case 'h3':
      case 'h4':
      case 'h5':
      case 'h6':
        if (closing) out += cellDepth > 0 ? ' ' : '\n';
        break;
      case 'br':
        out += cellDepth > 0 ? ' ' : '\n';
        break;
      case 'td':
      case 'th':
        if (closing) {
          cellDepth--;
          out = out.replace(/ +$/, '') + '\t';
        } else cellDepth++;
        break;
      case 'tr':
        if (closing) out = out.replace(/\t$/, '') + '\n';
        break;
      case 'table':
        if (closing) out += '\n';
        break;
      case 'ol':
      case 'ul':
        if (closing) lists.pop();
        else lists.push({ ordered: tag === 'ol', n: 0 });
        break;
      case 'li':
        if (!closing) {
          if (out && !out.endsWith('\n')) out += '\n'; // a nested list starts on its own line
          const list = lists[lists.length - 1];
          if (list) out += list.ordered ? listMarker(lists.filter((l) => l.ordered).length, ++list.n) : '• ';
        } else if (!out.endsWith('\n')) out += '\n';
        break;
      default:
        break;
    }
  }
  return out;
}

/**
 * Word shows its own numbering (一、 / （一） / 1.) which mammoth does not print; what matters downstream
 * is the nesting, so each depth gets a distinct marker: 1. · (1) · ①.
 */
function listMarker(depth: number, n: number): string {
  if (depth <= 1) return `${n}. `;
  if (depth === 2 || n > 20) return `(${n}) `;
  return String.fromCharCode(0x245f + n) + ' ';
}

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos|nbsp);/g, (_, e: string) => {
    switch (e) {
      case 'amp':
        return '&';
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'quot':
        return '"';
      case 'apos':
        return "'";
      case 'nbsp':
        return ' ';
      default: {
        const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
      }
    }
  });
}

/** In a child process with a 256 MB heap: see ../doc-child.cjs for why. */
async function decodeDoc(bytes: Buffer): Promise<string> {
  const result = (await runChild(scriptPath('doc-child.cjs'), [], bytes, { maxOldSpaceMb: 256, timeoutMs: 30000 })) as { ok?: boolean; text?: unknown } | null;
  if (!result || result.ok !== true || typeof result.text !== 'string') throw errors.docCorrupt();
  return result.text;
}
