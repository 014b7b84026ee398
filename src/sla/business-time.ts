/**
 * Working time between two instants, for projects that promise a first response within business
 * hours. Pure: time zones are converted with Intl.DateTimeFormat, so DST changes and zones with
 * odd offsets (Asia/Kolkata, Australia/Lord_Howe) come out right without a dependency.
 */

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
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/** The wall-clock fields of `instant` in `timeZone`. */
function wallClock(instant: number, timeZone: string) {
  const fields: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(instant))) {
    if (part.type !== "literal") fields[part.type] = Number(part.value);
  }
  return { year: fields.year!, month: fields.month!, day: fields.day!, hour: fields.hour!, minute: fields.minute!, second: fields.second! };
}

/** How far `timeZone` is ahead of UTC at `instant`, in ms. */
function offsetAt(instant: number, timeZone: string): number {
  const w = wallClock(instant, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - (instant - (instant % 1000 + 1000) % 1000);
}

/**
 * The instant at which the wall clock in `timeZone` shows the given local time. Two passes settle
 * the offset around a DST change (working hours never start inside the skipped hour in practice; a
 * skipped time maps to a nearby real instant).
 */
export function localToInstant(year: number, month: number, day: number, minutes: number, timeZone: string): number {
  const naive = Date.UTC(year, month - 1, day) + minutes * 60_000;
  const first = naive - offsetAt(naive, timeZone);
  const second = naive - offsetAt(first, timeZone);
  return second;
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
  const first = wallClock(from, hours.timezone);
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
