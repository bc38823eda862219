// Reading a .docx's ZIP structure without trusting it: the central directory is checked before anything
// is inflated (declared sizes, entry count, offsets inside the file), and the actual inflate is guarded
// chunk by chunk, because declared sizes can lie.
import { Inflate } from 'fflate';
import { errors } from './errors';

export interface ZipEntry {
  name: string;
  /** The name's bytes as stored: UTF-8 when flag 0x800 is set, otherwise often GBK (Windows). */
  rawName: Uint8Array;
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const EOCD = 0x06054b50;
const EOCD64_LOCATOR = 0x07064b50;
const EOCD64 = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function u16(b: Uint8Array, o: number): number {
  return b[o] | (b[o + 1] << 8);
}
function u32(b: Uint8Array, o: number): number {
  return (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;
}
function u64(b: Uint8Array, o: number): number {
  return u32(b, o) + u32(b, o + 4) * 0x100000000;
}

/** Lists the central directory; throws DocumentError for a truncated, corrupt or oversized archive. */
export function readCentralDirectory(b: Uint8Array, maxEntries: number, maxUnpackedBytes: number): ZipEntry[] {
  const n = b.length;
  let eocd = -1;
  for (let i = n - 22; i >= Math.max(0, n - 22 - 0xffff); i--) {
    if (b[i] === 0x50 && u32(b, i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw errors.zipCorrupt();
  let count = u16(b, eocd + 10);
  let cdSize = u32(b, eocd + 12);
  let cdOffset = u32(b, eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc < 0 || u32(b, loc) !== EOCD64_LOCATOR) throw errors.zipCorrupt();
    const at = u64(b, loc + 8);
    if (at + 56 > n || u32(b, at) !== EOCD64) throw errors.zipCorrupt();
    count = u64(b, at + 32);
    cdSize = u64(b, at + 40);
    cdOffset = u64(b, at + 48);
  }
  if (count > maxEntries) throw errors.zipBomb();
  if (cdOffset + cdSize > n) throw errors.zipCorrupt();
  const entries: ZipEntry[] = [];
  let total = 0;
  let p = cdOffset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > n || u32(b, p) !== CENTRAL) throw errors.zipCorrupt();
    const flags = u16(b, p + 8);
    const method = u16(b, p + 10);
    let compressedSize = u32(b, p + 20);
    let uncompressedSize = u32(b, p + 24);
    const nameLen = u16(b, p + 28);
    const extraLen = u16(b, p + 30);
    const commentLen = u16(b, p + 32);
    let localHeaderOffset = u32(b, p + 42);
    if (p + 46 + nameLen + extraLen + commentLen > n) throw errors.zipCorrupt();
    const rawName = b.subarray(p + 46, p + 46 + nameLen);
    const name = Buffer.from(rawName).toString('utf8');
    if (uncompressedSize === 0xffffffff || compressedSize === 0xffffffff || localHeaderOffset === 0xffffffff) {
      // ZIP64 extra field: the 64-bit values appear in this order, each only if its 32-bit field is maxed.
      let e = p + 46 + nameLen;
      const end = e + extraLen;
      while (e + 4 <= end) {
        const id = u16(b, e),
          size = u16(b, e + 2);
        if (id === 0x0001) {
          let q = e + 4;
          if (uncompressedSize === 0xffffffff) {
            uncompressedSize = u64(b, q);
            q += 8;
          }
          if (compressedSize === 0xffffffff) {
            compressedSize = u64(b, q);
            q += 8;
          }
          if (localHeaderOffset === 0xffffffff) localHeaderOffset = u64(b, q);
          break;
        }
        e += 4 + size;
      }
    }
    total += uncompressedSize;
    if (total > maxUnpackedBytes) throw errors.zipBomb();
    if (localHeaderOffset + 30 > n || u32(b, localHeaderOffset) !== LOCAL) throw errors.zipCorrupt();
    const dataStart = localHeaderOffset + 30 + u16(b, localHeaderOffset + 26) + u16(b, localHeaderOffset + 28);
    if (dataStart + compressedSize > n) throw errors.zipCorrupt();
    entries.push({ name, rawName, method, flags, compressedSize, uncompressedSize, localHeaderOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/**
 * Inflates every entry, counting output, and throws as soon as an entry produces more than it declared
 * (plus a little slack) or the archive more than `maxUnpackedBytes`. Nothing is kept: this is a check
 * made before the archive is handed to a reader that would inflate without limits.
 */
export function guardInflate(b: Uint8Array, entries: ZipEntry[], maxUnpackedBytes: number): void {
  let total = 0;
  for (const entry of entries) {
    if (entry.flags & 1) throw errors.wordEncrypted();
    const lh = entry.localHeaderOffset;
    const start = lh + 30 + u16(b, lh + 26) + u16(b, lh + 28);
    const data = b.subarray(start, start + entry.compressedSize);
    const limit = entry.uncompressedSize + 1024;
    if (entry.method === 0) {
      total += data.length;
    } else if (entry.method === 8) {
      let produced = 0;
      const inflater = new Inflate((chunk) => {
        produced += chunk.length;
        if (produced > limit || total + produced > maxUnpackedBytes) throw errors.zipBomb();
      });
      const step = 64 * 1024;
      try {
        for (let o = 0; o < data.length; o += step) {
          inflater.push(data.subarray(o, Math.min(data.length, o + step)), o + step >= data.length);
        }
      } catch (e) {
        if (e instanceof Error && e.name === 'DocumentError') throw e;
        throw errors.zipCorrupt();
      }
      total += produced;
    } else {
      throw errors.zipCorrupt();
    }
    if (total > maxUnpackedBytes) throw errors.zipBomb();
  }
}
