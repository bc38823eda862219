import { defaultLevelNames, levelNames } from './unit-levels';

describe('level names', () => {
  it('names each depth after its units’ own suffixes, not a fixed 局党组 / 二级党委', () => {
    const units = [
      { level: 0, name: '县委教育卫健工委' },
      { level: 1, name: '县第一中学党委' },
      { level: 1, name: '县人民医院党委' },
      { level: 2, name: '一中党总支' },
      { level: 2, name: '二中党支部' },
      { level: 2, name: '三中党支部' },
      { level: 3, name: '一中第一支部' },
    ];
    expect(defaultLevelNames(units)).toEqual(['工委', '党委', '党支部/党总支', '支部']);
  });

  it('names a lone unit without a known suffix by itself, and a mixed level without one by its number', () => {
    expect(defaultLevelNames([{ level: 0, name: '某县交通运输局' }, { level: 1, name: '甲' }, { level: 1, name: '乙' }])).toEqual(['某县交通运输局', '二级党委']);
  });

  it('prefers what the administrator named', () => {
    expect(levelNames(['党组', '党委'], ['局党组', ''])).toEqual([
      { level: 0, name: '局党组', defaultName: '党组', custom: true },
      { level: 1, name: '党委', defaultName: '党委', custom: false },
    ]);
  });
});
