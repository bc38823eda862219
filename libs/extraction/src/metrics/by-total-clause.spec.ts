// byTotalClause: a clause that is only a total (共计12场) refers to the clause before it.
import { pairs, ruled } from '../test-helpers';

describe('byTotalClause', () => {
  it('lets a clause that is only a total refer to the clause before it', () => {
    expect(pairs('开展“文明交通”志愿服务活动，共计12场。')).toEqual([['civility.volunteer_activities', 12]]);
    expect(pairs('组织党员集中学习，全年共计24次。')).toEqual([['study.sessions', 24]]);
    expect(pairs('开展各类活动，共计12场。召开支委会。共计3次。')).toEqual([]);
  });

  it('lets a total with a generic verb (共签订, 累计开展) refer to the clause before it', () => {
    expect(pairs('书记与各支部书记签订意识形态工作责任书，共签订6份。')).toEqual([['org.responsibility_letters', 6]]);
    expect(pairs('组织党员开展志愿服务，累计开展12场。')).toEqual([['civility.volunteer_activities', 12]]);
    // a clause that names its own object is no bare total, and a sentence end is a wall
    expect(pairs('签订意识形态工作责任书，共签订合同6份。')).toEqual([]);
    expect(pairs('签订意识形态工作责任书。共签订6份。')).toEqual([]);
  });

  it('is the rule that names a bare total', () => {
    expect(ruled('开展“文明交通”志愿服务活动，共计12场。')).toEqual([['civility.volunteer_activities', 12, 'byTotalClause']]);
  });

  it('settles a total whose clause before is a target as no metric, even for a people count', () => {
    expect(pairs('开展志愿服务活动，共计200人次。')).toEqual([['civility.volunteer_attendance', 200]]);
    // without the NO_METRIC answer the people rule would take 志愿服务 from the target clause
    expect(pairs('计划开展志愿服务活动，共计200人次。')).toEqual([]);
  });
});
