// Reading the dashboard's gap answer: pure helpers, unit-tested (gap.spec.ts).
import type { DashboardGap, GapLevel, GapUnit } from '../../api/types';

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
