// Who a report resembles, for originality and the near_duplicate flags: the period's other reports
// (candidates from the LSH index of duplicates.ts) and the unit's own previous report (always
// compared directly). Rows are reporting rows, as in references.ts.

import { binSimilarity, findNearDuplicates, parseInto, type DuplicateIndex } from './duplicates';
import { round } from './levels';
import type { AnalyticsReport, AnalyticsUnit, DuplicateMatch } from './types';

/** How many further same-period matches a near_duplicate flag lists. */
export const ALSO_SIMILAR = 5;

export interface SamePeriodMatches {
  /** The named report first, then up to ALSO_SIMILAR more: most similar first, ties by earliest first submission, then report id. */
  listed: DuplicateMatch[];
  /** Same-period reports at or above the threshold in all. */
  matchCount: number;
  /** The candidate budget ran out before the buckets did: matchCount is a lower bound. */
  atLeast: boolean;
}

export interface Resemblance {
  /** Highest similarity compared, to the period's other reports or the own previous report (0 when none). */
  maxSimilarity: number;
  /** The own previous report when it is a near-duplicate. */
  ownPrevious: DuplicateMatch | null;
}

export function firstSubmitted(r: AnalyticsReport): number {
  return (r.firstSubmittedAt ?? r.submittedAt).getTime();
}

export class PeriodCopies {
  private readonly index: DuplicateIndex;
  /** Members of a group of identical fingerprints, earliest first submission first (built on demand). */
  private readonly byTime = new Map<number, number[]>();
  private readonly previousBins = new Uint32Array(64);

  constructor(
    private readonly reports: readonly AnalyticsReport[],
    private readonly units: readonly AnalyticsUnit[],
    private readonly periodCode: string,
    private readonly threshold: number,
    /** The period's name for reasons ('2026年上半年'); absent → only the code. */
    private readonly periodName?: string,
  ) {
    this.index = findNearDuplicates(
      reports.map((r) => r.fingerprint),
      threshold,
    );
  }

  resemblance(row: number, previous: AnalyticsReport | undefined, previousPeriodCode: string, previousPeriodName?: string | null): Resemblance {
    const group = this.index.groupOf[row];
    let maxSimilarity = group >= 0 ? this.index.best[group] : 0;
    let ownPrevious: DuplicateMatch | null = null;
    if (group >= 0 && previous !== undefined && previous.fingerprint !== null && parseInto(previous.fingerprint, this.previousBins, 0)) {
      const s = binSimilarity(this.index.bins, this.previousBins, group, 0);
      if (s > maxSimilarity) maxSimilarity = s;
      if (s >= this.threshold) ownPrevious = this.match(row, s, previousPeriodCode, previous, previousPeriodName ?? undefined);
    }
    return { maxSimilarity, ownPrevious };
  }

  /** Other reports of the period at or above the threshold; null when there are none. */
  samePeriod(row: number): SamePeriodMatches | null {
    const { groups, groupOf, best, matches, truncated } = this.index;
    const group = groupOf[row];
    if (group < 0) return null;
    const listed: DuplicateMatch[] = [];
    let matchCount = 0;
    if (groups[group].length > 1 && best[group] === 1) {
      matchCount += groups[group].length - 1;
      for (const other of this.membersByTime(group)) {
        if (listed.length > ALSO_SIMILAR) break;
        if (other !== row) listed.push(this.match(other, 1));
      }
    }
    for (const m of matches[group]) {
      matchCount += groups[m.group].length;
      for (const other of this.membersByTime(m.group)) {
        if (listed.length > ALSO_SIMILAR) break;
        listed.push(this.match(other, m.similarity));
      }
    }
    return matchCount > 0 ? { listed, matchCount, atLeast: truncated[group] === 1 } : null;
  }

  private membersByTime(group: number): number[] {
    let sorted = this.byTime.get(group);
    if (!sorted) {
      sorted = [...this.index.groups[group]].sort((a, b) => {
        const ra = this.reports[a];
        const rb = this.reports[b];
        return firstSubmitted(ra) - firstSubmitted(rb) || ra.reportId - rb.reportId;
      });
      this.byTime.set(group, sorted);
    }
    return sorted;
  }

  private match(row: number, similarity: number, periodCode = this.periodCode, report = this.reports[row], periodName = periodCode === this.periodCode ? this.periodName : undefined): DuplicateMatch {
    const u = this.units[row];
    return { reportId: report.reportId, unitId: u.id, unitCode: u.code, unitName: u.name, periodCode, ...(periodName ? { periodName } : {}), similarity: round(similarity, 3) };
  }
}
