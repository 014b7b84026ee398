/**
 * Strict ISO 8601 instants, for values people type (the CLI's `--now` and `--since`).
 *
 * `new Date(text)` is too forgiving for that: it rolls 2026-02-31 over to March 3, reads
 * "2026-01-01junk" as June 1 and treats a zone-less time as local time, so a typo silently moves
 * a report to another week. This accepts exactly
 *
 *   YYYY-MM-DD, YYYY-MM-DDTHH:MM, YYYY-MM-DDTHH:MM:SS and YYYY-MM-DDTHH:MM:SS.sss (1-3 digits),
 *   a time optionally followed by `Z` or `±HH:MM`,
 *
 * reads a value without a zone as UTC (a bare date is midnight UTC), and rejects every field out
 * of range instead of carrying it over.
 */

/** The accepted forms, in words, for error messages and help texts. */
export const ISO_INSTANT_FORMS = "YYYY-MM-DD, YYYY-MM-DDTHH:MM or YYYY-MM-DDTHH:MM:SS(.sss), optionally followed by Z or ±HH:MM";

export type IsoInstantResult =
  | { ok: true; at: Date }
  /**
   * `empty`: nothing given; `form`: not one of the accepted forms; `range`: the right form, but
   * no such date or time (`reason` says which field, e.g. "February 2026 has no day 31").
   */
  | { ok: false; problem: "empty" | "form" | "range"; reason: string };

const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:\d{2})?)?$/;

const MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** Parses `text` as one of the accepted ISO 8601 forms; never rolls an out-of-range field over. */
export function parseIsoInstant(text: string): IsoInstantResult {
  if (text === "") return { ok: false, problem: "empty", reason: "no date given" };
  const match = ISO_INSTANT.exec(text);
  if (!match) return { ok: false, problem: "form", reason: `not one of ${ISO_INSTANT_FORMS}` };
  const [, yearText, monthText, dayText, hourText, minuteText, secondText, fractionText, zone] = match;
  const year = Number(yearText);
  const month = Number(monthText);
  const day = Number(dayText);
  const hour = Number(hourText ?? 0);
  const minute = Number(minuteText ?? 0);
  const second = Number(secondText ?? 0);
  // ".5" is half a second: pad on the right to milliseconds.
  const millisecond = Number((fractionText ?? "").padEnd(3, "0"));

  if (month < 1 || month > 12) return range(`there is no month ${monthText}; months run from 01 to 12`);
  const days = daysInMonth(year, month);
  if (day < 1 || day > days) return range(`${MONTH_NAMES[month - 1]} ${yearText} has no day ${dayText} (it has ${days} days)`);
  if (hour > 23) return range("hours run from 00 to 23");
  if (minute > 59) return range("minutes run from 00 to 59");
  if (second > 59) return range("seconds run from 00 to 59");
  const offsetMinutes = zoneOffsetMinutes(zone);
  if (offsetMinutes === null) return range("zone offsets run from -23:59 to +23:59");

  // Date.UTC maps years 0-99 to 1900-1999; setUTCFullYear does not.
  const at = new Date(0);
  at.setUTCFullYear(year, month - 1, day);
  at.setUTCHours(hour, minute, second, millisecond);
  return { ok: true, at: new Date(at.getTime() - offsetMinutes * 60_000) };
}

function range(reason: string): IsoInstantResult {
  return { ok: false, problem: "range", reason };
}

/** Minutes east of UTC: 0 for no zone or `Z`, null for an offset out of range. */
function zoneOffsetMinutes(zone: string | undefined): number | null {
  if (zone === undefined || zone === "Z") return 0;
  const hours = Number(zone.slice(1, 3));
  const minutes = Number(zone.slice(4, 6));
  if (hours > 23 || minutes > 59) return null;
  return (zone.startsWith("-") ? -1 : 1) * (hours * 60 + minutes);
}

/** Days in a month of the proleptic Gregorian calendar, the one ISO 8601 uses. */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
