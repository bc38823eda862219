// bySubsetWhole: a part (其中…) without a word of its own is the same thing as its whole.
import { extract } from '../extract';
import { ruled } from '../test-helpers';

describe('bySubsetWhole', () => {
  it('gives a subset without a word of its own the key of its whole', () => {
    expect(extract('开展志愿服务活动10次，其中3次在社区。').metrics.map((m) => [m.key, m.value, m.subset ?? false])).toEqual([
      ['civility.volunteer_activities', 10, false],
      ['civility.volunteer_activities', 3, true],
    ]);
  });

  it('is the rule that names the part', () => {
    expect(ruled('开展志愿服务活动10次，其中3次在社区。')[1]).toEqual(['civility.volunteer_activities', 3, 'bySubsetWhole']);
  });
});
