import { describe, expect, it } from "vitest";
import { parseIsoInstant } from "../../src/time/parse-iso-instant.js";

const instant = (text: string) => {
  const result = parseIsoInstant(text);
  if (!result.ok) throw new Error(`${text}: ${result.reason}`);
  return result.at.toISOString();
};

describe("parseIsoInstant", () => {
  it.each([
    ["2026-11-30", "2026-11-30T00:00:00.000Z"],
    ["2026-11-30T09:00", "2026-11-30T09:00:00.000Z"],
    ["2026-11-30T09:00:05", "2026-11-30T09:00:05.000Z"],
    ["2026-11-30T09:00:05.1", "2026-11-30T09:00:05.100Z"],
    ["2026-11-30T09:00:05.12", "2026-11-30T09:00:05.120Z"],
    ["2026-11-30T09:00:05.123", "2026-11-30T09:00:05.123Z"],
    ["2026-11-30T09:00Z", "2026-11-30T09:00:00.000Z"],
    ["2026-11-30T09:00:00Z", "2026-11-30T09:00:00.000Z"],
    ["2026-11-30T09:00:00.000Z", "2026-11-30T09:00:00.000Z"],
    ["2026-11-30T09:00+01:00", "2026-11-30T08:00:00.000Z"],
    ["2026-11-30T09:00:00-05:30", "2026-11-30T14:30:00.000Z"],
    ["2026-11-30T00:30+02:00", "2026-11-29T22:30:00.000Z"],
    ["2026-11-30T09:00-00:00", "2026-11-30T09:00:00.000Z"],
    ["2026-11-30T23:59:59.999Z", "2026-11-30T23:59:59.999Z"],
    ["2028-02-29", "2028-02-29T00:00:00.000Z"],
    ["2000-02-29", "2000-02-29T00:00:00.000Z"],
    ["0050-01-01", "0050-01-01T00:00:00.000Z"],
  ])("reads %s as %s (UTC unless a zone is given)", (text, iso) => {
    expect(instant(text)).toBe(iso);
  });

  it("reads a time without a zone as UTC, whatever the process's time zone", () => {
    // new Date("2026-11-30T09:00") would be local time; the parser must not depend on TZ.
    expect(instant("2026-11-30T09:00")).toBe(new Date(Date.UTC(2026, 10, 30, 9)).toISOString());
  });

  it.each([
    ["2026-02-31", "February 2026 has no day 31 (it has 28 days)"],
    ["2026-02-29", "February 2026 has no day 29"],
    ["1900-02-29", "February 1900 has no day 29"],
    ["2026-04-31", "April 2026 has no day 31 (it has 30 days)"],
    ["2026-01-00", "January 2026 has no day 00"],
    ["2026-13-01", "there is no month 13; months run from 01 to 12"],
    ["2026-00-10", "there is no month 00"],
    ["2026-01-01T24:00", "hours run from 00 to 23"],
    ["2026-01-01T24:00:00Z", "hours run from 00 to 23"],
    ["2026-01-01T10:60", "minutes run from 00 to 59"],
    ["2026-01-01T10:00:60", "seconds run from 00 to 59"],
    ["2026-01-01T10:00+24:00", "zone offsets run from -23:59 to +23:59"],
    ["2026-01-01T10:00+01:60", "zone offsets run from -23:59 to +23:59"],
  ])("refuses the impossible %s: %s", (text, reason) => {
    const result = parseIsoInstant(text);
    expect(result).toMatchObject({ ok: false, problem: "range" });
    expect(result.ok ? "" : result.reason).toContain(reason);
  });

  it.each([
    "2026-01-01junk",
    "2026-01-01 ",
    " 2026-01-01",
    "2026-01-01\n",
    "2026-1-1",
    "26-01-01",
    "20260101",
    "2026/01/01",
    "2026-01-01T09",
    "2026-01-01T9:00",
    "2026-01-01 09:00",
    "2026-01-01t09:00",
    "2026-01-01T09:00z",
    "2026-01-01Z",
    "2026-01-01T09:00:00.1234Z",
    "2026-01-01T09:00:00.Z",
    "2026-01-01T09:00+0100",
    "2026-01-01T09:00+01",
    "+02026-01-01",
    "2026-01-01T09:00:00Z[Europe/Berlin]",
    "٢٠٢٦-٠١-٠١",
    "yesterday",
    "1767225600000",
  ])("refuses %j, which is not one of the accepted forms", (text) => {
    expect(parseIsoInstant(text)).toMatchObject({ ok: false, problem: "form" });
  });

  it("refuses an empty value", () => {
    expect(parseIsoInstant("")).toMatchObject({ ok: false, problem: "empty" });
  });
});
