import { unclassifiedPhrase } from './phrase';

describe('unclassifiedPhrase: one wording, one row of the administrators’ list', () => {
  it('keeps the words before the numeral in its clause, N and the measure word', () => {
    expect(unclassifiedPhrase('利用大喇叭播放政策提示180余次', '次')).toBe('喇叭播放政策提示N次');
    expect(unclassifiedPhrase('全院新收各类案件1,386件，审结1,252件', '件')).toBe('审结N件');
  });

  it('groups the same wording whatever the figure, spaces or a leading 共/累计', () => {
    const a = unclassifiedPhrase('播放政策提示 60 次', '次');
    expect(a).toBe('播放政策提示N次');
    expect(unclassifiedPhrase('全年累计播放政策提示三十次', '次', 6)).toBe(a);
    expect(unclassifiedPhrase('播放政策提示共12次', '次')).toBe(a);
  });

  it('reads the last count of the evidence (the clause before it is context only)', () => {
    expect(unclassifiedPhrase('开展禁毒宣传5次，发放禁毒手册300册', '册')).toBe('发放禁毒手册N册');
  });

  it('falls back to the whole evidence when the count cannot be found in it', () => {
    expect(unclassifiedPhrase('审结案件', '件')).toBe('审结案件N件');
  });
});
