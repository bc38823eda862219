import { coldest, darken, flaggedUnits, wallTiming } from './wall';

const u = (code: string, level: number, temperature: number | null, flags: string[] = []) =>
  ({ code, name: code, level, parentCode: null, memberCount: 1, temperature, status: 'reported', totals: {}, flags: flags.map((c) => ({ code: c, reason: c })) }) as never;

describe('大屏 logic', () => {
  it('reads rotation and refresh from the address, within bounds', () => {
    expect(wallTiming('')).toEqual({ rotateMs: 20_000, refreshMs: 60_000 });
    expect(wallTiming('?rotate=3&refresh=5')).toEqual({ rotateMs: 3_000, refreshMs: 5_000 });
    expect(wallTiming('?rotate=0.1&refresh=-4')).toEqual({ rotateMs: 2_000, refreshMs: 60_000 });
    expect(wallTiming('?refresh=999999').refreshMs).toBe(3_600_000);
  });

  it('lists the coldest rated units below the top, and flagged units with the most flags first', () => {
    const missing = { ...(u('m', 2, 0, ['missing_report']) as object), status: 'missing' } as never;
    const gap = { units: [u('top', 0, 5), u('a', 1, 40), u('b', 2, 12, ['cold']), u('c', 2, null, ['missing_report', 'late_report']), u('d', 2, 30), missing] };
    expect(coldest(gap).map((x) => x.code)).toEqual(['b', 'd', 'a']);
    expect(flaggedUnits(gap).map((x) => x.code)).toEqual(['c', 'm', 'b']);
  });

  it('turns a chart dark with large type', () => {
    const o = darken({ xAxis: { type: 'category' }, yAxis: { type: 'value', name: '温度' }, legend: { top: 0 } }, 22) as Record<string, { axisLabel?: { color: string; fontSize: number }; textStyle?: { color: string } }>;
    expect(o.xAxis.axisLabel).toEqual({ color: '#d9d9d9', fontSize: 22 });
    expect(o.legend.textStyle?.color).toBe('#e8e8e8');
  });
});
