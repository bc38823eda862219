// Reading a count: numerals (Arabic, Chinese, full width, 1,200, 1.2万), approximation marks, measure
// words — and the numerals that are no count at all.
import { extract } from './extract';
import { one, pairs } from './test-helpers';

describe('numerals make metrics (rule 1)', () => {
  it.each([
    ['制作宣传展板10块', 'propaganda.displays', 10],
    ['召开支委会６次', 'org.committee_meeting', 6],
    ['局党组组织集中学习十二次', 'study.sessions', 12],
    ['开展宣讲26场，覆盖师生1,200余人次', 'propaganda.lecture_audience', 1200],
    ['开展宣讲二十三场', 'propaganda.lectures', 23],
    ['报送信息一百零八篇', 'propaganda.external_submissions', 108],
    ['参与志愿者两千人次', 'civility.volunteer_attendance', 2000],
    ['培训干部一千二百人次', 'study.training_attendance', 1200],
    ['开展宣讲12场，受众1.2万人次', 'propaganda.lecture_audience', 12000],
  ])('%s → %s %d', (text, key, value) => {
    const m = extract(text).metrics.find((x) => x.key === key);
    expect(m?.value).toBe(value);
  });

  it('needs a numeral: an action alone is no metric', () => {
    expect(extract('召开了意识形态工作专题会议，多次开展集中学习。').metrics).toEqual([]);
  });

  it('reads compound measure words by their head (场次 → 场)', () => {
    expect(one('全年共开展志愿服务活动12场次').key).toBe('civility.volunteer_activities');
    expect(one('开展理论宣讲5场次').key).toBe('propaganda.lectures');
  });

  it('keeps the measure word as the unit', () => {
    expect(one('培训教师百余人次').unit).toBe('人次');
  });
});

describe('approx (rule 2)', () => {
  it.each([
    ['发布新闻类信息20余篇', 20],
    ['覆盖干部职工1000多名进行宣讲', 1000],
    ['开展志愿服务20来次', 20],
    ['参与党员教师近千人次志愿服务', 1000],
    ['受众学生约1500人次', 1500],
    ['参与家长志愿者300人左右', 300],
    ['参与志愿者200人上下', 200],
    ['覆盖学生2000人以上宣讲', 2000],
    ['组织教职工政治学习十几次', 10],
    ['张贴主题海报近百张', 100],
    ['培训教师百余人次', 100],
  ])('%s → %d, approx', (text, value) => {
    const m = one(text);
    expect([m.value, m.approx]).toEqual([value, true]);
  });

  it('is false for a plain figure', () => {
    expect(one('召开支委会6次').approx).toBe(false);
  });

  it('reads 大概 before a numeral as approximate, like 约 and 大约', () => {
    expect(one('参加志愿服务的党员群众大概200人次')).toMatchObject({ key: 'civility.volunteer_attendance', value: 200, approx: true, evidence: { text: '参加志愿服务的党员群众大概200人次' } });
    expect(one('开展志愿服务活动9次，大约').approx).toBe(false);
  });
});

describe('numerals that are no count (rules 3, 4, 6)', () => {
  it.each([
    ['formulas', '严格落实“三会一课”制度，推进两学一做，增强四个意识、坚定四个自信、做到两个维护，落实一岗双责，一把手第一责任人，一级抓一级。'],
    ['party congresses and plenums', '学习贯彻党的十九大、二十大和二十届四中全会精神，落实十四五规划。'],
    ['ordinals', '举办第三届读书节，首届足球联赛，庆祝第41个教师节，开展第2次检查。'],
    ['enumerators', '一是加强学习。（一）加强领导。一、强化责任。1. 深化理论武装。'],
    ['years and dates', '2015年以来，2025年12月30日，9月3日组织收看。'],
    ['anniversaries', '抗战胜利80周年纪念大会，庆八一活动，建党100周年。'],
    ['percentages', '参学率达100%，覆盖率达到１００％，百分之九十五的党员参加志愿服务。'],
    ['durations', '开展为期30天的专项整治，下基层40天。'],
    ['numbers inside quotes and titles', '开展“百场宣讲进社区”活动，学习《新时代中小学教师职业行为十项准则》。'],
    ['placeholders', '召开支委会x次，签订责任书xx份，集中学习X次，讲党课*次，累计xx余人次，推送信息XX篇。'],
  ])('%s', (_, text) => {
    expect(pairs(text)).toEqual([]);
  });
});

describe('回 as a count of times', () => {
  it('reads 回 as a count of times (开了12回, 十来回) and a time frame (一年下来) as no count between', () => {
    expect(extract('支委会一年下来开了12回。').metrics.map((m) => [m.key, m.value, m.unit])).toEqual([['org.committee_meeting', 12, '回']]);
    expect(pairs('半年来开展宣讲3场。')).toEqual([['propaganda.lectures', 3]]);
    expect(extract('召开支委会十来回。').metrics.map((m) => [m.value, m.approx])).toEqual([[10, true]]);
    // traps: 回 in words (一回来, 当一回事, 回应), and a count of time still ends a window
    expect(extract('他一回来就召开支委会。这件事不当一回事。支部3回应群众关切。').metrics).toEqual([]);
    expect(pairs('召开支委会，历时3年，开展宣讲2场。')).toEqual([['propaganda.lectures', 2]]);
  });

  it('reads a count of the report’s own points (三个方面) as no count', () => {
    expect(extract('五、存在的问题主要有三个方面：一是学习不深。').metrics).toEqual([]);
    expect(extract('五、存在的问题主要有三个方面：一是学习不深。').unclassified).toEqual([]);
    // trap: a count of problems found stays one
    expect(pairs('发现问题3个，方面涉及阵地管理。')).toEqual([['org.issues_found', 3]]);
  });
});
