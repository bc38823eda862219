// Unfilled template placeholders where a count belongs (x次, XX篇) — not 20XX年, ××党支部.
import { extract } from './extract';

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
