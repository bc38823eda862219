// Quiet hours: nothing leaves for a phone (e-mail, group chats) between, by default, 22:00 and
// 07:00 in TZ_REPORTS. A delivery created or retried in them waits for their end ("the morning").
// The in-app notification itself appears at once: it makes no sound.

import { addDays, localDate, wallClock, zonedInstant } from './zone';

/** Minutes after local midnight; start > end wraps past midnight (22:00–07:00). */
export interface QuietHours {
  startMinute: number;
  endMinute: number;
}

/** When the quiet hours containing `now` end, or null when `now` is outside them (or there are none). */
export function quietUntil(now: Date, quiet: QuietHours | null, timeZone: string): Date | null {
  if (!quiet || quiet.startMinute === quiet.endMinute) return null;
  const w = wallClock(now, timeZone);
  const minute = w.hour * 60 + w.minute;
  const today = localDate(now, timeZone);
  const { startMinute: s, endMinute: e } = quiet;
  if (s < e) {
    // Same-day window, e.g. 12:00–14:00.
    return minute >= s && minute < e ? zonedInstant(today, e, timeZone) : null;
  }
  // Wrapping window, e.g. 22:00–07:00.
  if (minute >= s) return zonedInstant(addDays(today, 1), e, timeZone);
  if (minute < e) return zonedInstant(today, e, timeZone);
  return null;
}
