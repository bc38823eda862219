// What a unit's figures are measured against: its member count (per-100 metrics), its normalised
// values, and per metric and level the reference that scores 1.0 — the configured target, or
// `peerMultiple` × the median of the level's positive values (the whole tree's when the level has
// fewer than `minPeers` reporting units). Tables are flat typed arrays indexed by reporting row
// (the units that reported, in input order): a provincial tree has 10,000 units × 25 metrics.

import type { MetricCatalogue } from './catalogue';
import { median } from './levels';
import { totalsFor } from './totals';
import type { AnalyticsReport, AnalyticsScoring, AnalyticsUnit } from './types';

/** Members assumed when a whole level has no member count (per-100 values then equal raw counts). */
export const FALLBACK_MEMBERS = 100;

/** Member count of a unit: unknown (≤ 0) borrows the median of its level's known counts. */
export function memberCounts(units: readonly AnalyticsUnit[]): (unit: AnalyticsUnit) => number {
  const known = new Map<number, number[]>();
  for (const u of units) {
    if (u.memberCount > 0) {
      const list = known.get(u.level);
      if (list) list.push(u.memberCount);
      else known.set(u.level, [u.memberCount]);
    }
  }
  const levelMedian = new Map<number, number>();
  for (const [level, list] of known) levelMedian.set(level, median(list) as number);
  return (u) => (u.memberCount > 0 ? u.memberCount : (levelMedian.get(u.level) ?? FALLBACK_MEMBERS));
}

export interface ReportedFigures {
  /** Per reporting row: counted totals of every key the report mentions (catalogue or not). */
  totals: Record<string, number>[];
  /** Row r, metric k at r × metricCount + k: the counted total (0 when not mentioned). */
  totalAt: Float64Array;
  /** Per metric, per reporting row: the total per 100 members or per unit. */
  normalised: Float64Array[];
}

/** Totals and normalised values of the reporting rows; `members` holds each row's member count. */
export function reportedFigures(catalogue: MetricCatalogue, reports: readonly AnalyticsReport[], members: Float64Array): ReportedFigures {
  const { metrics, indexOfKey } = catalogue;
  const metricCount = metrics.length;
  const rowCount = reports.length;
  const totals = new Array<Record<string, number>>(rowCount);
  const totalAt = new Float64Array(rowCount * metricCount);
  const normalised = metrics.map(() => new Float64Array(rowCount));
  for (let row = 0; row < rowCount; row++) {
    const t = totalsFor(reports[row].mentions);
    totals[row] = t;
    const per100 = members[row] / 100;
    for (const key in t) {
      const k = indexOfKey.get(key);
      if (k === undefined) continue; // not in the catalogue: totalled, never scored
      const v = t[key];
      totalAt[row * metricCount + k] = v;
      normalised[k][row] = metrics[k].normalization === 'per100' ? v / per100 : v;
    }
  }
  return { totals, totalAt, normalised };
}

/** Levels are small integers; each distinct level of the tree gets a slot (a column of the reference table). */
export interface LevelSlots {
  /** Slot of each reporting row. */
  ofRow: Int32Array;
  /** Reporting units per slot: the level's peers. */
  peers: Int32Array;
  count: number;
}

export function levelSlots(units: readonly AnalyticsUnit[], reporting: readonly AnalyticsUnit[]): LevelSlots {
  const slotOfLevel = new Map<number, number>();
  for (const u of units) if (!slotOfLevel.has(u.level)) slotOfLevel.set(u.level, slotOfLevel.size);
  const count = slotOfLevel.size;
  const ofRow = new Int32Array(reporting.length);
  const peers = new Int32Array(count);
  for (let row = 0; row < reporting.length; row++) {
    const slot = slotOfLevel.get(reporting[row].level) as number;
    ofRow[row] = slot;
    peers[slot]++;
  }
  return { ofRow, peers, count };
}

/**
 * The reference of metric k at level slot l is at k × levels.count + l; NaN means no reference
 * (nobody at the level did it and there is no target): the metric is left out of intensity there.
 */
export function peerReferences(catalogue: MetricCatalogue, figures: ReportedFigures, levels: LevelSlots, scoring: AnalyticsScoring): Float64Array {
  const { metrics } = catalogue;
  const levelCount = levels.count;
  const reference = new Float64Array(metrics.length * levelCount).fill(NaN);
  for (let k = 0; k < metrics.length; k++) {
    const target = metrics[k].target;
    if (target !== undefined && target !== null && Number.isFinite(target) && target > 0) {
      reference.fill(target, k * levelCount, k * levelCount + levelCount);
      continue;
    }
    // Positive values only: most metrics are done by a minority, and "how much, when it is done"
    // is what a peer is compared with.
    const positives: number[][] = Array.from({ length: levelCount }, () => []);
    const all: number[] = [];
    const column = figures.normalised[k];
    for (let row = 0; row < column.length; row++) {
      const v = column[row];
      if (!(v > 0)) continue;
      all.push(v);
      positives[levels.ofRow[row]].push(v);
    }
    const tree = median(all);
    for (let l = 0; l < levelCount; l++) {
      const m = levels.peers[l] >= scoring.minPeers ? median(positives[l]) : tree;
      if (m !== null) reference[k * levelCount + l] = m * scoring.peerMultiple;
    }
  }
  return reference;
}
