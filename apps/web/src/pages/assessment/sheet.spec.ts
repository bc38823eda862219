import { cellText, compareScores, scoreOf, visibleUnits, type Assessment, type UnitSheet } from './sheet';

const unit = (code: string, rank: number, level: number, scores: Record<string, number | null>): UnitSheet => ({
  code,
  name: `${code}党支部`,
  level,
  status: 'reported',
  total: 0,
  rank,
  unscored: 0,
  items: Object.entries(scores).map(([id, score]) => ({ id, sectionId: 's', section: '板块', title: id, kind: 'manual', points: 5, score, auto: false, autoScore: null, explain: '', evidence: [], note: null, scoredBy: null })),
});

const data = { units: [unit('b', 2, 2, { x: 1 }), unit('a', 1, 1, { x: null }), unit('c', 2, 1, { x: 3 })] } as unknown as Assessment;

it('lists units in rank order (ties by level, then code) and filters by name or code', () => {
  expect(visibleUnits(data, '').map((u) => u.code)).toEqual(['a', 'c', 'b']);
  expect(visibleUnits(data, 'c党').map((u) => u.code)).toEqual(['c']);
  expect(visibleUnits(undefined, '')).toEqual([]);
});

it('reads an item score, shows an unscored one as a dash and sorts it below any score', () => {
  const [b, a] = data.units;
  expect(scoreOf(b, 'x')).toBe(1);
  expect(scoreOf(a, 'x')).toBeNull();
  expect(scoreOf(a, 'nope')).toBeNull();
  expect(cellText(null)).toBe('—');
  expect(cellText(2.5)).toBe('2.5');
  expect(compareScores(null, 0)).toBeLessThan(0);
  expect(compareScores(3, 1)).toBeGreaterThan(0);
});
