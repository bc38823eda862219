import { DEFAULT_CATALOGUE } from './catalogue';
import { AhoCorasick, compileDefinitions, findHits } from './matcher';

describe('AhoCorasick', () => {
  it('reports every occurrence of every word, overlapping ones included', () => {
    const ac = new AhoCorasick([
      ['舆情', 'a'],
      ['舆情信息', 'b'],
      ['信息', 'c'],
      ['信息员', 'd'],
    ] as const);
    const found: [number, number, string][] = [];
    ac.scan('网络舆情信息员队伍', (start, end, v) => found.push([start, end, v]));
    expect(found).toEqual([
      [2, 4, 'a'],
      [2, 6, 'b'],
      [4, 6, 'c'],
      [4, 7, 'd'],
    ]);
  });

  it('finds nothing in text made of other characters', () => {
    const ac = new AhoCorasick([['党课', 1]] as const);
    let n = 0;
    ac.scan('召开支委会6次', () => n++);
    expect(n).toBe(0);
  });
});

describe('compileDefinitions', () => {
  it('compiles once per content: a fresh copy of the same catalogue reuses it, an edit does not', () => {
    const a = compileDefinitions(DEFAULT_CATALOGUE);
    expect(compileDefinitions(JSON.parse(JSON.stringify(DEFAULT_CATALOGUE)) as typeof DEFAULT_CATALOGUE)).toBe(a);
    const edited = DEFAULT_CATALOGUE.map((d) => (d.key === 'study.party_lecture' ? { ...d, triggers: [...d.triggers, '微党课堂'] } : d));
    expect(compileDefinitions(edited)).not.toBe(a);
  });

  it('lets a longer trigger hide the shorter ones inside it, but not exclusion words', () => {
    const c = compileDefinitions(DEFAULT_CATALOGUE);
    const { hits, excludes } = findHits('理论学习中心组学习', c, [], new Uint8Array(9));
    expect(hits.map((h) => [h.start, h.end, c.defs[h.def].key])).toEqual([
      [0, 7, 'study.central_group'],
      [7, 9, 'study.sessions'],
    ]);
    expect(excludes.map((h) => [h.start, h.end])).toEqual([[4, 7]]);
  });

  it('marks formula spans in the mask during the same pass', () => {
    const mask = new Uint8Array(8);
    findHits('落实三会一课制度', compileDefinitions(DEFAULT_CATALOGUE), ['三会一课'], mask);
    expect(Array.from(mask)).toEqual([0, 0, 1, 1, 1, 1, 0, 0]);
  });
});
