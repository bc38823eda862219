// The window of words that may name a count (context.ts): it stops at the next count, at a 、 that
// leads to the next count, at 其中 and at a part's parenthesis; it skips what a parenthesis says the
// thing includes.
import { extract } from '../extract';
import { pairs } from '../test-helpers';

describe('the window of a count', () => {
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
});

describe('counts before their noun in a list (rule 9)', () => {
  it('gives each count the noun after it, not the one before', () => {
    expect(pairs('先后举办3场专题党课、2期楼栋长培训班。')).toEqual([
      ['study.party_lecture', 3],
      ['study.training_sessions', 2],
    ]);
    expect(pairs('召开4次支委会、2次党员大会，组织6次主题党日。')).toEqual([
      ['org.committee_meeting', 4],
      ['org.member_meeting', 2],
      ['study.theme_day', 6],
    ]);
    expect(pairs('讲授2场专题党课、举办1期执法规范化培训班。')).toEqual([
      ['study.party_lecture', 2],
      ['study.training_sessions', 1],
    ]);
    // traps: nouns before their counts keep them
    expect(pairs('召开支委会6次、党员大会3次。')).toEqual([
      ['org.committee_meeting', 6],
      ['org.member_meeting', 3],
    ]);
    expect(pairs('举办专题党课3场、培训班2期。')).toEqual([
      ['study.party_lecture', 3],
      ['study.training_sessions', 2],
    ]);
  });
});
