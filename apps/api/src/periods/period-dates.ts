// Calendar rules of reporting periods. Due instants come from @thermocline/analytics (deadlineFor):
// a report is due by the END of its due day in TZ_REPORTS, and the api's `late` and the analytics'
// `late_report` flag must never disagree, so there is one implementation.
import { deadlineFor } from '@thermocline/analytics';

export function isLate(submittedAt: Date, dueOn: string, timeZone: string): boolean {
  return submittedAt.getTime() >= deadlineFor(dueOn, timeZone).getTime();
}

/** Order and sanity of a period's dates; a Chinese message when wrong. */
export function periodDatesProblem(p: { startsOn: string; endsOn: string; dueOn: string }): string | null {
  if (p.startsOn > p.endsOn) return '开始日期不能晚于结束日期';
  if (p.dueOn < p.startsOn) return '截止日期不能早于开始日期';
  return null;
}
