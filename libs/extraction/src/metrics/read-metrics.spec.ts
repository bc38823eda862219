// Subsets (rule 5): a part of a count with the same key is marked `subset` and not added to the total.
import { extract } from '../extract';

describe('其中 subsets (rule 5)', () => {
  it('marks a same-key subset and keeps a different-key one unmarked', () => {
    const a = extract('报送信息65篇，其中被采用18篇。').metrics;
    expect(a.map((m) => [m.key, m.value, m.subset ?? false])).toEqual([
      ['propaganda.external_submissions', 65, false],
      ['propaganda.external_submissions', 18, true],
    ]);
    const b = extract('开展集中学习24次，其中中心组学习12次。').metrics;
    expect(b.map((m) => [m.key, m.value, m.subset ?? false])).toEqual([
      ['study.sessions', 24, false],
      ['study.central_group', 12, false],
    ]);
  });

  it('marks pieces 被…采用 right after the submitted ones as a subset too', () => {
    expect(extract('向市局报送信息62条，被采用27条。').metrics.map((m) => [m.key, m.value, m.subset ?? false])).toEqual([
      ['propaganda.external_submissions', 62, false],
      ['propaganda.external_submissions', 27, true],
    ]);
  });
});
