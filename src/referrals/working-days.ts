/**
 * The date `days` working days (Monday to Friday) after `date` (`YYYY-MM-DD`). Public holidays
 * differ by Land and are not counted out; a due date may fall on one.
 */
export function addWorkingDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  let left = days;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    const weekday = d.getUTCDay();
    if (weekday !== 0 && weekday !== 6) left--;
  }
  return d.toISOString().slice(0, 10);
}
