// byCoordinatedCounts: coordinated counts (1名护士长、2名青年医师) share the words after the last of them.
import { pairs, ruled } from '../test-helpers';

describe('byCoordinatedCounts', () => {
  it('gives coordinated counts (A、B; A和B) the words after the last of them', () => {
    expect(pairs('明确1名护士长、2名青年医师担任网络舆情信息员。')).toEqual([
      ['online.commentators', 1],
      ['online.commentators', 2],
    ]);
    expect(pairs('与辖区两家非公企业和三所中小学结对共建。')).toEqual([
      ['civility.pairings', 2],
      ['civility.pairings', 3],
    ]);
    expect(pairs('组织党员20名、入党积极分子5名、群众100余名参加志愿服务。').map(([k]) => k)).toEqual([
      'civility.volunteer_attendance',
      'civility.volunteer_attendance',
      'civility.volunteer_attendance',
    ]);
  });

  it('does not let coordinated counts borrow across a clause or a word that is no key of theirs', () => {
    expect(pairs('走访企业12家、学校3所，开展结对共建。')).toEqual([]);
    expect(pairs('对6个支部、3个部门开展专项检查。')).toEqual([]);
    expect(pairs('发放宣传资料3000份、宣传品500件，悬挂横幅8条。')).toEqual([['propaganda.materials', 3000], ['propaganda.displays', 8]]);
    expect(pairs('组织党员20名参加学习、群众100名参加志愿服务。')).toEqual([['civility.volunteer_attendance', 100]]);
  });

  it('is the rule that names the first of them', () => {
    expect(ruled('明确1名护士长、2名青年医师担任网络舆情信息员。').map(([, , rule]) => rule)).toEqual(['byCoordinatedCounts', 'byOwnWindow']);
  });
});
