// Near-duplicate search over MinHash fingerprints, without comparing every pair.
//
// Candidates come from LSH bands — the 16 bands of 4 bins of `lshKeys` in @thermocline/extraction:
// two reports are compared only when they share a band. Reports with byte-identical fingerprints
// (a template copied verbatim by hundreds of units) are grouped first, so a group of n copies
// costs one comparison per candidate, not n².
//
// Party-work prose shares a lot of boilerplate, and a band whose four bins are all taken by
// ubiquitous 4-grams (意识形态, 主题党日 …) puts most reports of a period into one bucket. So each
// report visits its buckets smallest first (a bucket of 2 is strong evidence, one of 5,000 is
// none) and compares at most CANDIDATE_BUDGET candidates: a near-duplicate at J ≥ 0.8 shares about
// 7 of 16 bands and is met in a small bucket long before the budget runs out, while the work stays
// linear in the number of reports. A report whose budget ran out before its buckets did is marked
// `truncated`: its match count is then a lower bound.
//
// Fingerprints are parsed once into one flat table of bins and compared here with the same
// estimator as extraction's `similarity` (the spec of this file checks they agree bit for bit),
// because `similarity` re-parses both hex strings on every call (~9 µs), and band keys are small
// integers rather than `band:hex` strings (the spec checks they group fingerprints as `lshKeys`
// does): hashing 160,000 numbers instead of 160,000 sliced strings keeps a 10,000-report period fast.

const BINS = 64;
const BAND_ROWS = 4;
const BANDS = BINS / BAND_ROWS;

/** Candidates compared per distinct fingerprint at most (documented in README). */
export const CANDIDATE_BUDGET = 32;

/** Value of each hex digit by char code; −1 for anything else. */
const HEX = new Int8Array(128).fill(-1);
for (let c = 0; c < 10; c++) HEX[48 + c] = c;
for (let c = 0; c < 6; c++) HEX[97 + c] = 10 + c;

/**
 * Parses a fingerprint (64 bins × 8 lowercase hex digits) into `out` at row `row`. Returns false,
 * leaving the row undefined, when the string is not a fingerprint (then it matches nothing).
 */
export function parseInto(fp: string, out: Uint32Array, row: number): boolean {
  if (fp.length !== BINS * 8) return false;
  let bad = 0;
  for (let b = 0, p = 0, o = row * BINS; b < BINS; b++) {
    let v = 0;
    for (let j = 0; j < 8; j++, p++) {
      const c = fp.charCodeAt(p);
      const d = HEX[c & 127];
      bad |= d | (c & ~127); // a −1 digit sets the sign bit, a non-ASCII char a high bit
      v = (v << 4) | (d & 15);
    }
    out[o + b] = v >>> 0;
  }
  return bad >= 0 && bad <= 15;
}

/** 64 bins, or null when the string is not a fingerprint. */
export function parseFingerprint(fp: string | null): Uint32Array | null {
  if (fp === null) return null;
  const bins = new Uint32Array(BINS);
  return parseInto(fp, bins, 0) ? bins : null;
}

/**
 * Estimated Jaccard similarity of rows `a` of `x` and `b` of `y`: the share of equal bins among
 * bins not empty in both, as extraction's `similarity`. Branch-free (comparisons turned into 0/1),
 * which is about 3× faster than the if/continue form on near-random bins.
 */
export function binSimilarity(x: Uint32Array, y: Uint32Array, a = 0, b = 0): number {
  let equal = 0;
  let bothEmpty = 0;
  for (let i = 0, oa = a * BINS, ob = b * BINS; i < BINS; i++) {
    const p = x[oa + i];
    const q = y[ob + i];
    equal += +(p === q);
    bothEmpty += +((p & q) === -1); // only 0xffffffff & 0xffffffff is all ones (−1 as int32)
  }
  const used = BINS - bothEmpty;
  return used === 0 ? 0 : (equal - bothEmpty) / used;
}

/**
 * The bucket of one band as a 30-bit integer mixed from its four bins; −1 for a band of empty bins
 * (no key, as in lshKeys). A collision between different bands only adds a candidate, which the
 * similarity check then rejects.
 */
export function bandKey(x: Uint32Array, row: number, band: number): number {
  const o = row * BINS + band * BAND_ROWS;
  const a = x[o], b = x[o + 1], c = x[o + 2], d = x[o + 3];
  if ((a & b & c & d) === -1) return -1;
  let h = Math.imul(a ^ 0x811c9dc5, 0x85ebca6b);
  h = Math.imul((h ^ (h >>> 13)) + b, 0xc2b2ae35);
  h = Math.imul((h ^ (h >>> 16)) + c, 0x85ebca6b);
  h = Math.imul((h ^ (h >>> 13)) + d, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 2; // a small integer, which Maps hash fastest
}

export interface GroupMatch {
  /** Index into `groups`. */
  group: number;
  similarity: number;
}

export interface DuplicateIndex {
  /** Distinct fingerprints; each lists the indices (into the input) of the reports that have it. */
  groups: number[][];
  /** Group of each input report; −1 when it has no usable fingerprint. */
  groupOf: Int32Array;
  /** Highest similarity of each group to any other compared group (1 when several reports share it). */
  best: Float64Array;
  /** Other groups at or above the threshold, most similar first. */
  matches: GroupMatch[][];
  /** Whether a group's candidate budget ran out before its buckets did (its matches may be incomplete). */
  truncated: Uint8Array;
  /** Bins of group g at row g (64 per row). */
  bins: Uint32Array;
}

/** Groups identical fingerprints and finds, through LSH candidates, the groups at or above `threshold`. */
export function findNearDuplicates(fingerprints: readonly (string | null)[], threshold: number): DuplicateIndex {
  const groupOf = new Int32Array(fingerprints.length).fill(-1);
  const byFp = new Map<string, number>();
  const groups: number[][] = [];
  let bins = new Uint32Array(Math.max(1, fingerprints.length) * BINS);
  for (let i = 0; i < fingerprints.length; i++) {
    const fp = fingerprints[i];
    if (fp === null) continue;
    let g = byFp.get(fp);
    if (g === undefined) {
      if (!parseInto(fp, bins, groups.length)) continue;
      g = groups.length;
      byFp.set(fp, g);
      groups.push([]);
    }
    groups[g].push(i);
    groupOf[i] = g;
  }
  const n = groups.length;
  bins = bins.subarray(0, n * BINS);

  const best = new Float64Array(n);
  const truncated = new Uint8Array(n);
  const matches: GroupMatch[][] = Array.from({ length: n }, () => []);
  const bucketsOf: number[][][] = new Array<number[][]>(n);
  const bandMaps = Array.from({ length: BANDS }, () => new Map<number, number[]>());
  for (let g = 0; g < n; g++) {
    const own: number[][] = [];
    for (let band = 0; band < BANDS; band++) {
      const key = bandKey(bins, g, band);
      if (key < 0) continue;
      const map = bandMaps[band];
      let bucket = map.get(key);
      if (bucket) bucket.push(g);
      else map.set(key, (bucket = [g]));
      own.push(bucket);
    }
    bucketsOf[g] = own;
    if (groups[g].length > 1 && own.length > 0) best[g] = 1; // identical, not all empty
  }

  // A pair met from both sides is compared twice at most; `seen` stamps keep it once per side.
  const seen = new Int32Array(n).fill(-1);
  for (let a = 0; a < n; a++) {
    const own = bucketsOf[a];
    own.sort((p, q) => p.length - q.length);
    let budget = CANDIDATE_BUDGET;
    outer: for (const bucket of own) {
      for (const b of bucket) {
        if (b === a || seen[b] === a) continue;
        if (budget-- === 0) {
          truncated[a] = 1;
          break outer;
        }
        seen[b] = a;
        const s = binSimilarity(bins, bins, a, b);
        if (s > best[a]) best[a] = s;
        if (s > best[b]) best[b] = s;
        if (s >= threshold) {
          matches[a].push({ group: b, similarity: s });
          matches[b].push({ group: a, similarity: s });
        }
      }
    }
  }
  for (const m of matches) {
    if (m.length < 2) continue;
    m.sort((p, q) => q.similarity - p.similarity || p.group - q.group);
    // Drop the second record of pairs met from both sides (equal similarity, so adjacent).
    let w = 1;
    for (let r = 1; r < m.length; r++) if (m[r].group !== m[w - 1].group) m[w++] = m[r];
    m.length = w;
  }
  return { groups, groupOf, best, matches, truncated, bins };
}
