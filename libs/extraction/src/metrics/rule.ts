// The shape of a metrics rule. A `find` step names a count that nothing has named yet; a `check` step
// looks at the name found so far and may drop it or change it. rules.ts lists them in order.
import type { Choice } from '../choose';
import type { MetricContext } from './context';

/** A definition a rule chose for the count. */
export interface Found extends Choice {
  /** the rule read its words from a clause before the count's own: the window (and the evidence) start here */
  from?: number;
}

/** A find step's answer that settles the count as no metric: later steps are not tried. */
export const NO_METRIC: unique symbol = Symbol('no metric');

/** null: this rule does not apply, try the next one. */
export type Find = (ctx: MetricContext) => Found | typeof NO_METRIC | null;
/** Returns the choice (perhaps changed), or null to drop it. */
export type Check = (ctx: MetricContext, choice: Found) => Found | null;

export type Step = { find: Find } | { check: Check };
