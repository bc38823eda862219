// Calendar rules of reporting periods. Due instants come from @thermocline/analytics (deadlineFor):
// a report is due by the END of its due day in TZ_REPORTS, and the api's `late` and the analytics'
// `late_report` flag must never disagree, so there is one implementation.
import { ConflictException } from '@nestjs/common';
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

/** A closed period is frozen: any write into it is a conflict the administrator can lift by reopening. */
export function assertPeriodOpen(p: { name: string; closedAt: Date | null }): void {
  if (p.closedAt) throw new ConflictException({ message: `期次「${p.name}」已关闭，数据已冻结，不能再上传或修改；如需更改，请管理员先重新开放该期次`, code: 'period_closed' });
}

/** The calendar day (YYYY-MM-DD) of an instant in a time zone. */
export function dayIn(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}
