// Level medians, attenuation and the gap index of one subtree, levels counted from its root.
//
// The api calls this per request with the stored per-unit temperatures of the caller's subtree,
// so it is one pass over the units plus one sort per level.

import { DEFAULT_ANALYTICS_CONFIG } from './config';
import type { GapSummary, LevelSummary, LevelUnit, SummarizeOptions } from './types';

/** Median of finite numbers; null for an empty list. Does not modify its argument. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = Float64Array.from(values).sort();
  return middle(sorted);
}

function middle(sorted: Float64Array): number {
  const n = sorted.length;
  const h = n >> 1;
  return n % 2 === 1 ? sorted[h] : (sorted[h - 1] + sorted[h]) / 2;
}

const FACTORS = [1, 10, 100, 1000, 10000, 100000];

/** Rounds half up to `digits` (0..5) decimals. */
export function round(x: number, digits: number): number {
  const f = FACTORS[digits];
  return Math.round(x * f) / f;
}

/** Depth of `rootUnitId` in a materialised path ('/1/4/17/' → 4 is at depth 1), or -1 when absent. */
function depthIn(path: string, rootUnitId: number): number {
  const ids = path.split('/').filter((s) => s !== '');
  return ids.indexOf(String(rootUnitId));
}

/**
 * Level medians, attenuations and the gap index of the subtree rooted at `rootUnitId`, with
 * levels relative to it (root = 0). Units outside the subtree are ignored; units without a
 * temperature (not yet due) are counted in `unitCount` but not in medians.
 */
export function summarizeLevels(
  units: readonly LevelUnit[],
  rootUnitId: number,
  options: SummarizeOptions = {},
): GapSummary {
  const threshold = options.attenuationThreshold ?? DEFAULT_ANALYTICS_CONFIG.thresholds.attenuation;
  const marker = `/${rootUnitId}/`;
  let rootLevel: number | null = null;
  const counts: number[] = [];
  const temps: number[][] = [];

  for (const u of units) {
    if (!u.path.includes(marker)) continue;
    if (rootLevel === null) {
      // The root's absolute level, from the first path that contains it: its own level minus the
      // ids below the root in its path. One parse for the whole call.
      const ids = u.path.split('/').filter((s) => s !== '');
      rootLevel = u.level - (ids.length - 1 - depthIn(u.path, rootUnitId));
    }
    const rel = u.level - rootLevel;
    if (rel < 0) continue; // inconsistent data (level vs path); never index below the root
    while (counts.length <= rel) {
      counts.push(0);
      temps.push([]);
    }
    counts[rel]++;
    if (u.temperature !== null && Number.isFinite(u.temperature)) temps[rel].push(u.temperature);
  }

  const levels: LevelSummary[] = [];
  let above: number | null = null;
  for (let level = 0; level < counts.length; level++) {
    const med = median(temps[level]);
    const attenuation: number | null =
      level === 0 || med === null || above === null || above === 0 ? null : round(med / above, 3);
    levels.push({
      level,
      unitCount: counts[level],
      ratedCount: temps[level].length,
      medianTemperature: med === null ? null : round(med, 2),
      attenuation,
    });
    above = med;
  }

  const rated = levels.filter((l) => l.medianTemperature !== null);
  let gapIndex = 0;
  if (rated.length >= 2) {
    const top = rated[0].medianTemperature as number;
    const bottom = rated[rated.length - 1].medianTemperature as number;
    if (top > 0) gapIndex = round(1 - bottom / top, 3);
  }

  let lossLevel: number | null = null;
  let lowest = Infinity;
  for (const l of levels) {
    if (l.attenuation !== null && l.attenuation < threshold && l.attenuation < lowest) {
      lowest = l.attenuation;
      lossLevel = l.level;
    }
  }
  return { levels, gapIndex, gapDetected: lossLevel !== null, lossLevel };
}
