/** The first late instant for a due date: 00:00 of the day after `dueOn` (YYYY-MM-DD) in `timeZone`. */
export function deadlineFor(_dueOn: string, _timeZone = 'Asia/Shanghai'): Date {
  throw new Error('not implemented');
}

/** Whole days late (a started day counts): 0 when submitted before the deadline. */
export function daysLate(_submittedAt: Date, _deadline: Date): number {
  throw new Error('not implemented');
}
