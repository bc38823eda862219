// Reminder rules: when, relative to a period's due date, the secretaries of a unit whose report is
// missing are reminded, and whether the last reminder is escalated to the parent unit's leaders.
// Admin-editable (stored in `settings` as 'reminders'); the defaults below apply until changed.

export interface ReminderRules {
  /**
   * Days relative to the due day: negative before it, 0 on it, positive after it. Each is one
   * stage; the last one (largest) is also escalated when `escalate` is on.
   */
  offsets: number[];
  /** At the last stage, tell the leaders of the parent unit too. */
  escalate: boolean;
  /**
   * A stage not sent on its own day (no scan ran: the workers were down) is still sent this many
   * days later, unless the next stage has been reached meanwhile. 0 = only on its day.
   */
  catchUpDays: number;
  /** Event notifications that can be switched off. */
  events: { extracted: boolean; extractionFailed: boolean; cold: boolean; declining: boolean };
  /** Cold/declining flags are notified only for periods due at most this many days ago (old periods re-aggregated stay quiet). */
  flagWindowDays: number;
}

export const DEFAULT_REMINDER_RULES: ReminderRules = Object.freeze({
  offsets: [-7, -3, -1, 0, 1, 3],
  escalate: true,
  catchUpDays: 2,
  events: Object.freeze({ extracted: true, extractionFailed: true, cold: true, declining: true }),
  flagWindowDays: 60,
}) as ReminderRules;

export interface RuleError {
  path: string;
  message: string;
}

export type RulesParseResult = { ok: true; rules: ReminderRules } | { ok: false; errors: RuleError[] };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Validates a partial change over `base`; unknown fields are refused so typos do not pass silently. */
export function parseReminderRules(patch: unknown, base: ReminderRules = DEFAULT_REMINDER_RULES): RulesParseResult {
  const errors: RuleError[] = [];
  if (!isObject(patch)) return { ok: false, errors: [{ path: '', message: '提醒规则须为对象' }] };
  const rules: ReminderRules = { ...base, offsets: [...base.offsets], events: { ...base.events } };
  for (const key of Object.keys(patch)) {
    if (!['offsets', 'escalate', 'catchUpDays', 'events', 'flagWindowDays'].includes(key)) errors.push({ path: key, message: `未知字段「${key}」` });
  }
  if (patch.offsets !== undefined) {
    const o = patch.offsets;
    if (!Array.isArray(o) || o.length < 1 || o.length > 12 || !o.every((x) => Number.isInteger(x) && (x as number) >= -90 && (x as number) <= 90)) {
      errors.push({ path: 'offsets', message: '提醒节点须为 1 至 12 个 -90 到 90 之间的整数天数（负数为截止前，0 为截止当天，正数为逾期后）' });
    } else {
      const sorted = [...new Set(o as number[])].sort((a, b) => a - b);
      if (sorted.length !== o.length) errors.push({ path: 'offsets', message: '提醒节点不能重复' });
      rules.offsets = sorted;
    }
  }
  if (patch.escalate !== undefined) {
    if (typeof patch.escalate !== 'boolean') errors.push({ path: 'escalate', message: 'escalate 须为 true 或 false' });
    else rules.escalate = patch.escalate;
  }
  if (patch.catchUpDays !== undefined) {
    if (!Number.isInteger(patch.catchUpDays) || (patch.catchUpDays as number) < 0 || (patch.catchUpDays as number) > 30) errors.push({ path: 'catchUpDays', message: '补发天数须为 0 到 30 的整数' });
    else rules.catchUpDays = patch.catchUpDays as number;
  }
  if (patch.flagWindowDays !== undefined) {
    if (!Number.isInteger(patch.flagWindowDays) || (patch.flagWindowDays as number) < 0 || (patch.flagWindowDays as number) > 3650) errors.push({ path: 'flagWindowDays', message: 'flagWindowDays 须为 0 到 3650 的整数' });
    else rules.flagWindowDays = patch.flagWindowDays as number;
  }
  if (patch.events !== undefined) {
    if (!isObject(patch.events)) errors.push({ path: 'events', message: 'events 须为对象' });
    else {
      for (const [k, v] of Object.entries(patch.events)) {
        if (!Object.prototype.hasOwnProperty.call(rules.events, k)) errors.push({ path: `events.${k}`, message: `未知事件「${k}」` });
        else if (typeof v !== 'boolean') errors.push({ path: `events.${k}`, message: `events.${k} 须为 true 或 false` });
        else rules.events[k as keyof ReminderRules['events']] = v;
      }
    }
  }
  return errors.length ? { ok: false, errors } : { ok: true, rules };
}
