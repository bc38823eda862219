import { parseChinese, readNumeral } from './numbers';

describe('numerals', () => {
  it.each([
    ['十', 10],
    ['十二', 12],
    ['二十三', 23],
    ['一百零八', 108],
    ['一百二十', 120],
    ['两千', 2000],
    ['一千二百', 1200],
    ['三万', 30000],
    ['一万二千', 12000],
    ['百', 100],
    ['千', 1000],
    ['一亿二千万', 120000000],
  ])('%s = %d', (text, value) => {
    expect(parseChinese(text)).toEqual({ value, approx: false });
  });

  it('reads 几 as an unknown digit: 十几 → 10, 几十 → 10, 几百 → 100 (approximate)', () => {
    expect(parseChinese('十几')).toEqual({ value: 10, approx: true });
    expect(parseChinese('几十')).toEqual({ value: 10, approx: true });
    expect(readNumeral('数百人', 0)).toMatchObject({ value: 100, approx: true, end: 2 });
  });

  it.each([
    ['1,200余人次', 1200, 5],
    ['12,000人', 12000, 6],
    ['1.2万人次', 12000, 4],
    ['3万余', 30000, 2],
    ['2.5', 2.5, 3],
    ['2025年', 2025, 4],
  ])('reads Arabic %s', (text, value, end) => {
    expect(readNumeral(text, 0)).toMatchObject({ value, end, chinese: false });
  });

  it('does not take a comma that is no thousands separator', () => {
    expect(readNumeral('12,3次', 0)).toMatchObject({ value: 12, end: 2 });
  });

  it('returns null where there is no numeral', () => {
    expect(readNumeral('召开', 0)).toBeNull();
    expect(readNumeral('几次', 0)).toBeNull();
  });
});
