import { extract } from './extract';

const unclassified = (text: string) => extract(text).unclassified.map((u) => [u.value, u.unit, u.evidence.text] as const);

describe('unclassified counts: nothing silently dropped', () => {
  it('keeps a count no key takes, with its clause (and the one before) as evidence', () => {
    expect(unclassified('全院新收各类案件1,386件，审结1,252件。')).toEqual([
      [1386, '件', '全院新收各类案件1,386件'],
      [1252, '件', '全院新收各类案件1,386件，审结1,252件'],
    ]);
    expect(unclassified('利用大喇叭播放政策提示180余次。')).toEqual([[180, '次', '利用大喇叭播放政策提示180余次']]);
  });

  it('evidence is a slice of the text, also in Traditional characters', () => {
    const text = '本年度審結案件52件。';
    const [u] = extract(text).unclassified;
    expect(u.value).toBe(52);
    expect(text.slice(u.evidence.start, u.evidence.end)).toBe(u.evidence.text);
  });

  it('does not list a count a metric took', () => {
    const r = extract('召开支委会6次，制作展板10块。');
    expect(r.metrics).toHaveLength(2);
    expect(r.unclassified).toEqual([]);
  });

  it.each([
    ['money, dates, durations, ages', '2025年3月12日投入经费3万元，开展为期5天的活动，服务60岁以上老人。'],
    ['percentages and ranges', '覆盖率达95%，每次3-5次。'],
    ['ordinals and formulas', '第三次会议，落实三会一课、两学一做，学习二十届四中全会精神。'],
    ['head-counts and households (rule 6)', '支部现有党员50名，村内426户、1580人。'],
    ['teams and organisations covered (rule 6)', '成立5个宣讲组，覆盖27个基层党组织、3支志愿队伍。'],
    ['organisations named before their count (rule 6)', '设教工党支部4个、学生党支部9个，现有教学班26个。'],
    ['targets (rule 4)', '力争全年开展普法宣传不少于10场。'],
    ['plans (rule 4)', '二、下步打算\n一是全年播放政策提示200次。\n'],
    ['cadences', '支部每月召开一次例会。'],
    ['changes against an earlier period', '同比增加12篇。'],
    ['a business inspection a definition excludes', '开展安全检查12次。'],
    ['a bare 一 used as an article', '把意识形态工作作为一项重要工作。'],
  ])('excludes %s', (_what, text) => {
    expect(unclassified(text)).toEqual([]);
  });
});
