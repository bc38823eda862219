// The checks on a bare Chinese 一: it counts only right next to its word, and not as the standard of a
// comparison.
import { extract } from '../extract';
import { pairs } from '../test-helpers';

describe('a bare 一', () => {
  it('counts a bare 一 only right next to the word that names it', () => {
    expect(pairs('讲党课一次')).toEqual([['study.party_lecture', 1]]);
    expect(pairs('开展一次培训')).toEqual([['study.training_sessions', 1]]);
    expect(pairs('召开支委会研究并部署了下半年工作一次')).toEqual([]);
    expect(pairs('集中学习党的理论知识和业务知识一次')).toEqual([]);
    // a figure is no bare 一
    expect(pairs('召开支委会研究并部署了下半年工作1次')).toEqual([['org.committee_meeting', 1]]);
  });

  it('does not count the standard of a comparison (比发一篇长文章管用), but keeps 评比 and 比赛', () => {
    expect(extract('一段短视频，比发一篇长文章管用。').metrics).toEqual([]);
    expect(pairs('举办书法比赛一场。')).toEqual([['civility.cultural_events', 1]]);
  });

  it.each([
    ['a bare 一 that is no count', '将落实责任制作为一项重要工作，形成一个工作格局。'],
  ])('%s', (_, text) => {
    expect(pairs(text)).toEqual([]);
  });
});
