// Reading the dashboard's gap answer: pure helpers, unit-tested (gap.spec.ts).
import type { DashboardGap, GapLevel, GapUnit } from '../api/types';

export function coldUnits(gap: DashboardGap): GapUnit[] {
  return gap.units.filter((u) => u.flags.some((f) => f.code === 'cold')).sort((a, b) => (a.temperature ?? 0) - (b.temperature ?? 0));
}

export function flaggedUnits(gap: DashboardGap): GapUnit[] {
  return gap.units.filter((u) => u.flags.length > 0).sort((a, b) => b.flags.length - a.flags.length || (a.temperature ?? 0) - (b.temperature ?? 0));
}

/** The level entry a unit belongs to (both are numbered from the caller's own unit, 0). */
export function levelOf(gap: DashboardGap, unit: Pick<GapUnit, 'level'>): GapLevel | undefined {
  return gap.levels.find((l) => l.level === unit.level);
}

/** Black or white text, whichever reads on a temperature colour. */
export function textOn(background: string): string {
  const m = /rgb\((\d+), (\d+), (\d+)\)/.exec(background);
  if (!m) return '#262626';
  const [r, g, b] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return 0.299 * r + 0.587 * g + 0.114 * b > 150 ? '#262626' : '#ffffff';
}

/** 0..100 → a colour from deep blue (cold) through white-ish to red (hot). */
export function temperatureColor(t: number | null | undefined): string {
  if (t === null || t === undefined || !Number.isFinite(t)) return '#d9d9d9';
  const stops: [number, [number, number, number]][] = [
    [0, [30, 58, 138]],
    [40, [144, 202, 249]],
    [60, [255, 224, 178]],
    [100, [183, 28, 28]],
  ];
  const v = Math.max(0, Math.min(100, t));
  for (let i = 1; i < stops.length; i++) {
    const [b, cb] = stops[i];
    const [a, ca] = stops[i - 1];
    if (v <= b) {
      const k = (v - a) / (b - a);
      const c = ca.map((x, j) => Math.round(x + (cb[j] - x) * k));
      return `rgb(${c[0]}, ${c[1]}, ${c[2]})`;
    }
  }
  return 'rgb(183, 28, 28)';
}

export const LEVEL_COLORS = ['#b71c1c', '#e65100', '#f9a825', '#2e7d32', '#1565c0', '#6a1b9a', '#37474f'];

/** Names an absolute level (0 = the bureau); relative levels add the caller's own unitLevel first. */
export function levelName(level: number, lang: 'zh' | 'en'): string {
  const zh = ['局党组', '二级党委', '总支/支部', '支部', '第五级', '第六级'];
  const en = ['Bureau', 'Level 1', 'Level 2', 'Level 3', 'Level 4', 'Level 5'];
  return (lang === 'zh' ? zh : en)[level] ?? (lang === 'zh' ? `第${level}级` : `Level ${level}`);
}
