// Counts that are no metric whatever words stand near them (skips.ts), and the figures next to them
// that still are.
import { pairs, ruled } from '../test-helpers';

describe('targets and plans: isTarget, and every count in a plans section', () => {
  it.each([
    ['per-unit minimums', '每个支部至少1名信息员，每名党员撰写心得体会2篇。'],
    ['marked targets', '力争在市级以上媒体上稿30篇以上，计划举办专题培训班不少于4期，确保开展宣讲10场，至少召开支委会3次，寒假期间还将组织开展志愿服务活动6场。'],
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

describe('changes: isChange; problems found are a key of their own', () => {
  it.each([
    ['changes against an earlier period', '公众号推送篇数同比增加12篇，研判会较上年增加一次，比去年多开展3次宣讲，环比减少2场。'],
  ])('%s', (_, text) => {
    expect(pairs(text)).toEqual([]);
  });

  it('counts problems found or put right as org.issues_found / org.issues_fixed (a problem noun heads its qualifiers)', () => {
    expect(ruled('发现问题十七个，整改问题9个，对发现的2处宣传栏内容过期问题当即整改，排查出风险隐患5处。')).toEqual([
      ['org.issues_found', 17, 'byOwnWindow'],
      ['org.issues_fixed', 9, 'byOwnWindow'],
      ['org.issues_found', 2, 'byOwnWindow+problemIsTheHead'],
      ['org.issues_found', 5, 'byOwnWindow'],
    ]);
    // trap: a display that is no problem keeps its key
    expect(pairs('更新宣传栏内容2处。')).toEqual([['propaganda.displays', 2]]);
  });

  it('keeps a figure next to a comparison that is not a change, and a check that found problems', () => {
    expect(pairs('公众号推送信息56篇，同比增长20%。')).toEqual([['propaganda.new_media_posts', 56]]);
    expect(pairs('公众号推送信息较上年增加到56篇。')).toEqual([['propaganda.new_media_posts', 56]]);
    expect(pairs('开展专项检查3次，发现问题12个。')).toEqual([['org.inspection', 3], ['org.issues_found', 12]]);
    expect(pairs('召开专题会议3次，研究解决意识形态领域突出问题。')).toEqual([['org.ideology_meeting', 3]]);
  });
});

describe('a figure per unit before its total: isPerUnitBeforeTotal', () => {
  it('counts a figure for each unit followed by its total once, as the total', () => {
    expect(pairs('局属单位各明确1名网络信息员，共7名。')).toEqual([['online.commentators', 7]]);
    // traps: 各 right before the count of a multi-key enumeration, and a per-unit figure without a total
    expect(pairs('召开支委会、党员大会各2次。')).toEqual([['org.member_meeting', 2]]);
    expect(pairs('两个支部各召开支委会3次。')).toEqual([['org.committee_meeting', 3]]);
  });
});

describe('awards: isAward', () => {
  it.each([
    ['awards won', '在市级演讲比赛中获奖5项，荣获知识竞赛一等奖2次。'],
  ])('%s', (_, text) => {
    expect(pairs(text)).toEqual([]);
  });
});
