// partOfSpecificWhole: a part named by a more general word of the same category, or only by a generic
// word, keeps its more specific whole's key.
import { extract } from '../extract';
import { ruled } from '../test-helpers';

describe('partOfSpecificWhole', () => {
  it('gives a part named by a more general word the key of its more specific whole', () => {
    expect(extract('中心组开展集中学习11次，其中专题研讨4次。').metrics.map((m) => [m.key, m.value, m.subset ?? false])).toEqual([
      ['study.central_group', 11, false],
      ['study.central_group', 4, true],
    ]);
    expect(extract('召开党委会6次，其中专题研究意识形态工作2次。').metrics.map((m) => [m.key, m.value, m.subset ?? false])).toEqual([
      ['org.committee_meeting', 6, false],
      ['org.ideology_meeting', 2, false],
    ]);
  });

  it('is the check that re-keys the part', () => {
    expect(ruled('中心组开展集中学习11次，其中专题研讨4次。')[1]).toEqual(['study.central_group', 4, 'byOwnWindow+partOfSpecificWhole']);
  });
});
