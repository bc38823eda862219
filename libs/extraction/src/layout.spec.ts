// Rule 9: layout does not change what is counted — PDF/Word line breaks and stray spaces.
import { joinSoftBreaks } from './layout';
import { pairs } from './test-helpers';

describe('soft line breaks and stray spaces (rule 9)', () => {
  it('joins a wrapped line, keeps the offsets, and leaves headings, items and table rows alone', () => {
    const text = '院纪委牵头组织对各科室宣传栏、工作群开展意识形态专项督\n查4次。\n二、存在问题\n一是学习不深；\n| 支委会 | 6 |\n| 党课 | 2 |\n';
    const joined = joinSoftBreaks(text);
    expect(joined).toHaveLength(text.length);
    expect(joined).toBe(text.replace('督\n查', '督 查'));
  });

  it.each([
    ['a word broken by a line', '院纪委牵头组织对各科室宣传栏、工作群开展意识形态专项督\n查4次。', [['org.inspection', 4]]],
    ['a number broken from its measure word', '医院公众号围绕中心工作和健康科普全年共推送图文312\n篇，阅读量稳步上升。', [['propaganda.new_media_posts', 312]]],
    ['a comma opening a line', '依托新时代文明实践所（站）开展志愿服务活动210余次，参与志愿者\n3,300余人次。', [['civility.volunteer_activities', 210], ['civility.volunteer_attendance', 3300]]],
    ['spaces inside a word and around digits', '学院党委开展意识形态阵地巡 查 6 次，班子集中学习 9 次，研判处置网络舆 情3起。', [['org.inspection', 6], ['study.sessions', 9], ['online.incidents', 3]]],
  ])('reads %s like the plain sentence', (_, text, expected) => {
    expect(pairs(text)).toEqual(expected);
  });

  it.each([
    ['a short heading line to its paragraph', '三、加强宣传\n栏目建设12条措施落实到位。'],
    ['a line ending a sentence', '本年度加强阵地建设，全面完成了各项宣传。\n栏目建设12条措施落实到位。'],
    ['a line to a numbered item', '本年度加强阵地建设，全面完成了各项任务宣传\n1.栏目建设12条措施落实到位。'],
  ])('does not join %s', (_, text) => {
    expect(pairs(text)).toEqual([]);
  });
});
