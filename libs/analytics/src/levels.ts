import type { GapSummary, LevelUnit, SummarizeOptions } from './types';

/** Median of finite numbers; null for an empty list. Does not modify its argument. */
export function median(_values: readonly number[]): number | null {
  throw new Error('not implemented');
}

/** Level medians, attenuations and the gap index of the subtree rooted at `rootUnitId`, levels relative to it. */
export function summarizeLevels(_units: readonly LevelUnit[], _rootUnitId: number, _options?: SummarizeOptions): GapSummary {
  throw new Error('not implemented');
}
