import type { ComparisonDto } from './dto/dashboard.dto';
import { comparisonBase, comparisonJson, periodColumns, type ComparisonStatRow } from './comparison';
import type { SubtreeUnit } from './dashboard.queries';

const open = { dueOn: '2026-07-10', closedAt: null };

function unit(id: number, code: string, parent: number | null, level: number, members = 20, extra: Partial<SubtreeUnit> = {}): SubtreeUnit {
  return { id, code, name: `${code}党支部`, parent_id: parent, level, member_count: members, active_from: '2020-01-01', active_until: null, ...extra };
}

function stat(unitId: number, status: string, temperature: number | null, totals: Record<string, number> | null = null, place: Partial<ComparisonStatRow> = {}): ComparisonStatRow {
  return { unit_id: unitId, status, temperature, parent_id: null, level: null, totals: totals ? JSON.stringify(totals) : null, ...place };
}

function answer(units: SubtreeUnit[], stats: ComparisonStatRow[], metric: string, normalize: 'none' | 'per100' = 'none', period: { dueOn: string; closedAt: Date | null } = open, scopeLevel = 0): ComparisonDto {
  const cols = periodColumns(stats);
  const bytes = comparisonJson(comparisonBase(units, cols, period, scopeLevel), cols, { period: '2026-H1', metric, metricName: metric === 'temperature' ? '温度' : '学习次数', normalize });
  return JSON.parse(bytes.toString()) as ComparisonDto;
}

const tree = [unit(1, 'root', null, 0, 40), unit(2, 'b', 1, 1, 30), unit(3, 'a', 1, 1, 10), unit(4, 'c', 2, 2, 0)];

describe('comparison answer', () => {
  it('ranks highest first, equal values share a rank, ties ordered by level then code, no value last', () => {
    const stats = [stat(1, 'reported', 90, { 'study.sessions': 5 }), stat(2, 'reported', 70, { 'study.sessions': 5 }), stat(3, 'reported', 70, { 'study.sessions': 8 }), stat(4, 'missing', 0)];
    const r = answer(tree, stats, 'study.sessions');
    expect(r.units.map((u) => [u.code, u.value, u.rank])).toEqual([
      ['a', 8, 1],
      ['root', 5, 2],
      ['b', 5, 2],
      ['c', null, null],
    ]);
    const t = answer(tree, stats, 'temperature');
    expect(t.units.map((u) => [u.code, u.value, u.rank])).toEqual([
      ['root', 90, 1],
      ['a', 70, 2],
      ['b', 70, 2],
      ['c', 0, 4],
    ]);
  });

  it('answers every field of ComparisonDto, header first', () => {
    const r = answer(tree, [stat(1, 'reported', 88.5, { 'study.sessions': 3 }), stat(2, 'reported', 61, {})], 'study.sessions');
    expect({ ...r, units: undefined }).toEqual({ period: '2026-H1', metric: 'study.sessions', metricName: '学习次数', normalize: 'none', units: undefined });
    expect(r.units[0]).toEqual({ code: 'root', name: 'root党支部', level: 0, parentCode: null, memberCount: 40, value: 3, rank: 1, temperature: 88.5, status: 'reported' });
    // A reported unit that does not mention the metric counts 0; a unit without a row is pending.
    expect(r.units.find((u) => u.code === 'b')).toMatchObject({ value: 0, rank: 2, temperature: 61, parentCode: 'root', level: 1 });
    expect(r.units.find((u) => u.code === 'a')).toMatchObject({ value: null, rank: null, temperature: null, status: 'pending' });
  });

  it('per 100 members rounds to two places and has no value without members; temperature is never normalised', () => {
    const stats = [stat(1, 'reported', 80, { 'study.sessions': 7 }), stat(2, 'reported', 60, { 'study.sessions': 1 }), stat(4, 'reported', 50, { 'study.sessions': 9 })];
    const r = answer(tree, stats, 'study.sessions', 'per100');
    expect(Object.fromEntries(r.units.map((u) => [u.code, u.value]))).toEqual({ root: 17.5, b: 3.33, c: null, a: null });
    expect(answer(tree, stats, 'temperature', 'per100').units[0]).toMatchObject({ code: 'root', value: 80 });
  });

  it('counts levels from the caller and shows only units expected in the period', () => {
    const later = unit(5, 'new', 2, 2, 10, { active_from: '2026-09-01' });
    const gone = unit(6, 'old', 2, 2, 10, { active_until: '2026-03-01' });
    const r = answer([tree[1], tree[3], later, gone], [stat(2, 'reported', 70), stat(4, 'reported', 40)], 'temperature', 'none', open, 1);
    expect(r.units.map((u) => [u.code, u.level, u.parentCode])).toEqual([
      ['b', 0, null],
      ['c', 1, 'b'],
    ]);
  });

  it('a closed period keeps the tree position frozen with its rows and leaves out units it did not hold', () => {
    const closed = { dueOn: '2026-07-10', closedAt: new Date('2026-08-01') };
    // Unit c was under b when aggregated and has since moved under a (level 2 either way).
    const moved = [tree[0], tree[1], tree[2], unit(4, 'c', 3, 2, 0)];
    const stats = [stat(1, 'reported', 90, null, { level: 0 }), stat(2, 'reported', 70, null, { parent_id: 1, level: 1 }), stat(4, 'reported', 30, null, { parent_id: 2, level: 2 })];
    const r = answer(moved, stats, 'temperature', 'none', closed);
    expect(r.units.map((u) => [u.code, u.parentCode])).toEqual([
      ['root', null],
      ['b', 'root'],
      ['c', 'b'],
    ]);
  });

  it('writes names as JSON strings, whatever they hold', () => {
    const odd = unit(2, 'x"y', 1, 1, 10, { name: '第一"支部"\\<script>\n' });
    const r = answer([tree[0], odd], [stat(2, 'reported', 50)], 'temperature');
    expect(r.units[0]).toMatchObject({ code: 'x"y', name: '第一"支部"\\<script>\n', parentCode: 'root' });
  });
});
