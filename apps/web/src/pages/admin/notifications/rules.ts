// Reminder rules as the admin edits them: the offsets typed as days, checked the way the api
// checks them (1–12 unique whole days between -90 and 90), and the schedule they make, in words.
import type { ReminderRules } from '../../../api/types';
import type { T } from '../../../i18n/i18n';

export function parseOffsets(values: readonly (string | number)[], t: T): { offsets: number[] } | { error: string } {
  const nums: number[] = [];
  for (const v of values) {
    const s = String(v).trim().replace(/^＋|^\+/, '').replace(/^－/, '-');
    if (!/^-?\d+$/.test(s)) return { error: t(`“${String(v)}”不是整数天数`, `“${String(v)}” is not a whole number of days`) };
    const n = Number(s);
    if (n < -90 || n > 90) return { error: t('提醒节点须在截止前 90 天到逾期 90 天之间', 'Reminder days must be between 90 before and 90 after the due day') };
    nums.push(n);
  }
  if (nums.length < 1 || nums.length > 12) return { error: t('提醒节点须为 1 到 12 个', 'Between 1 and 12 reminder days') };
  if (new Set(nums).size !== nums.length) return { error: t('提醒节点不能重复', 'Reminder days must not repeat') };
  return { offsets: [...nums].sort((a, b) => a - b) };
}

export function describeOffset(o: number, t: T): string {
  if (o < 0) return t(`截止前 ${-o} 天`, `${-o} day${o === -1 ? '' : 's'} before`);
  if (o === 0) return t('截止当天', 'on the due day');
  return t(`逾期 ${o} 天`, `${o} day${o === 1 ? '' : 's'} overdue`);
}

/** The schedule in words, e.g. "截止前 7 天、截止当天、逾期 3 天提醒未报送单位的支部书记；逾期 3 天时同时告知上级单位领导". */
export function describeRules(r: Pick<ReminderRules, 'offsets' | 'escalate' | 'catchUpDays'>, t: T): string[] {
  const sorted = [...r.offsets].sort((a, b) => a - b);
  const lines = [t(`${sorted.map((o) => describeOffset(o, t)).join('、')}提醒未报送单位的支部书记`, `Secretaries of units without a report are reminded ${sorted.map((o) => describeOffset(o, t)).join(', ')}`)];
  const last = sorted[sorted.length - 1];
  if (r.escalate && last !== undefined) lines.push(t(`${describeOffset(last, t)}时同时告知上级单位领导`, `At ${describeOffset(last, t)} the parent unit’s leaders are told too`));
  if (r.catchUpDays > 0) lines.push(t(`某天未能发出的提醒，${r.catchUpDays} 天内补发`, `A reminder missed on its day is still sent up to ${r.catchUpDays} days later`));
  return lines;
}
