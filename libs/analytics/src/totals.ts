import type { AnalyticsMention } from './types';

/** Whether a mention counts at all under the review rules. */
export function countsTowardTotals(_m: AnalyticsMention): boolean {
  throw new Error('not implemented');
}

/** Counted totals per key: review rules applied, same-key subsets never added twice. */
export function totalsFor(_mentions: readonly AnalyticsMention[]): Record<string, number> {
  throw new Error('not implemented');
}

/** Number of counted mentions (stated figures), subsets included. */
export function factCount(_mentions: readonly AnalyticsMention[]): number {
  throw new Error('not implemented');
}
