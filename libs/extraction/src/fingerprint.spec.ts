import { fingerprint, lshKeys, similarity } from './fingerprint';

const base =
  '党支部坚持每月开展一次主题党日活动，下半年共开展主题党日活动6次。组织教职工政治学习十几次，重点学习二十届四中全会精神和党的教育方针。' +
  '举办青年教师思政能力提升培训班2期，培训青年教师60余人，引导青年教师扣好从教的第一粒扣子。严把教材教辅选用关，开展课堂教学巡查。';

describe('fingerprint', () => {
  it('is 64 bins of 8 hex digits', () => {
    expect(fingerprint(base)).toMatch(/^[0-9a-f]{512}$/);
  });

  it('rates a copy with a changed name and numbers as near-identical', () => {
    const copy = base.replace('党支部', '第二党支部').replace('6次', '7次').replace('60余人', '45人');
    expect(similarity(fingerprint(base), fingerprint(copy))).toBeGreaterThan(0.75);
  });

  it('ignores punctuation and spacing', () => {
    const spaced = base.replace(/[，。]/g, ' \n');
    expect(similarity(fingerprint(base), fingerprint(spaced))).toBe(1);
  });

  it('rates unrelated reports as dissimilar', () => {
    const other =
      '县交通运输局机关党委召开意识形态工作专题研判会3次，制作宣传展板10块，在局网站发布新闻稿件42篇，向市局报送信息65篇其中被采用18篇，' +
      '组建网络舆情员队伍12人，开展志愿服务活动8次，参与志愿者200余人次，与5个村开展结对共建。';
    expect(similarity(fingerprint(base), fingerprint(other))).toBeLessThan(0.2);
  });

  it('gives empty text no similarity and no band keys', () => {
    expect(similarity(fingerprint(''), fingerprint(''))).toBe(0);
    expect(lshKeys(fingerprint('短'))).toEqual([]);
  });

  it('lets near-duplicates share a band key', () => {
    const copy = base.replace('6次', '7次');
    const a = new Set(lshKeys(fingerprint(base)));
    expect(lshKeys(fingerprint(copy)).some((k) => a.has(k))).toBe(true);
  });
});
