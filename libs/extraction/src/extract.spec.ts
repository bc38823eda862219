import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_CATALOGUE, DEFAULT_FORMULAS, type MetricDefinition } from './catalogue';
import { extract } from './extract';
import { foldText, prepareText } from './normalize';

const pairs = (text: string) => extract(text).metrics.map((m) => [m.key, m.value] as const);
const one = (text: string) => {
  const { metrics } = extract(text);
  expect(metrics).toHaveLength(1);
  return metrics[0];
};

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

  it('keeps a figure next to a comparison that is not a change, and a check that found problems', () => {
    expect(pairs('公众号推送信息56篇，同比增长20%。')).toEqual([['propaganda.new_media_posts', 56]]);
    expect(pairs('公众号推送信息较上年增加到56篇。')).toEqual([['propaganda.new_media_posts', 56]]);
    expect(pairs('开展专项检查3次，发现问题12个。')).toEqual([['org.inspection', 3]]);
    expect(pairs('召开专题会议3次，研究解决意识形态领域突出问题。')).toEqual([['org.ideology_meeting', 3]]);
  });

  it('reads a table flattened into lines: a figure after a label that names its measure word', () => {
    const text = '上半年主要工作数据如下：\n支委会召开次数：6\n学习次数：12\n科室微信公众号推送（篇）：28\n向院报投稿（篇）：15，其中被采用9篇\n志愿服务活动（场）：5\n参与志愿服务人次：42\n舆情处置件数\t3\n';
    expect(extract(text).metrics.map((m) => [m.key, m.value, m.unit, m.subset ?? false, m.evidence.text])).toEqual([
      ['org.committee_meeting', 6, '次', false, '支委会召开次数：6'],
      ['study.sessions', 12, '次', false, '学习次数：12'],
      ['propaganda.new_media_posts', 28, '篇', false, '科室微信公众号推送（篇）：28'],
      ['propaganda.external_submissions', 15, '篇', false, '向院报投稿（篇）：15'],
      ['propaganda.external_submissions', 9, '篇', true, '被采用9篇'],
      ['civility.volunteer_activities', 5, '场', false, '志愿服务活动（场）：5'],
      ['civility.volunteer_attendance', 42, '人次', false, '参与志愿服务人次：42'],
      ['online.incidents', 3, '件', false, '舆情处置件数\t3'],
    ]);
  });

  it('reads no metric from a label that names no measure word, or no activity', () => {
    const text = '联系电话：12345\n完成率：98%\n学时：12\n党员人数：23\n培训时间：2025\n考核得分：95\n师生比1:12\n计划学习次数：4\n';
    expect(extract(text).metrics).toEqual([]);
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
});

describe('traps that must yield nothing (rules 3, 4, 6)', () => {
  it.each([
    ['formulas', '严格落实“三会一课”制度，推进两学一做，增强四个意识、坚定四个自信、做到两个维护，落实一岗双责，一把手第一责任人，一级抓一级。'],
    ['party congresses and plenums', '学习贯彻党的十九大、二十大和二十届四中全会精神，落实十四五规划。'],
    ['ordinals', '举办第三届读书节，首届足球联赛，庆祝第41个教师节，开展第2次检查。'],
    ['enumerators', '一是加强学习。（一）加强领导。一、强化责任。1. 深化理论武装。'],
    ['years and dates', '2015年以来，2025年12月30日，9月3日组织收看。'],
    ['anniversaries', '抗战胜利80周年纪念大会，庆八一活动，建党100周年。'],
    ['percentages', '参学率达100%，覆盖率达到１００％，百分之九十五的党员参加志愿服务。'],
    ['durations', '开展为期30天的专项整治，下基层40天。'],
    ['per-unit minimums', '每个支部至少1名信息员，每名党员撰写心得体会2篇。'],
    ['marked targets', '力争在市级以上媒体上稿30篇以上，计划举办专题培训班不少于4期，确保开展宣讲10场，至少召开支委会3次，寒假期间还将组织开展志愿服务活动6场。'],
    ['teams, groups and organisations', '组成5个宣讲组对27个基层党组织开展检查，组建宣讲小分队8支。'],
    ['people that fit no key', '支部现有党员12名，表彰“最美教师”10名，7名党组成员。'],
    ['changes against an earlier period', '公众号推送篇数同比增加12篇，研判会较上年增加一次，比去年多开展3次宣讲，环比减少2场。'],
    ['problems found or put right', '发现问题十七个，整改问题9个，对发现的2处宣传栏内容过期问题当即整改，排查出风险隐患5处。'],
    ['numbers inside quotes and titles', '开展“百场宣讲进社区”活动，学习《新时代中小学教师职业行为十项准则》。'],
    ['placeholders', '召开支委会x次，签订责任书xx份，集中学习X次，讲党课*次，累计xx余人次，推送信息XX篇。'],
    ['a bare 一 that is no count', '将落实责任制作为一项重要工作，形成一个工作格局。'],
    ['awards won', '在市级演讲比赛中获奖5项，荣获知识竞赛一等奖2次。'],
    ['business situation analyses', '开展治安形势研判12次，召开经济运行分析研判会4次。'],
    ['business inspections', '对养老服务机构开展安全检查46次，开展消防安全检查12次，开展食品安全执法检查30次。'],
  ])('%s', (_, text) => {
    expect(pairs(text)).toEqual([]);
  });

  it('ignores every quantity in a plans section', () => {
    const text = '一、工作\n召开支委会6次。\n二、下步打算\n一是开展集中学习12次；二是在市级以上媒体发表稿件15篇。';
    expect(pairs(text)).toEqual([['org.committee_meeting', 6]]);
  });

  it('keeps a figure that merely follows a future marker in another clause', () => {
    expect(pairs('将意识形态工作纳入考核，开展专项检查2次。')).toEqual([['org.inspection', 2]]);
  });
});

describe('keys from trigger vocabulary', () => {
  it.each([
    ['在局网站发布新闻类信息20余篇', 'propaganda.news'],
    ['在州局等其他门户网站投稿发布信息9篇', 'propaganda.external_submissions'],
    ['在征集的文稿中精选了7篇上报市总工会', 'propaganda.external_submissions'],
    ['“一中青年”公众号推送40期', 'propaganda.new_media_posts'],
    ['分析研判涉教舆情信息15条', 'online.incidents'],
    ['组建网络舆情信息员队伍48人', 'online.commentators'],
    ['组建了36人“网络舆情员”队伍', 'online.commentators'],
    ['组织基层信息员培训达200余人次', 'study.training_attendance'],
    ['其中党组理论学习中心组学习6次', 'study.central_group'],
    ['中心组集中学习6次', 'study.central_group'],
    ['开展意识形态领域形势分析研判2次', 'org.ideology_meeting'],
    ['开展专项督查2轮', 'org.inspection'],
    ['签订意识形态工作责任书52份', 'org.responsibility_letters'],
    ['局机关与2个村结成共建对子', 'civility.pairings'],
    ['开展红色经典诵读、“青春向党”合唱比赛等活动5项', 'civility.cultural_events'],
    ['悬挂宣传横幅120条', 'propaganda.displays'],
    ['党员教师参与“护学岗”志愿服务200余人次', 'civility.volunteer_attendance'],
    ['前三季度共召开意识形态形势分析会9次', 'org.ideology_meeting'],
    ['被人民网转载3篇', 'propaganda.external_submissions'],
  ])('%s → %s', (text, key) => {
    expect(one(text).key).toBe(key);
  });

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
    expect(pairs('发放宣传资料3000份、宣传品500件，悬挂横幅8条。')).toEqual([['propaganda.displays', 8]]);
    expect(pairs('组织党员20名参加学习、群众100名参加志愿服务。')).toEqual([['civility.volunteer_attendance', 100]]);
  });

  it('does not take a business situation analysis for an ideology meeting', () => {
    expect(pairs('召开经济形势分析会3次，开展安全形势分析4次。')).toEqual([]);
  });

  it('takes 转载 (who reprinted is not said) only when nothing specific is in reach', () => {
    expect(pairs('在局门户网站转载市局动态6篇。')).toEqual([['propaganda.news', 6]]);
  });

  it('does not take a general meeting for an ideology meeting', () => {
    expect(pairs('召开党组会议12次，其中专题研究意识形态工作4次。')).toEqual([['org.ideology_meeting', 4]]);
  });
});

describe('其中 subsets (rule 5)', () => {
  it('marks a same-key subset and keeps a different-key one unmarked', () => {
    const a = extract('报送信息65篇，其中被采用18篇。').metrics;
    expect(a.map((m) => [m.key, m.value, m.subset ?? false])).toEqual([
      ['propaganda.external_submissions', 65, false],
      ['propaganda.external_submissions', 18, true],
    ]);
    const b = extract('开展集中学习24次，其中中心组学习12次。').metrics;
    expect(b.map((m) => [m.key, m.value, m.subset ?? false])).toEqual([
      ['study.sessions', 24, false],
      ['study.central_group', 12, false],
    ]);
  });

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

  it('marks pieces 被…采用 right after the submitted ones as a subset too', () => {
    expect(extract('向市局报送信息62条，被采用27条。').metrics.map((m) => [m.key, m.value, m.subset ?? false])).toEqual([
      ['propaganda.external_submissions', 62, false],
      ['propaganda.external_submissions', 27, true],
    ]);
  });

  it('reads a parenthesis opened after a count with 含/其中/合计 as a part of it', () => {
    const sub = (text: string) => extract(text).metrics.map((m) => [m.key, m.value, m.subset ?? false]);
    expect(sub('在局门户网站发布工作信息56条（含转载8条），抖音号发布短视频34条。')).toEqual([
      ['propaganda.news', 56, false],
      ['propaganda.news', 8, true],
      ['propaganda.new_media_posts', 34, false],
    ]);
    expect(sub('微信公众号推送130期（合计发布图文信息312篇）。')).toEqual([
      ['propaganda.new_media_posts', 130, false],
      ['propaganda.new_media_posts', 312, true],
    ]);
    expect(sub('开展集中学习24次（其中中心组学习12次）。')).toEqual([
      ['study.sessions', 24, false],
      ['study.central_group', 12, false],
    ]);
    // a parenthesis that does not follow a count, or holds no part marker, is ordinary text
    expect(sub('发布信息（含转载）56条。')).toEqual([['propaganda.news', 56, false]]);
    expect(sub('制作宣传展板（橱窗）24块，悬挂横幅8条。')).toEqual([
      ['propaganda.displays', 24, false],
      ['propaganda.displays', 8, false],
    ]);
  });

  it('does not name a count by what a parenthesis says the thing includes', () => {
    expect(pairs('全年召开支委会（含专题研究意识形态工作）12次。')).toEqual([['org.committee_meeting', 12]]);
    expect(pairs('召开意识形态工作专题会议（研判会）3次。')).toEqual([['org.ideology_meeting', 3]]);
  });

  it('gives a subset without a word of its own the key of its whole', () => {
    expect(extract('开展志愿服务活动10次，其中3次在社区。').metrics.map((m) => [m.key, m.value, m.subset ?? false])).toEqual([
      ['civility.volunteer_activities', 10, false],
      ['civility.volunteer_activities', 3, true],
    ]);
  });
});

describe('second generalisation round (village, college, bank, police, media centre)', () => {
  it('reads 大概 before a numeral as approximate, like 约 and 大约', () => {
    expect(one('参加志愿服务的党员群众大概200人次')).toMatchObject({ key: 'civility.volunteer_attendance', value: 200, approx: true, evidence: { text: '参加志愿服务的党员群众大概200人次' } });
    expect(one('开展志愿服务活动9次，大约').approx).toBe(false);
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

  it('does not give a count the word that follows a 、 and leads to the next count', () => {
    expect(extract('设置党建宣传墙1面、电子显示屏1块。').metrics.map((m) => [m.key, m.value, m.evidence.text])).toEqual([
      ['propaganda.displays', 1, '设置党建宣传墙1面'],
      ['propaganda.displays', 1, '电子显示屏1块'],
    ]);
    expect(extract('设置意见箱1个、电子显示屏1块。').metrics.map((m) => [m.key, m.value, m.evidence.text])).toEqual([['propaganda.displays', 1, '电子显示屏1块']]);
    // coordinated counts over a bare noun still share the words after the last of them
    expect(pairs('1名护士长、2名青年医师担任信息员')).toEqual([
      ['online.commentators', 1],
      ['online.commentators', 2],
    ]);
    expect(pairs('悬挂横幅8条、制作展板10块')).toEqual([
      ['propaganda.displays', 8],
      ['propaganda.displays', 10],
    ]);
  });

  it('knows 思想动态分析/研判 (an ideology meeting), 微视频 (new media) and 宣传墙 (a display)', () => {
    expect(pairs('主持召开全所民警辅警参加的队伍思想动态分析会4次')).toEqual([['org.ideology_meeting', 4]]);
    expect(pairs('开展职工思想动态研判2次')).toEqual([['org.ideology_meeting', 2]]);
    expect(pairs('制作“百姓说变化”微视频12期')).toEqual([['propaganda.new_media_posts', 12]]);
    expect(pairs('新建宣传墙3面')).toEqual([['propaganda.displays', 3]]);
    // a survey of what staff think is no meeting
    expect(pairs('开展员工思想动态问卷调查2次，回收问卷186份')).toEqual([]);
  });
});

describe('third generalisation round (tax sub-bureau, kindergarten, retired cadres, water bureau, logistics company)', () => {
  it('reads a summary table whose header row names the metrics and the row below holds the figures', () => {
    const text = '表1 学习情况统计（单位：次）\n项目\t党组会专题研究意识形态\t理论学习中心组学习\t集中学习\t党课\n次数\t4\t12\t26\t5\n\n表2 宣传统计\n门户网站发布信息（条） 公众号推送（篇） 向上级报送信息（条） 被上级采用（条）\n86 124 45 31\n';
    expect(extract(text).metrics.map((m) => [m.key, m.value, m.unit, m.subset ?? false])).toEqual([
      ['org.ideology_meeting', 4, '次', false],
      ['study.central_group', 12, '次', false],
      ['study.sessions', 26, '次', false],
      ['study.party_lecture', 5, '次', false],
      ['propaganda.news', 86, '条', false],
      ['propaganda.new_media_posts', 124, '篇', false],
      ['propaganda.external_submissions', 45, '条', false],
      ['propaganda.external_submissions', 31, '条', true],
    ]);
    // the measure word from the table's 单位 line, or the one the other header cells agree on
    expect(pairs('（单位：次）\n党课\t主题党日\n3\t6\n')).toEqual([['study.party_lecture', 3], ['study.theme_day', 6]]);
    expect(pairs('学习次数 党课 主题党日\n12 4 6\n')).toEqual([['study.sessions', 12], ['study.party_lecture', 4], ['study.theme_day', 6]]);
    const m = extract('项目\t集中学习\t党课\n次数\t26\t5\n').metrics[0];
    expect(m.evidence.text).toBe('集中学习\t党课\n次数\t26');
  });

  it('traps: no table figure without a header row of labels, without a measure word, or in a row that is no row of figures', () => {
    // header and row of different widths; a row under a row of figures (per branch: parts, not read); no measure word at all
    expect(extract('党课\t主题党日\t集中学习\n3\t6\n').metrics).toEqual([]);
    expect(extract('党员人数\t预备党员\n23\t2\n').metrics).toEqual([]);
    expect(extract('项目\t党课\t主题党日\n次数\t3\t6\n次数\t2\t5\n').metrics.map((x) => x.value)).toEqual([3, 6]);
    expect(extract('党课 主题党日\n3 6\n').metrics).toEqual([]);
    // a label list of two columns stays a label list; a sentence above figures is no header
    expect(pairs('支委会次数\t6\n学习次数\t12\n')).toEqual([['org.committee_meeting', 6], ['study.sessions', 12]]);
    expect(extract('全年召开支委会，开展主题党日。\n3 6\n').metrics).toEqual([]);
    // a target column is a target
    expect(extract('计划党课次数\t实际\n4\t3\n').metrics).toEqual([]);
    expect(extract('表3\n计划党课次数\t实际\n4\t3\n').metrics).toEqual([]);
  });

  it('reads a count that splits the words naming it (专题研究一次意识形态工作), as a metric and as a cadence', () => {
    expect(pairs('党组专题研究2次意识形态工作。')).toEqual([['org.ideology_meeting', 2]]);
    expect(extract('党组每半年专题研究一次意识形态工作。').cadences.map((c) => [c.key, c.per, c.times])).toEqual([['org.ideology_meeting', 'half_year', 1]]);
    // traps: no word spans the count; a word on one side is still taken as before
    expect(extract('讲了2次课。').metrics).toEqual([]);
    expect(pairs('召开3次支委会。')).toEqual([['org.committee_meeting', 3]]);
  });

  it('reads a business word that qualifies public opinion (税收舆情) as the topic of the opinion, not as business', () => {
    expect(pairs('7月、10月分别开展税收舆情风险研判，全年共2次。')).toEqual([['org.ideology_meeting', 2]]);
    expect(extract('开展税收形势研判3次。').metrics).toEqual([]);
    expect(extract('开展汛情研判5次。').metrics).toEqual([]);
  });

  it('counts a figure for each unit followed by its total once, as the total', () => {
    expect(pairs('局属单位各明确1名网络信息员，共7名。')).toEqual([['online.commentators', 7]]);
    // traps: 各 right before the count of a multi-key enumeration, and a per-unit figure without a total
    expect(pairs('召开支委会、党员大会各2次。')).toEqual([['org.member_meeting', 2]]);
    expect(pairs('两个支部各召开支委会3次。')).toEqual([['org.committee_meeting', 3]]);
  });

  it('lets the total of figures given per unit (各签了一份，一共签了4份) take the word of the clause before them', () => {
    expect(pairs('年初签了意识形态工作责任书，回来又跟3个班组长各签了一份，一共签了4份。')).toEqual([['org.responsibility_letters', 4]]);
    // traps: nothing named before the per-unit figures; a total in another measure word; a sentence boundary
    expect(extract('支部和3个小组各开展了1次，共3次。').metrics).toEqual([]);
    expect(pairs('签了意识形态工作责任书，班组长各签了一份，一共4人。')).toEqual([]);
    expect(extract('签了意识形态工作责任书。班组长各签了一份，一共签了4份。').metrics).toEqual([]);
  });

  it('reads 回 as a count of times (开了12回, 十来回) and a time frame (一年下来) as no count between', () => {
    expect(extract('支委会一年下来开了12回。').metrics.map((m) => [m.key, m.value, m.unit])).toEqual([['org.committee_meeting', 12, '回']]);
    expect(pairs('半年来开展宣讲3场。')).toEqual([['propaganda.lectures', 3]]);
    expect(extract('召开支委会十来回。').metrics.map((m) => [m.value, m.approx])).toEqual([[10, true]]);
    // traps: 回 in words (一回来, 当一回事, 回应), and a count of time still ends a window
    expect(extract('他一回来就召开支委会。这件事不当一回事。支部3回应群众关切。').metrics).toEqual([]);
    expect(pairs('召开支委会，历时3年，开展宣讲2场。')).toEqual([['propaganda.lectures', 2]]);
  });

  it('lets a short topic clause (党课这一块，…) name what the next clause counts, and an added count (又…讲了1次) repeat the key before it', () => {
    expect(pairs('党课这一块，我给大家讲了2次课，又请街道党工委的领导来讲了1次。')).toEqual([
      ['study.party_lecture', 2],
      ['study.party_lecture', 1],
    ]);
    expect(pairs('宣传上，全年悬挂横幅6条。')).toEqual([['propaganda.displays', 6]]);
    // traps: a topic that names nothing specific; an added count with another verb or another measure word
    expect(extract('工作上，我们讲了2次课。').metrics).toEqual([]);
    expect(pairs('讲党课2次，又组织了1次。')).toEqual([['study.party_lecture', 2]]);
    expect(pairs('讲党课2次，又讲了1场。')).toEqual([['study.party_lecture', 2]]);
  });

  it('does not count the standard of a comparison (比发一篇长文章管用), but keeps 评比 and 比赛', () => {
    expect(extract('一段短视频，比发一篇长文章管用。').metrics).toEqual([]);
    expect(pairs('举办书法比赛一场。')).toEqual([['civility.cultural_events', 1]]);
  });
});

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

describe('placeholders (rule 8)', () => {
  it('lists each placeholder that stands where a count belongs, and makes no metric of it', () => {
    const r = extract('召开支委会专题研究意识形态工作x次，与党员签订责任书xx份。集中学习X次，讲党课*次，累计xx余人次；在公众号推送信息XX篇，开展活动×次。');
    expect(r.placeholders.map((p) => p.evidence.text)).toEqual([
      '召开支委会专题研究意识形态工作x次',
      '与党员签订责任书xx份',
      '集中学习X次',
      '讲党课*次',
      '累计xx余人次',
      '在公众号推送信息XX篇',
      '开展活动×次',
    ]);
    expect(r.metrics).toEqual([]);
  });

  it('does not count dates, names or words', () => {
    expect(extract('××党支部\n20XX年XX月XX日，xxxx分管意识形态工作，Linux系统3套').placeholders).toEqual([]);
  });
});

describe('definitions are data', () => {
  const talks: MetricDefinition = {
    key: 'org.heart_talks',
    name: '谈心谈话',
    category: 'org',
    measureWords: ['次', '人次'],
    triggers: ['谈心谈话'],
    normalization: 'per_unit',
    weight: 1,
  };

  it('extracts a metric an administrator added', () => {
    const text = '开展谈心谈话36人次，召开支委会6次。';
    expect(pairs(text)).toEqual([['org.committee_meeting', 6]]);
    expect(extract(text, { definitions: [...DEFAULT_CATALOGUE, talks] }).metrics.map((m) => [m.key, m.value])).toEqual([
      ['org.heart_talks', 36],
      ['org.committee_meeting', 6],
    ]);
  });

  it('follows an edited trigger list and a disabled metric', () => {
    const edited = DEFAULT_CATALOGUE.map((d) => (d.key === 'propaganda.displays' ? { ...d, triggers: [...d.triggers, '宣传彩旗'] } : d));
    expect(extract('插上宣传彩旗50面', { definitions: edited }).metrics.map((m) => m.key)).toEqual(['propaganda.displays']);
    const disabled = DEFAULT_CATALOGUE.map((d) => (d.key === 'org.committee_meeting' ? { ...d, enabled: false } : d));
    expect(extract('召开支委会6次', { definitions: disabled }).metrics).toEqual([]);
  });

  it('accepts an extended formula list', () => {
    const text = '开展“五个一”活动。落实三个一百工程5场宣讲';
    expect(extract(text).metrics).toHaveLength(1);
    expect(extract(text, { formulas: [...DEFAULT_FORMULAS, '三个一百工程5场'] }).metrics).toEqual([]);
  });

  it('reads triggers given in Traditional characters or full width', () => {
    const trad = DEFAULT_CATALOGUE.map((d) => (d.key === 'org.heart_talks' ? d : d)).concat([{ ...talks, triggers: ['談心談話'] }]);
    expect(extract('开展谈心谈话３６次', { definitions: trad }).metrics.map((m) => [m.key, m.value])).toEqual([['org.heart_talks', 36]]);
  });
});

describe('the whole report', () => {
  const dirs = [join(__dirname, '../../../test/fixtures/corpus/seed'), join(__dirname, '../../../test/fixtures/corpus/dev'), join(__dirname, '../../../test/fixtures/extraction')];
  const files = dirs.flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.txt')).map((f) => join(d, f)));

  it.each(files.map((f) => [f.split('/').slice(-2).join('/'), f]))('%s: every evidence is the exact slice of the text', (_, file) => {
    const text = prepareText(readFileSync(file, 'utf8'));
    const r = extract(text);
    const all = [...r.metrics, ...r.cadences, ...r.problems, ...r.plans, ...r.placeholders].map((x) => x.evidence);
    for (const e of all) {
      expect(e.text).toBe(text.slice(e.start, e.end));
      expect(e.end).toBeGreaterThan(e.start);
    }
    for (const m of r.metrics) expect(foldText(m.evidence.text)).toContain(m.unit);
  });

  it('reads a Traditional report exactly as its Simplified twin', () => {
    const dev = join(__dirname, '../../../test/fixtures/corpus/dev');
    const simp = extract(prepareText(readFileSync(join(dev, 'school-2-2025H2.txt'), 'utf8')));
    const trad = extract(prepareText(readFileSync(join(dev, 'school-2-2025H2.trad.txt'), 'utf8')));
    const strip = (r: typeof simp) => ({
      metrics: r.metrics.map(({ evidence, ...m }) => ({ ...m, at: evidence.start })),
      cadences: r.cadences.map((c) => [c.key, c.per, c.times]),
      problems: r.problems.length,
      plans: r.plans.length,
    });
    expect(strip(trad)).toEqual(strip(simp));
  });

  it('copes with text that did not go through prepareText (CRLF)', () => {
    const text = '四、存在的问题\r\n一是学习不深入；二是宣传不到位。\r\n五、下步打算\r\n一是加强学习。\r\n召开支委会6次';
    const r = extract(text);
    expect([r.problems.length, r.plans.length]).toEqual([2, 1]);
    expect(extract('召开支委会6次\r\n').metrics.map((m) => m.evidence.text)).toEqual(['召开支委会6次']);
  });

  it('counts characters, specificity and a fingerprint', () => {
    const r = extract('召开支委会6次。\n制作展板10块。');
    expect(r.charCount).toBe(16);
    expect(r.specificity).toBeCloseTo((2 / 16) * 1000, 1);
    expect(r.fingerprint).toMatch(/^[0-9a-f]{512}$/);
    expect(extract('')).toMatchObject({ metrics: [], charCount: 0, specificity: 0 });
  });

  it('stays linear on pathological input (no delimiters, many 每, huge sections) and never yields a zero', () => {
    const started = performance.now();
    extract('“1次'.repeat(20000));
    extract('每月召开1次支委会'.repeat(20000));
    extract('四、存在问题\n' + '学习不够深入。\n'.repeat(20000));
    expect(performance.now() - started).toBeLessThan(10000);
    expect(extract('发布信息0篇，召开支委会零次').metrics).toEqual([]);
  });

  it('extracts a 6,000-character report quickly', () => {
    const dev = join(__dirname, '../../../test/fixtures/corpus/dev');
    const text = prepareText(readFileSync(join(dev, 'edu-bureau-2025H2.txt'), 'utf8')).repeat(2).slice(0, 6000);
    for (let i = 0; i < 20; i++) extract(text);
    const started = performance.now();
    for (let i = 0; i < 20; i++) extract(text);
    expect((performance.now() - started) / 20).toBeLessThan(100); // the bench measures ~1 ms; this only catches a blow-up (the machine may be shared)
  });
});
