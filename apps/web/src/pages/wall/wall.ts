// The big screen's pure parts (#16.7): which panels rotate, the coldest units, the timing read
// from the address (a wall may ask for a slower rotation; tests ask for a faster one).
import type { DashboardGap, GapUnit } from '../../api/types';

export const PANELS = ['level', 'flagged', 'trend'] as const;
export type Panel = (typeof PANELS)[number];

/** Seconds between panels and between refreshes: ?rotate=20&refresh=60, clamped to sane bounds. */
export function wallTiming(search: string): { rotateMs: number; refreshMs: number } {
  const q = new URLSearchParams(search);
  const num = (k: string, d: number, min: number, max: number) => {
    const v = Number(q.get(k));
    return (Number.isFinite(v) && v > 0 ? Math.min(max, Math.max(min, v)) : d) * 1000;
  };
  return { rotateMs: num('rotate', 20, 2, 600), refreshMs: num('refresh', 60, 2, 3600) };
}

/** The coldest units that reported, coldest first (a missing report is a flag, not a temperature). */
export function coldest(gap: Pick<DashboardGap, 'units'>, n = 8): GapUnit[] {
  return gap.units
    .filter((u) => u.status === 'reported' && u.temperature !== null && u.level > 0)
    .sort((a, b) => (a.temperature ?? 0) - (b.temperature ?? 0) || a.name.localeCompare(b.name))
    .slice(0, n);
}

/** Flagged units, the most flags first. */
export function flaggedUnits(gap: Pick<DashboardGap, 'units'>, n = 8): GapUnit[] {
  return gap.units.filter((u) => u.flags.length > 0).sort((a, b) => b.flags.length - a.flags.length || (a.temperature ?? 0) - (b.temperature ?? 0)).slice(0, n);
}

/** ECharts options on the dark wall: light text, large type. */
export function darken<T extends Record<string, unknown>>(option: T, fontSize = 20): T {
  const axis = (a: unknown) => (a && typeof a === 'object' ? { ...a, axisLabel: { ...((a as { axisLabel?: object }).axisLabel ?? {}), color: '#d9d9d9', fontSize }, nameTextStyle: { color: '#d9d9d9', fontSize }, splitLine: { lineStyle: { color: '#333' } } } : a);
  return {
    ...option,
    backgroundColor: 'transparent',
    textStyle: { color: '#e8e8e8', fontSize },
    legend: option.legend ? { ...(option.legend as object), textStyle: { color: '#e8e8e8', fontSize } } : undefined,
    xAxis: axis(option.xAxis),
    yAxis: axis(option.yAxis),
  };
}
