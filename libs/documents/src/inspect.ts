// Deciding what an upload is from its bytes alone (never from its name or Content-Type), quickly and
// synchronously, before anything is stored or queued. No heavy reader is loaded here.
import { DocumentError, DocumentFormat, UploadLimits, errors } from './errors';
import { decodeTextBytes } from './text';
import { readCentralDirectory } from './zip';

export type InspectResult = { ok: true; format: DocumentFormat; mime: string } | { ok: false; error: DocumentError };

export const MIME_TYPES: Record<DocumentFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  doc: 'application/msword',
  pdf: 'application/pdf',
  txt: 'text/plain',
};

function startsWith(b: Uint8Array, sig: readonly number[], at = 0): boolean {
  if (b.length < at + sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (b[at + i] !== sig[i]) return false;
  return true;
}

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function inspectUpload(bytes: Buffer, limits: UploadLimits): InspectResult {
  try {
    const format = detectFormat(bytes, limits);
    return { ok: true, format, mime: MIME_TYPES[format] };
  } catch (e) {
    if (e instanceof DocumentError) return { ok: false, error: e };
    throw e;
  }
}

/** Throws DocumentError; used by inspectUpload and again by decodeDocument's own checks. */
export function detectFormat(b: Uint8Array, limits: UploadLimits): DocumentFormat {
  if (b.length === 0) throw errors.empty();
  if (b.length > limits.maxBytes) throw errors.tooLarge(limits.maxBytes);

  if (startsWith(b, [0x50, 0x4b, 0x03, 0x04]) || startsWith(b, [0x50, 0x4b, 0x05, 0x06])) {
    checkDocx(b, limits);
    return 'docx';
  }
  if (startsWith(b, OLE)) {
    checkOle(b);
    return 'doc';
  }
  if (findPdfHeader(b) >= 0) return 'pdf';

  // Things that are certainly not reports.
  if (startsWith(b, [0x4d, 0x5a])) throw errors.executable(); // MZ: Windows .exe/.dll
  if (startsWith(b, [0x7f, 0x45, 0x4c, 0x46])) throw errors.executable(); // ELF
  if (
    startsWith(b, [0xcf, 0xfa, 0xed, 0xfe]) ||
    startsWith(b, [0xce, 0xfa, 0xed, 0xfe]) ||
    startsWith(b, [0xfe, 0xed, 0xfa, 0xcf]) ||
    startsWith(b, [0xca, 0xfe, 0xba, 0xbe])
  )
    throw errors.executable(); // Mach-O, Java class
  if (startsWith(b, [0x00, 0x61, 0x73, 0x6d])) throw errors.executable(); // WebAssembly
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47]) || startsWith(b, [0xff, 0xd8, 0xff]) || startsWith(b, [0x47, 0x49, 0x46, 0x38]))
    throw errors.image();
  if (startsWith(b, [0x42, 0x4d]) && b.length > 26 && b[14] >= 12 && b[15] === 0 && b[16] === 0 && b[17] === 0)
    throw errors.image(); // BMP
  if (startsWith(b, [0x49, 0x49, 0x2a, 0x00]) || startsWith(b, [0x4d, 0x4d, 0x00, 0x2a])) throw errors.image(); // TIFF
  if (startsWith(b, [0x52, 0x49, 0x46, 0x46]) && startsWith(b, [0x57, 0x45, 0x42, 0x50], 8)) throw errors.image();
  if (
    startsWith(b, [0x1f, 0x8b]) ||
    startsWith(b, [0x52, 0x61, 0x72, 0x21]) ||
    startsWith(b, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]) ||
    startsWith(b, [0x42, 0x5a, 0x68]) ||
    startsWith(b, [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00])
  )
    throw errors.archive();
  if (startsWith(b, [0x7b, 0x5c, 0x72, 0x74, 0x66])) throw errors.rtf(); // {\rtf

  const decoded = decodeTextBytes(b);
  if (!decoded) throw errors.notText();
  checkNotMarkup(decoded.text);
  return 'txt';
}

function findPdfHeader(b: Uint8Array): number {
  // The header may follow up to 1 KB of junk (as Acrobat accepts).
  const end = Math.min(b.length - 5, 1024);
  for (let i = 0; i <= end; i++) {
    if (b[i] === 0x25 && b[i + 1] === 0x50 && b[i + 2] === 0x44 && b[i + 3] === 0x46 && b[i + 4] === 0x2d) return i;
  }
  return -1;
}

/** HTML pages, scripts, SVG and XML documents decode as text but are not reports. */
function checkNotMarkup(text: string): void {
  const head = text.slice(0, 2048).replace(/^\ufeff/, '').trimStart().toLowerCase();
  if (head.startsWith('#!')) throw errors.html();
  if (/^<(!doctype\s+html|html|head|body|script|svg|\?xml|iframe|meta|style)\b/.test(head)) throw errors.html();
  if (/^mime-version:/.test(head)) throw errors.html();
  if (/<script[\s>]/.test(head) || /<\/?(html|body)[\s>]/.test(head)) throw errors.html();
}

function checkDocx(b: Uint8Array, limits: UploadLimits): void {
  const entries = readCentralDirectory(b, limits.maxEntries, limits.maxUnpackedBytes);
  const names = new Set(entries.map((e) => e.name));
  if (names.has('word/document.xml')) {
    if (entries.some((e) => e.flags & 1)) throw errors.wordEncrypted();
    return;
  }
  if (names.has('xl/workbook.xml')) throw errors.notWord('Excel 表格');
  if (names.has('ppt/presentation.xml')) throw errors.notWord('PowerPoint 演示文稿');
  if (names.has('mimetype') && names.has('content.xml')) throw errors.odt();
  if (entries.length > 0 && !names.has('[Content_Types].xml')) throw errors.archive();
  throw errors.notWord();
}

/**
 * OLE2 compound file (.doc, but also .xls, .ppt and password-protected .docx). Directory entries are
 * 128 bytes on 128-byte boundaries; scanning for the few stream names that matter is cheap and needs
 * no FAT walking.
 */
function checkOle(b: Uint8Array): void {
  if (b.length < 1024) throw errors.docCorrupt();
  const sectorShift = b[0x1e] | (b[0x1f] << 8);
  if (sectorShift !== 9 && sectorShift !== 12) throw errors.docCorrupt();
  let word: { start: number; size: number } | null = null;
  let excel = false,
    powerpoint = false,
    encryptedPackage = false;
  for (let o = 512; o + 128 <= b.length; o += 128) {
    const nameLen = b[o + 64] | (b[o + 65] << 8);
    const type = b[o + 66];
    if (nameLen < 4 || nameLen > 64 || nameLen % 2 !== 0 || type !== 2) continue;
    const name = Buffer.from(b.buffer, b.byteOffset + o, nameLen - 2).toString('utf16le');
    if (name === 'WordDocument') {
      const start = (b[o + 116] | (b[o + 117] << 8) | (b[o + 118] << 16) | (b[o + 119] << 24)) >>> 0;
      const size = (b[o + 120] | (b[o + 121] << 8) | (b[o + 122] << 16) | (b[o + 123] << 24)) >>> 0;
      word = { start, size };
    } else if (name === 'Workbook' || name === 'Book') excel = true;
    else if (name === 'PowerPoint Document') powerpoint = true;
    else if (name === 'EncryptedPackage') encryptedPackage = true;
  }
  if (encryptedPackage) throw errors.wordEncrypted(); // an encrypted .docx travels inside OLE
  if (!word) {
    if (excel) throw errors.oleNotWord('Excel 表格（.xls）');
    if (powerpoint) throw errors.oleNotWord('PowerPoint 演示文稿（.ppt）');
    throw errors.docCorrupt();
  }
  // FIB: wIdent 0xA5EC at 0, flags at 0x0A with fEncrypted = 0x0100. Streams ≥ 4096 bytes live in
  // regular sectors, so the FIB sits at (start + 1) << sectorShift.
  if (word.size >= 4096 && word.start < 0xfffffffa) {
    const fib = (word.start + 1) * (1 << sectorShift);
    if (fib + 12 <= b.length && (b[fib] | (b[fib + 1] << 8)) === 0xa5ec) {
      const flags = b[fib + 0x0a] | (b[fib + 0x0b] << 8);
      if (flags & 0x0100) throw errors.wordEncrypted();
    }
  }
}

/**
 * The upload limits (entry count, declared unpacked size) for any zip container an upload path
 * opens, e.g. a unit import's .xlsx; throws DocumentError (Chinese message, HTTP status) otherwise.
 */
export function checkZipLimits(bytes: Uint8Array, limits: UploadLimits): number {
  return readCentralDirectory(bytes, limits.maxEntries, limits.maxUnpackedBytes).length;
}
