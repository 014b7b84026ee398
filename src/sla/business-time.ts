/**
 * Working time between two instants, for projects that promise a first response within business
 * hours. Pure: time zones are converted with Intl.DateTimeFormat, so DST changes and zones with
 * odd offsets (Asia/Kolkata, Australia/Lord_Howe) come out right without a dependency.
 */
import { fromWallClock, wallClock } from "../time/zoned-time.js";

export interface WorkingHours {
  timezone: string;
  /** Lower-case English weekday names, e.g. "monday". */
  days: readonly string[];
  /** "HH:MM", 24-hour clock, in `timezone`. */
  start: string;
  end: string;
  /** "YYYY-MM-DD" in `timezone`. */
  holidays: readonly string[];
}

const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];
const DAY_MS = 86_400_000;

/** The instant at which the wall clock in `timeZone` shows `minutes` after midnight of the given day. */
function localToInstant(year: number, month: number, day: number, minutes: number, timeZone: string): number {
  return fromWallClock({ year, month, day, hour: 0, minute: minutes }, timeZone).getTime();
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const isoDay = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;

/**
 * The working time in `[from, to)`: the parts of it that fall on a working day, not a holiday,
 * between the day's start and end in the configured time zone.
 */
export function workingMs(from: number, to: number, hours: WorkingHours): number {
  if (to <= from) return 0;
  const startMin = minutesOf(hours.start);
  const endMin = minutesOf(hours.end);
  const days = new Set(hours.days);
  const holidays = new Set(hours.holidays);
  const first = wallClock(new Date(from), hours.timezone);
  // Walk local calendar days (as UTC dates, which have no DST) from the day holding `from`.
  let cursor = Date.UTC(first.year, first.month - 1, first.day);
  let total = 0;
  for (;;) {
    const date = new Date(cursor);
    const [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
    const dayStart = localToInstant(y, m, d, startMin, hours.timezone);
    if (dayStart >= to && localToInstant(y, m, d, 0, hours.timezone) >= to) break;
    if (days.has(WEEKDAYS[date.getUTCDay()]!) && !holidays.has(isoDay(y, m, d))) {
      const dayEnd = localToInstant(y, m, d, endMin, hours.timezone);
      const overlap = Math.min(dayEnd, to) - Math.max(dayStart, from);
      if (overlap > 0) total += overlap;
    }
    cursor += DAY_MS;
  }
  return total;
}
