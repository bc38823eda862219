// A key that follows its context: the sentence's subject (中心组) names the later, general counts.
import { extract } from '../extract';
import { pairs, ruled } from '../test-helpers';

describe('sentenceSubject', () => {
  it('gives a generally named count the sentence’s specific subject, for metrics and cadences', () => {
    const text = '街道党工委理论学习中心组严格执行学习制度，坚持每月集中学习一次，全年开展专题研讨6次。';
    expect(ruled(text)).toEqual([['study.central_group', 6, 'byOwnWindow+sentenceSubject']]);
    expect(extract(text).cadences.map((c) => [c.key, c.per, c.times])).toEqual([['study.central_group', 'month', 1]]);
    expect(pairs('堅持每月召開一次黨委理論學習中心組學習會，全年共集中學習12次。')).toEqual([['study.central_group', 12]]);
  });

  it.each([
    ['a clause with a subject of its own', '理论学习中心组学习5次，各支部集中学习20次。', [['study.central_group', 5], ['study.sessions', 20]]],
    ['a subject that has its own count already', '上半年中心组集中学习6次，开展交流研讨3次。', [['study.central_group', 6], ['study.sessions', 3]]],
    ['another sentence', '理论学习中心组严格执行学习制度。全年集中学习40次。', [['study.sessions', 40]]],
  ])('does not carry it over %s', (_, text, expected) => {
    expect(pairs(text)).toEqual(expected);
  });
});
