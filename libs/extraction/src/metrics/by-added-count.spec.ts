// byAddedCount: a count added with 又/还/再/另 that names nothing repeats the metric before it in the
// sentence, when the verb and the measure word are the same.
import { pairs, ruled } from '../test-helpers';

describe('byAddedCount', () => {
  it('lets an added count (又…讲了1次) repeat the key before it', () => {
    expect(pairs('党课这一块，我给大家讲了2次课，又请街道党工委的领导来讲了1次。')).toEqual([
      ['study.party_lecture', 2],
      ['study.party_lecture', 1],
    ]);
    expect(ruled('党课这一块，我给大家讲了2次课，又请街道党工委的领导来讲了1次。')[1]).toEqual(['study.party_lecture', 1, 'byAddedCount']);
    // traps: an added count with another verb or another measure word
    expect(pairs('讲党课2次，又组织了1次。')).toEqual([['study.party_lecture', 2]]);
    expect(pairs('讲党课2次，又讲了1场。')).toEqual([['study.party_lecture', 2]]);
  });
});
