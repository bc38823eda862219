// Cadences: 每月召开一次支委会, 政治理论学习每月一次, 一月一研判 — and what is none.
import { extract } from './extract';

describe('cadences', () => {
  it.each([
    ['坚持每周一次集体阅读', 'study.sessions', 'week', 1],
    ['支部每月召开一次支委会', 'org.committee_meeting', 'month', 1],
    ['每月召开支委会一次', 'org.committee_meeting', 'month', 1],
    ['每季度召开一次党员大会', 'org.member_meeting', 'quarter', 1],
    ['每半年召开一次党员大会', 'org.member_meeting', 'half_year', 1],
    ['党组成员每年到联系学校讲一次党课', 'study.party_lecture', 'year', 1],
    ['每月开展两次教师集体政治学习', 'study.sessions', 'month', 2],
    ['支部坚持每周五下午开展一次集中学习', 'study.sessions', 'week', 1],
    ['教职工政治理论学习每月一次', 'study.sessions', 'month', 1],
    ['主题党日每月1次', 'study.theme_day', 'month', 1],
  ])('%s', (text, key, per, times) => {
    const r = extract(text);
    expect(r.cadences.map((c) => [c.key, c.per, c.times])).toEqual([[key, per, times]]);
    expect(r.metrics).toEqual([]); // the times of a cadence are no metric
  });

  it('reads 一月一研判, 一季一检查 as once per period', () => {
    expect(extract('坚持一月一研判、一季一检查。').cadences.map((c) => [c.key, c.per, c.times, c.evidence.text])).toEqual([
      ['org.ideology_meeting', 'month', 1, '一月一研判'],
      ['org.inspection', 'quarter', 1, '一季一检查'],
    ]);
  });

  it('reads a quoted 一月一研判 too, but no quoted slogan without an activity', () => {
    expect(extract('坚持“一月一研判”，前三季度共研判9次。').cadences.map((c) => [c.key, c.per, c.times])).toEqual([['org.ideology_meeting', 'month', 1]]);
    expect(extract('开展“一月一主题”活动。').cadences).toEqual([]);
    expect(extract('三、下步打算\n坚持“一月一研判”。').cadences).toEqual([]);
  });

  it.each([
    ['no count', '每半年对意识形态领域的工作进行检查考核'],
    ['every two weeks', '每两周开展一次教职工政治理论学习'],
    ['a term is no period', '每学期召开一次党员大会'],
    ['an activity outside the catalogue', '每季度听取一次分管部门工作汇报'],
    ['a subject that is no activity before 每', '网格员每周走访一次'],
    ['an activity in an earlier clause', '开展集中学习，每月一次'],
    ['an activity before 每 that is counted in another measure word', '网评员每月报送一次'],
  ])('none for %s', (_, text) => {
    expect(extract(text).cadences).toEqual([]);
  });

  it('none in a plans section', () => {
    expect(extract('三、下步打算\n一是每季度组织一次集中学习。').cadences).toEqual([]);
  });
});
