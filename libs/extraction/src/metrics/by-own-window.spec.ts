// byOwnWindow: the words in the count's own clause name it — keys from the catalogue's trigger
// vocabulary, exclusion words, and counts that no word of the catalogue names.
import { extract } from '../extract';
import { one, pairs, ruled } from '../test-helpers';

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

  it('knows 思想动态分析/研判 (an ideology meeting), 微视频 (new media) and 宣传墙 (a display)', () => {
    expect(pairs('主持召开全所民警辅警参加的队伍思想动态分析会4次')).toEqual([['org.ideology_meeting', 4]]);
    expect(pairs('开展职工思想动态研判2次')).toEqual([['org.ideology_meeting', 2]]);
    expect(pairs('制作“百姓说变化”微视频12期')).toEqual([['propaganda.new_media_posts', 12]]);
    expect(pairs('新建宣传墙3面')).toEqual([['propaganda.displays', 3]]);
    // a survey of what staff think is no meeting
    expect(pairs('开展员工思想动态问卷调查2次，回收问卷186份')).toEqual([]);
  });

  it('takes 转载 (who reprinted is not said) only when nothing specific is in reach', () => {
    expect(pairs('在局门户网站转载市局动态6篇。')).toEqual([['propaganda.news', 6]]);
  });

  it('takes a party body’s meeting for a committee meeting, and its part on ideology work for an ideology meeting', () => {
    expect(pairs('召开党组会议12次，其中专题研究意识形态工作4次。')).toEqual([['org.committee_meeting', 12], ['org.ideology_meeting', 4]]);
    expect(pairs('全年召开党组会21次，其中专题研究宣传思想工作5次。')).toEqual([['org.committee_meeting', 21], ['org.ideology_meeting', 5]]);
  });

  it('reads 宣传思想工作 and 意识形态领域工作 as ideology work, whatever body meets on it', () => {
    expect(pairs('镇党委会全年专题研究宣传思想工作3次。')).toEqual([['org.ideology_meeting', 3]]);
    expect(pairs('召开干部职工大会部署宣传思想工作3次。')).toEqual([['org.ideology_meeting', 3]]);
    expect(pairs('党工委会专题研究意识形态领域工作2次。')).toEqual([['org.ideology_meeting', 2]]);
    expect(pairs('开展宣传思想工作专项监察5次，巡查2次。')).toEqual([['org.inspection', 5], ['org.inspection', 2]]);
    // traps: a meeting with no count, a staff meeting on something else
    expect(pairs('班子会专题研究宣传思想工作。')).toEqual([]);
    expect(pairs('召开职工大会3次，研究薪酬改革。')).toEqual([]);
  });

  it('knows the seven keys of issue 14', () => {
    expect(pairs('发放防诈骗宣传资料1,600份、《文明旅游手册》8,000册、反诈宣传单8600张。')).toEqual([
      ['propaganda.materials', 1600],
      ['propaganda.materials', 8000],
      ['propaganda.materials', 8600],
    ]);
    expect(pairs('参学干警430人次，党员撰写心得体会27篇、调研报告5篇。')).toEqual([
      ['study.attendance', 430],
      ['study.writings', 27],
      ['study.writings', 5],
    ]);
    expect(pairs('开展巡查3次，发现问题2个，当场整改2个；发现并督促整改问题11项。')).toEqual([
      ['org.inspection', 3],
      ['org.issues_found', 2],
      ['org.issues_fixed', 2],
      ['org.issues_fixed', 11],
    ]);
    expect(pairs('开展“青春向党”思想政治教育活动8场、国家安全宣传教育活动3场。')).toEqual([
      ['civility.cultural_events', 8],
      ['civility.cultural_events', 3],
    ]);
    expect(pairs('举办运动会、读书会等活动4场。')).toEqual([['civility.cultural_events', 4]]);
    expect(pairs('组织党员志愿者深入社区开展服务12次，开展法律咨询服务5次。')).toEqual([
      ['civility.volunteer_activities', 12],
      ['civility.volunteer_activities', 5],
    ]);
    expect(pairs('设置公益广告牌24块，LED屏滚动播放标语260条次，更新宣传栏6期。')).toEqual([
      ['propaganda.displays', 24],
      ['propaganda.displays', 260],
      ['propaganda.displays', 6],
    ]);
    // traps: pledges that are not ideology-work letters, a business inspection, service to a business
    expect(pairs('签订廉政承诺书45份、安全生产责任书42份；对养老机构开展安全检查46次；服务企业30余次。')).toEqual([]);
  });

  it('is the first rule tried', () => {
    expect(ruled('在局网站发布新闻类信息20余篇')).toEqual([['propaganda.news', 20, 'byOwnWindow']]);
    expect(ruled('召开3次支委会。')).toEqual([['org.committee_meeting', 3, 'byOwnWindow']]);
  });
});

describe('exclusion words and counts nothing names', () => {
  it.each([
    ['teams, groups and organisations', '组成5个宣讲组对27个基层党组织开展检查，组建宣讲小分队8支。'],
    ['people that fit no key', '支部现有党员12名，表彰“最美教师”10名，7名党组成员。'],
    ['business situation analyses', '开展治安形势研判12次，召开经济运行分析研判会4次。'],
    ['business inspections', '对养老服务机构开展安全检查46次，开展消防安全检查12次，开展食品安全执法检查30次。'],
  ])('%s', (_, text) => {
    expect(pairs(text)).toEqual([]);
  });

  it('does not take a business situation analysis for an ideology meeting', () => {
    expect(pairs('召开经济形势分析会3次，开展安全形势分析4次。')).toEqual([]);
  });

  it('reads a business word that qualifies public opinion (税收舆情) as the topic of the opinion, not as business', () => {
    expect(pairs('7月、10月分别开展税收舆情风险研判，全年共2次。')).toEqual([['org.ideology_meeting', 2]]);
    expect(extract('开展税收形势研判3次。').metrics).toEqual([]);
    expect(extract('开展汛情研判5次。').metrics).toEqual([]);
  });
});
