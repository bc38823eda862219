// Pure helpers of the scoring table (kept apart from the components so they are unit-tested).
import type { components } from '../../api/schema';

export type Assessment = components['schemas']['AssessmentDto'];
export type UnitSheet = components['schemas']['UnitSheetDto'];
export type ItemScore = components['schemas']['ItemScoreDto'];

/** A unit's score on an item (null: a manual item not scored yet). */
export function scoreOf(u: UnitSheet, itemId: string): number | null {
  return u.items.find((i) => i.id === itemId)?.score ?? null;
}

/** Sorts nulls last whichever way the column is sorted by treating them as −1. */
export function compareScores(a: number | null, b: number | null): number {
  return (a ?? -1) - (b ?? -1);
}

/** The units whose names or codes contain `q`, in rank order. */
export function visibleUnits(data: Assessment | undefined, q: string): UnitSheet[] {
  const list = (data?.units ?? []).filter((u) => !q || u.name.includes(q) || u.code.includes(q));
  return [...list].sort((a, b) => a.rank - b.rank || a.level - b.level || a.code.localeCompare(b.code));
}

/** How an item's score reads in a cell: "4.5" or "—" before anyone scores a manual item. */
export function cellText(score: number | null): string {
  return score === null ? '—' : String(score);
}
