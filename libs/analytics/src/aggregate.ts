import type { AggregateInput, PeriodAggregate } from './types';

/** Per unit: totals, metric scores, components, temperature and flags for one period. */
export function aggregatePeriod(_input: AggregateInput): PeriodAggregate {
  throw new Error('not implemented');
}
