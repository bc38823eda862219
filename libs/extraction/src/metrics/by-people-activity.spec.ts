// byPeopleActivity: a people count takes the activity named earlier in the sentence when its clause has a
// reach word (覆盖, 参与, 合计…) or it is counted in 人次 — not over another action of its own.
import { extract } from '../extract';
import { pairs, ruled } from '../test-helpers';

describe('byPeopleActivity', () => {
  it('takes the activity of a people count from earlier in the sentence (覆盖, 参与, 人次)', () => {
    expect(pairs('邀请县委宣讲团来校开展宣讲两场，解读全会精神，覆盖学生2000人以上。')).toEqual([
      ['propaganda.lectures', 2],
      ['propaganda.lecture_audience', 2000],
    ]);
    expect(pairs('开展志愿服务活动45次，参与党员教师近千人次。')).toEqual([
      ['civility.volunteer_activities', 45],
      ['civility.volunteer_attendance', 1000],
    ]);
  });

  it('does not borrow an activity across sentences, without a reach word, or over another action', () => {
    expect(pairs('开展宣讲两场。学生2000人。')).toEqual([['propaganda.lectures', 2]]);
    expect(pairs('举办培训班2期，开展谈心谈话126人次。')).toEqual([['study.training_sessions', 2]]);
    expect(pairs('举办培训班2期，走访慰问困难党员15人次。')).toEqual([['study.training_sessions', 2]]);
  });

  it('reads 合计/总计 in a people count as reach, so it takes the activity named earlier in the sentence', () => {
    expect(extract('宣讲了2场，每场都有七八十人听，合计来了150人左右。').metrics.map((m) => [m.key, m.value, m.approx])).toEqual([
      ['propaganda.lectures', 2, false],
      ['propaganda.lecture_audience', 150, true],
    ]);
    expect(pairs('全村合计有党员38人。')).toEqual([]);
    expect(pairs('开展宣讲2场。全村合计有党员38人。')).toEqual([['propaganda.lectures', 2]]);
    expect(pairs('开展宣讲2场，走访群众，合计慰问15人。')).toEqual([['propaganda.lectures', 2]]);
  });

  it('is the rule that names the people count', () => {
    expect(ruled('邀请县委宣讲团来校开展宣讲两场，解读全会精神，覆盖学生2000人以上。')[1]).toEqual(['propaganda.lecture_audience', 2000, 'byPeopleActivity']);
  });
});
