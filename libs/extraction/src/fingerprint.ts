// Near-duplicate fingerprints: one-permutation MinHash over character 4-gram shingles.
//
// A report copied from another unit (or from the unit's own previous report) keeps most of its
// 4-grams even when names, dates and a few numbers are changed. One hash per shingle, binned by its
// top bits, keeps the cost linear in the text length (64 independent hashes per shingle would cost
// 64x more), and the estimate of the Jaccard similarity is the share of equal non-empty bins.

const BINS = 64;
const BAND_ROWS = 4; // 16 bands of 4 bins: pairs at J≥0.8 share a band with p≈0.9998, at J=0.3 with p≈0.12
const EMPTY = 0xffffffff;

/** 64 bins × 8 hex digits; `ffffffff` marks an empty bin. Stable across versions of this file. */
export type Fingerprint = string;

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Letters, digits and CJK only: layout, punctuation and spacing do not make a text original. */
function isContent(c: number): boolean {
  return (
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0x30 && c <= 0x39) ||
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x61 && c <= 0x7a)
  );
}

export function fingerprint(text: string): Fingerprint {
  const bins = new Uint32Array(BINS).fill(EMPTY);
  let c0 = 0, c1 = 0, c2 = 0, seen = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!isContent(c)) continue;
    if (seen >= 3) {
      let h = Math.imul(c0, 0x01000193) ^ c1;
      h = Math.imul(h, 0x01000193) ^ c2;
      h = Math.imul(h, 0x01000193) ^ c;
      h = fmix32(h);
      const bin = h >>> 26;
      const v = h & 0x03ffffff;
      if (v < bins[bin]) bins[bin] = v;
    }
    c0 = c1; c1 = c2; c2 = c; seen++;
  }
  let out = '';
  for (let b = 0; b < BINS; b++) out += bins[b].toString(16).padStart(8, '0');
  return out;
}

function parse(fp: Fingerprint): Uint32Array {
  const bins = new Uint32Array(BINS);
  for (let b = 0; b < BINS; b++) bins[b] = parseInt(fp.slice(b * 8, b * 8 + 8), 16) >>> 0;
  return bins;
}

/** Estimated Jaccard similarity (0..1) of the two texts' shingle sets. */
export function similarity(a: Fingerprint, b: Fingerprint): number {
  if (a.length !== BINS * 8 || b.length !== BINS * 8) return 0;
  const x = parse(a), y = parse(b);
  let equal = 0, used = 0;
  for (let i = 0; i < BINS; i++) {
    if (x[i] === EMPTY && y[i] === EMPTY) continue;
    used++;
    if (x[i] === y[i]) equal++;
  }
  return used === 0 ? 0 : equal / used;
}

/**
 * Locality-sensitive band keys: two fingerprints worth comparing share at least one key with
 * high probability, so near-duplicates among thousands of reports are found without comparing
 * every pair. Bands that are entirely empty produce no key.
 */
export function lshKeys(fp: Fingerprint): string[] {
  const keys: string[] = [];
  const width = BAND_ROWS * 8;
  for (let band = 0; band < BINS / BAND_ROWS; band++) {
    const slice = fp.slice(band * width, band * width + width);
    if (/^(ffffffff)+$/.test(slice)) continue;
    keys.push(`${band}:${slice}`);
  }
  return keys;
}
