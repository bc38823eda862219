import { normalizeUsername } from './username';

describe('normalizeUsername', () => {
  it.each([
    ['leadD ', 'leadd'],
    ['  Admin', 'admin'],
    ['ａｄｍｉｎ', 'admin'],
    ['ＳＥＣ－ｓｃｈｏｏｌ－１', 'sec-school-1'],
    ['zhang.san', 'zhang.san'],
  ])('%j → %j', (raw, want) => {
    expect(normalizeUsername(raw)).toBe(want);
  });

  it('keeps accents (so the caller can tell a collation match from an exact one)', () => {
    expect(normalizeUsername('léadD')).toBe('léadd');
  });
});
