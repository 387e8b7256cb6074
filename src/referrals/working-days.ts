import { isPublicHoliday, type FederalState } from '../common/public-holidays';

/**
 * The date `days` working days after `date` (`YYYY-MM-DD`): Monday to Friday, without the
 * public holidays of `state`, the jobcenter's Bundesland (null: only those of every Land). The
 * result is always a working day when `days` > 0.
 */
export function addWorkingDays(date: string, days: number, state: FederalState | null): string {
  const d = new Date(`${date}T00:00:00Z`);
  let left = days;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    const weekday = d.getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    if (!isPublicHoliday(d.toISOString().slice(0, 10), state)) left--;
  }
  return d.toISOString().slice(0, 10);
}
