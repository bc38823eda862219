// Plain-text decoding: BOM first, then strict UTF-8, then GB18030/GBK judged by how Chinese the bytes
// look, then (as a helper only) jschardet for Big5. Binary noise is refused rather than turned into
// mojibake that would be stored as a "report".
import * as iconv from 'iconv-lite';
import * as jschardet from 'jschardet';

export interface DecodedText {
  text: string;
  encoding: string;
}

/** Share of C0 control characters (other than tab, LF, CR, FF) that a text may hold. */
const MAX_CONTROL_SHARE = 0.01;

export function decodeTextBytes(bytes: Uint8Array): DecodedText | null {
  const n = bytes.length;
  if (n >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = strictUtf8(bytes.subarray(3));
    return text !== null && looksLikeText(text) ? { text, encoding: 'utf-8-bom' } : null;
  }
  if (n >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    const text = utf16(bytes.subarray(2), 'utf-16le');
    return text !== null && looksLikeText(text) ? { text, encoding: 'utf-16le' } : null;
  }
  if (n >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    const text = utf16(bytes.subarray(2), 'utf-16be');
    return text !== null && looksLikeText(text) ? { text, encoding: 'utf-16be' } : null;
  }
  // Without a BOM a NUL byte means binary (UTF-16 without a BOM is not supported).
  if (bytes.indexOf(0) >= 0) return null;
  const utf8 = strictUtf8(bytes);
  if (utf8 !== null) return looksLikeText(utf8) ? { text: utf8, encoding: 'utf-8' } : null;
  if (looksLikeGb(bytes)) {
    const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'gb18030');
    if (looksLikeText(text) && !text.includes('\ufffd')) return { text, encoding: 'gb18030' };
  }
  // Last resort, and only as a helper: Traditional-Chinese files saved as Big5.
  const sample = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 64 * 1024));
  const guess = jschardet.detect(sample.toString('binary'));
  if (guess.encoding && /big5/i.test(guess.encoding) && guess.confidence >= 0.6) {
    const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'big5');
    if (looksLikeText(text) && !text.includes('\ufffd') && cjkShare(text) > 0.3) return { text, encoding: 'big5' };
  }
  return null;
}

function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

function utf16(bytes: Uint8Array, enc: 'utf-16le' | 'utf-16be'): string | null {
  if (bytes.length % 2 === 1) bytes = bytes.subarray(0, bytes.length - 1);
  try {
    return new TextDecoder(enc, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Few control characters and no unpaired surrogates' replacement characters. */
export function looksLikeText(text: string): boolean {
  if (text.length === 0) return true;
  let control = 0,
    replacement = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0x7f) control++;
    else if (c === 0xfffd) replacement++;
  }
  return control <= Math.max(1, text.length * MAX_CONTROL_SHARE) && replacement <= text.length * 0.001;
}

/**
 * GBK-shaped bytes: every high byte starts a valid double-byte pair, and most pairs fall in the
 * GB2312 area (A1–F7 × A1–FE) where everyday Chinese lives. Random binary passes neither test.
 */
function looksLikeGb(bytes: Uint8Array): boolean {
  let pairs = 0,
    gb2312 = 0,
    control = 0;
  const n = bytes.length;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b < 0x80) {
      if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) || b === 0x7f) control++;
      continue;
    }
    if (b === 0x80 || b === 0xff || i + 1 >= n) return false;
    const t = bytes[i + 1];
    if (t >= 0x30 && t <= 0x39) {
      // GB18030 four-byte sequence
      if (i + 3 >= n) return false;
      i += 3;
      pairs++;
      continue;
    }
    if (t < 0x40 || t === 0x7f || t === 0xff) return false;
    pairs++;
    if (b >= 0xa1 && b <= 0xf7 && t >= 0xa1 && t <= 0xfe) gb2312++;
    i++;
  }
  if (control > Math.max(1, n * MAX_CONTROL_SHARE)) return false;
  return pairs > 0 && gb2312 / pairs >= 0.8;
}

function cjkShare(text: string): number {
  let cjk = 0,
    counted = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c <= 0x20) continue;
    counted++;
    if (c >= 0x4e00 && c <= 0x9fff) cjk++;
  }
  return counted === 0 ? 0 : cjk / counted;
}
