import { fingerprint, lshKeys, similarity } from '@thermocline/extraction';

import { bandKey, binSimilarity, findNearDuplicates, parseFingerprint } from './duplicates';
import { fp } from './fixtures.spec-helper';

// A deterministic pseudo-random text generator, so the test does not depend on luck.
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
const PHRASES = ['召开意识形态专题会议', '开展主题党日活动', '组织集中学习', '制作宣传展板', '发布新闻稿件', '开展志愿服务', '结对共建', '网络舆情处置', '讲授专题党课', '举办培训班'];
function text(seed: number, sentences = 30): string {
  const r = rng(seed);
  let t = '';
  for (let i = 0; i < sentences; i++) t += `${PHRASES[Math.floor(r() * PHRASES.length)]}${Math.floor(r() * 90) + 1}次，涉及第${Math.floor(r() * 500)}组；`;
  return t;
}

describe('binSimilarity', () => {
  it('agrees exactly with extraction’s similarity on real fingerprints', () => {
    const fps = Array.from({ length: 12 }, (_, i) => fingerprint(text(i)));
    fps.push(fingerprint(text(3).replace('开展主题党日活动', '开展党日活动')), fingerprint('短'), fingerprint(''));
    for (const a of fps) {
      for (const b of fps) {
        expect(binSimilarity(parseFingerprint(a) ?? new Uint32Array(64).fill(0xffffffff), parseFingerprint(b) ?? new Uint32Array(64).fill(0xffffffff))).toBe(similarity(a, b));
      }
    }
  });

  it('treats malformed fingerprints as absent', () => {
    expect(parseFingerprint(null)).toBeNull();
    expect(parseFingerprint('abc')).toBeNull();
    expect(parseFingerprint('Z'.repeat(512))).toBeNull();
  });
});

describe('bandKey', () => {
  it('puts two fingerprints in a common bucket exactly when lshKeys gives them a common key', () => {
    const base = text(5, 40);
    const fps = [
      ...Array.from({ length: 8 }, (_, i) => fingerprint(text(200 + i, 40))),
      fingerprint(base),
      fingerprint(base.replace('组织集中学习', '组织集体学习')),
      fingerprint(base.slice(0, base.length - 80)),
      fingerprint(`短文本${base.slice(0, 30)}`),
      fingerprint(''),
      fp(3),
      fp(3, [0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55]),
    ];
    const numeric = (f: string): Set<string> => {
      const bins = parseFingerprint(f) as Uint32Array;
      const keys = new Set<string>();
      for (let band = 0; band < 16; band++) {
        const k = bandKey(bins, 0, band);
        if (k >= 0) keys.add(`${band}:${k}`);
      }
      return keys;
    };
    let sharing = 0;
    for (const a of fps) {
      for (const b of fps) {
        const viaLsh = lshKeys(a).some((k) => lshKeys(b).includes(k));
        const na = numeric(a);
        const viaBand = [...numeric(b)].some((k) => na.has(k));
        expect(viaBand).toBe(viaLsh);
        if (viaLsh && a !== b) sharing++;
      }
    }
    expect(sharing).toBeGreaterThan(4); // the copies do share bands; the test is not vacuous
    expect(numeric(fingerprint('')).size).toBe(0); // an empty text has no band, as in lshKeys
  });
});

describe('findNearDuplicates', () => {
  it('finds a changed copy among unrelated reports and groups identical ones', () => {
    const fps: (string | null)[] = Array.from({ length: 200 }, (_, i) => fp(i + 1));
    fps.push(fp(7, [1, 2, 3, 5, 9])); // 200: copy of index 6 with 5 bins changed → 59/64
    fps.push(fp(50)); // 201: identical to index 49
    fps.push(null); // 202: no fingerprint
    const d = findNearDuplicates(fps, 0.8);
    expect(d.groupOf[202]).toBe(-1);
    expect(d.groupOf[201]).toBe(d.groupOf[49]);
    expect(d.groups[d.groupOf[49]]).toEqual([49, 201]);
    expect(d.best[d.groupOf[49]]).toBe(1);
    expect(d.matches[d.groupOf[6]]).toEqual([{ group: d.groupOf[200], similarity: 59 / 64 }]);
    expect(d.matches[d.groupOf[200]]).toEqual([{ group: d.groupOf[6], similarity: 59 / 64 }]);
    // Every other group matched nothing.
    const matched = d.matches.filter((m) => m.length > 0).length;
    expect(matched).toBe(2);
  });

  it('records similarities below the threshold for originality but does not match them', () => {
    // 20 of 64 bins changed, but bands 5..15 (bins 20..63) equal → compared: 44/64 = .6875
    const changed = Array.from({ length: 20 }, (_, i) => i);
    const d = findNearDuplicates([fp(1), fp(1, changed)], 0.8);
    expect(d.best[0]).toBe(44 / 64);
    expect(d.matches[0]).toEqual([]);
  });

  it('finds real near-copies made by editing names and numbers', () => {
    const original = text(77, 60);
    // Another unit's name, one activity reworded, the last lines cut.
    const copy = `一中第二党支部${original.replace('组织集中学习', '组织集体学习').slice(0, original.length - 60)}`;
    const fps = [...Array.from({ length: 50 }, (_, i) => fingerprint(text(1000 + i, 60))), fingerprint(original), fingerprint(copy)];
    const d = findNearDuplicates(fps, 0.8);
    const expected = similarity(fps[50], fps[51]);
    expect(expected).toBeGreaterThanOrEqual(0.8);
    expect(d.matches[d.groupOf[50]].map((m) => m.group)).toContain(d.groupOf[51]);
  });
});
