// byTopicClause: a short topic clause just before (党课这一块，…; 宣传上，…) names what the next clause counts.
import { extract } from '../extract';
import { pairs, ruled } from '../test-helpers';

describe('byTopicClause', () => {
  it('lets a short topic clause (党课这一块，…) name what the next clause counts', () => {
    expect(ruled('党课这一块，我给大家讲了2次课，又请街道党工委的领导来讲了1次。')[0]).toEqual(['study.party_lecture', 2, 'byTopicClause']);
    expect(pairs('宣传上，全年悬挂横幅6条。')).toEqual([['propaganda.displays', 6]]);
    // trap: a topic that names nothing specific
    expect(extract('工作上，我们讲了2次课。').metrics).toEqual([]);
  });
});
