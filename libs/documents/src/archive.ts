// A .zip of reports as a clerk makes it (Windows' "send to compressed folder", WinRAR, macOS): listed
// and inflated under the same limits as a .docx, since it is the same kind of container. Names are
// UTF-8 only when the archive says so (flag 0x800); Windows writes them in the local code page, GBK.
import * as iconv from 'iconv-lite';
import { inflateSync } from 'fflate';
import { DocumentError, errors, type UploadLimits } from './errors';
import { guardInflate, readCentralDirectory, type ZipEntry } from './zip';

export interface ArchiveFile {
  name: string;
  bytes: Buffer;
}

const PK = [0x50, 0x4b, 0x03, 0x04];

/** A zip that is not itself an Office/OpenDocument file (those are zips too). */
export function isPlainZip(b: Uint8Array): boolean {
  if (b.length < 22 || PK.some((x, i) => b[i] !== x)) return false;
  try {
    const names = new Set(readCentralDirectory(b, 100_000, Number.MAX_SAFE_INTEGER).map((e) => e.name));
    return !names.has('[Content_Types].xml') && !names.has('mimetype');
  } catch {
    return false;
  }
}

export function zipEntryName(entry: Pick<ZipEntry, 'rawName' | 'flags'>): string {
  if (entry.flags & 0x800) return Buffer.from(entry.rawName).toString('utf8');
  // Unflagged but valid UTF-8 with non-ASCII (macOS' Archive Utility): keep it. GBK text is almost
  // never valid UTF-8.
  if (entry.rawName.some((c) => c >= 0x80)) {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(entry.rawName);
    } catch {
      return iconv.decode(Buffer.from(entry.rawName), 'gbk');
    }
  }
  return Buffer.from(entry.rawName).toString('latin1');
}

/** Skipped silently: folders, macOS resource forks, Windows thumbnails, hidden files. */
function isNoise(name: string): boolean {
  const base = name.split('/').pop() ?? '';
  return name.endsWith('/') || name.startsWith('__MACOSX/') || base.startsWith('.') || /^(thumbs\.db|desktop\.ini)$/i.test(base);
}

/** The files in a zip, in name order; throws DocumentError (in words for an archive) when it is unsafe or broken. */
export function unpackArchive(b: Uint8Array, limits: UploadLimits): ArchiveFile[] {
  let entries: ZipEntry[];
  try {
    entries = readCentralDirectory(b, limits.maxEntries, limits.maxUnpackedBytes);
    if (entries.some((e) => e.flags & 1)) throw errors.archiveEncrypted();
    guardInflate(b, entries, limits.maxUnpackedBytes);
  } catch (e) {
    if (!(e instanceof DocumentError)) throw errors.archiveCorrupt();
    if (e.code === 'UNPACKED_TOO_LARGE') throw errors.archiveTooLarge();
    if (e.code === 'CORRUPT_DOCX') throw errors.archiveCorrupt();
    throw e;
  }
  const files: ArchiveFile[] = [];
  for (const entry of entries) {
    const name = zipEntryName(entry);
    if (isNoise(name)) continue;
    const lh = entry.localHeaderOffset;
    const start = lh + 30 + (b[lh + 26] | (b[lh + 27] << 8)) + (b[lh + 28] | (b[lh + 29] << 8));
    const data = b.subarray(start, start + entry.compressedSize);
    let bytes: Uint8Array;
    try {
      bytes = entry.method === 0 ? data : inflateSync(data, { out: new Uint8Array(entry.uncompressedSize) });
    } catch {
      throw errors.archiveCorrupt();
    }
    files.push({ name, bytes: Buffer.from(bytes) });
  }
  return files.sort((x, y) => x.name.localeCompare(y.name, 'zh-CN'));
}
