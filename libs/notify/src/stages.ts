// Which reminder stage a period is in on a given day. Pure: the scan (worker job or the api's
// "remind now") asks this, then writes one notification per (recipient, period, stage) — the
// unique dedupe key makes any number of scans on any number of processes send each stage once.

import type { ReminderRules } from './rules';
import { daysBetween } from './zone';
import type { NotificationKind } from './types';

export interface Stage {
  /** Days relative to the due day (the rule's offset). */
  offset: number;
  /** Stable key used in dedupe keys: 'due:-7', 'due:0', 'due:+3'. */
  key: string;
  kind: NotificationKind;
  /** The last stage of the rules: escalated to the parent unit's leaders when rules.escalate. */
  last: boolean;
  /** This stage's own day is today (false while catching up a missed one). */
  today: boolean;
}

export function stageKey(offset: number): string {
  return `due:${offset > 0 ? '+' : ''}${offset}`;
}

export function kindForOffset(daysFromDue: number): NotificationKind {
  return daysFromDue < 0 ? 'due_soon' : daysFromDue === 0 ? 'due_today' : 'overdue';
}

/**
 * The stage to send today (`today` = 'YYYY-MM-DD' in TZ_REPORTS) for a period due on `dueOn`, or
 * null. The stage is the latest offset reached; it stays sendable for `catchUpDays` after its day
 * (a missed scan catches up) but never once the next stage is reached, so a long outage sends the
 * current stage, not a burst of old ones.
 */
export function currentStage(rules: Pick<ReminderRules, 'offsets' | 'catchUpDays'>, dueOn: string, today: string): Stage | null {
  const offsets = [...rules.offsets].sort((a, b) => a - b);
  const d = daysBetween(dueOn, today);
  let i = -1;
  for (let k = 0; k < offsets.length; k++) if (offsets[k] <= d) i = k;
  if (i < 0) return null;
  const offset = offsets[i];
  const next = i + 1 < offsets.length ? offsets[i + 1] : Infinity;
  if (d >= Math.min(next, offset + rules.catchUpDays + 1)) return null;
  return { offset, key: stageKey(offset), kind: kindForOffset(offset), last: i === offsets.length - 1, today: d === offset };
}

/** Due dates a scan on day T has to look at, as offsets from T (periods outside have no stage). */
export function dueDateWindow(rules: Pick<ReminderRules, 'offsets' | 'catchUpDays'>): { from: number; to: number } {
  const min = Math.min(...rules.offsets);
  const max = Math.max(...rules.offsets);
  // due + min <= today < due + max + catchUp + 1  ⇔  today - max - catchUp <= due <= today - min
  return { from: -(max + rules.catchUpDays), to: -min };
}
