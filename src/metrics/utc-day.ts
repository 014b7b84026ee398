/** UTC days as Steward stores them (`YYYY-MM-DD`). Pure. */

export const DAY_MS = 86_400_000;

/** The UTC day of a time. */
export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** Midnight UTC starting `day`. */
export function dayStart(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

/** The `count` days ending with `lastDay`, oldest first. */
export function daysEndingWith(lastDay: string, count: number): string[] {
  const last = dayStart(lastDay).getTime();
  return Array.from({ length: count }, (_, i) => utcDay(new Date(last - (count - 1 - i) * DAY_MS)));
}
