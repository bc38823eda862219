// Near-duplicate search over MinHash fingerprints, without comparing every pair.
//
// Candidates come from the fingerprint's LSH band keys (`lshKeys` from @thermocline/extraction):
// two reports are compared only when they share a band. Reports with byte-identical
// fingerprints (a template copied verbatim by hundreds of units) are grouped first, so a group of
// n copies costs one comparison per candidate, not n². Fingerprints are parsed once into 64 bins
// and compared here with the same estimator as extraction's `similarity` (the spec of this file
// checks the two agree), because `similarity` re-parses both hex strings on every call
// (~9 µs; a cluster of 500 copies is 125,000 pairs).

import { lshKeys } from '@thermocline/extraction';

const BINS = 64;
const EMPTY = 0xffffffff;
const HEX = /^[0-9a-f]{512}$/;

/** Distinct candidate groups compared per group at most: bounds the worst case (documented in README). */
export const MAX_CANDIDATES = 1000;

/** 64 bins, or null when the string is not a fingerprint (then it matches nothing). */
export function parseFingerprint(fp: string | null): Uint32Array | null {
  if (fp === null || !HEX.test(fp)) return null;
  const bins = new Uint32Array(BINS);
  for (let b = 0; b < BINS; b++) bins[b] = parseInt(fp.slice(b * 8, b * 8 + 8), 16) >>> 0;
  return bins;
}

/** Estimated Jaccard similarity: share of equal bins among bins not empty in both (as extraction's `similarity`). */
export function binSimilarity(x: Uint32Array, y: Uint32Array): number {
  let equal = 0;
  let used = 0;
  for (let i = 0; i < BINS; i++) {
    const a = x[i];
    const b = y[i];
    if (a === EMPTY && b === EMPTY) continue;
    used++;
    if (a === b) equal++;
  }
  return used === 0 ? 0 : equal / used;
}

export interface GroupMatch {
  /** Index into `groups`. */
  group: number;
  similarity: number;
}

export interface DuplicateIndex {
  /** Distinct fingerprints; each lists the indices (into the input) of the reports that have it. */
  groups: number[][];
  /** Group of each input report; -1 when it has no usable fingerprint. */
  groupOf: Int32Array;
  /** Highest similarity of each group to any other compared group (1 when the group has several reports). */
  best: Float64Array;
  /** Other groups at or above the threshold, most similar first. */
  matches: GroupMatch[][];
  /** Parsed bins of each group. */
  bins: (Uint32Array | null)[];
}

/** Groups identical fingerprints and finds, through LSH candidates, the groups at or above `threshold`. */
export function findNearDuplicates(fingerprints: readonly (string | null)[], threshold: number): DuplicateIndex {
  const groupOf = new Int32Array(fingerprints.length).fill(-1);
  const byFp = new Map<string, number>();
  const groups: number[][] = [];
  const bins: (Uint32Array | null)[] = [];
  for (let i = 0; i < fingerprints.length; i++) {
    const fp = fingerprints[i];
    if (fp === null) continue;
    let g = byFp.get(fp);
    if (g === undefined) {
      const parsed = parseFingerprint(fp);
      if (parsed === null) continue;
      g = groups.length;
      byFp.set(fp, g);
      groups.push([]);
      bins.push(parsed);
    }
    groups[g].push(i);
    groupOf[i] = g;
  }

  const n = groups.length;
  const best = new Float64Array(n);
  const matches: GroupMatch[][] = Array.from({ length: n }, () => []);
  const keysOf: string[][] = new Array<string[]>(n);
  const buckets = new Map<string, number[]>();
  let g = 0;
  for (const fp of byFp.keys()) {
    const keys = lshKeys(fp);
    keysOf[g] = keys;
    for (const k of keys) {
      const b = buckets.get(k);
      if (b) b.push(g);
      else buckets.set(k, [g]);
    }
    if (groups[g].length > 1 && binSimilarity(bins[g] as Uint32Array, bins[g] as Uint32Array) > 0) best[g] = 1;
    g++;
  }

  // Each unordered pair is compared once, from its lower index; results go to both sides.
  const seen = new Int32Array(n).fill(-1);
  for (let a = 0; a < n; a++) {
    const xa = bins[a] as Uint32Array;
    let examined = 0;
    outer: for (const k of keysOf[a]) {
      for (const b of buckets.get(k) as number[]) {
        if (b <= a || seen[b] === a) continue;
        seen[b] = a;
        if (++examined > MAX_CANDIDATES) break outer;
        const s = binSimilarity(xa, bins[b] as Uint32Array);
        if (s > best[a]) best[a] = s;
        if (s > best[b]) best[b] = s;
        if (s >= threshold) {
          matches[a].push({ group: b, similarity: s });
          matches[b].push({ group: a, similarity: s });
        }
      }
    }
  }
  for (const m of matches) if (m.length > 1) m.sort((p, q) => q.similarity - p.similarity || p.group - q.group);
  return { groups, groupOf, best, matches, bins };
}
