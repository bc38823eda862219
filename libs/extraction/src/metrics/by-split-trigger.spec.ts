// bySplitTrigger: a count that splits the specific trigger naming it (专题研究2次意识形态工作).
import { extract } from '../extract';
import { pairs, ruled } from '../test-helpers';

describe('bySplitTrigger', () => {
  it('reads a count that splits the words naming it (专题研究一次意识形态工作), as a metric and as a cadence', () => {
    expect(pairs('党组专题研究2次意识形态工作。')).toEqual([['org.ideology_meeting', 2]]);
    expect(extract('党组每半年专题研究一次意识形态工作。').cadences.map((c) => [c.key, c.per, c.times])).toEqual([['org.ideology_meeting', 'half_year', 1]]);
    // traps: no word spans the count; a word on one side is still taken as before
    expect(extract('讲了2次课。').metrics).toEqual([]);
    expect(pairs('召开3次支委会。')).toEqual([['org.committee_meeting', 3]]);
  });

  it('is the rule that names it', () => {
    expect(ruled('党组专题研究2次意识形态工作。')).toEqual([['org.ideology_meeting', 2, 'bySplitTrigger']]);
  });
});
