// byPerUnitTotal: the total of figures given per unit (各签了一份，一共签了4份) takes the word of the clause
// before those figures.
import { extract } from '../extract';
import { pairs, ruled } from '../test-helpers';

describe('byPerUnitTotal', () => {
  it('lets the total of figures given per unit (各签了一份，一共签了4份) take the word of the clause before them', () => {
    expect(pairs('年初签了意识形态工作责任书，回来又跟3个班组长各签了一份，一共签了4份。')).toEqual([['org.responsibility_letters', 4]]);
    // traps: nothing named before the per-unit figures; a total in another measure word; a sentence boundary
    expect(extract('支部和3个小组各开展了1次，共3次。').metrics).toEqual([]);
    expect(pairs('签了意识形态工作责任书，班组长各签了一份，一共4人。')).toEqual([]);
    expect(extract('签了意识形态工作责任书。班组长各签了一份，一共签了4份。').metrics).toEqual([]);
  });

  it('is the rule that names such a total', () => {
    expect(ruled('年初签了意识形态工作责任书，回来又跟3个班组长各签了一份，一共签了4份。')).toEqual([['org.responsibility_letters', 4, 'byPerUnitTotal']]);
  });
});
