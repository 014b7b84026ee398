import { describe, expect, it } from "vitest";
import { parseDateFlag, parseNow, parseSince } from "../../src/cli/parse-date-flag.js";
import { UsageError } from "../../src/cli/usage-error.js";

describe("date flags", () => {
  it("read ISO 8601 values, UTC unless a zone is given", () => {
    expect(parseDateFlag("report", "now", "2026-11-30T09:00")?.toISOString()).toBe("2026-11-30T09:00:00.000Z");
    expect(parseSince("leads", "2026-11-30")?.toISOString()).toBe("2026-11-30T00:00:00.000Z");
    expect(parseNow("sweep", "2026-11-30T09:00:00.5-01:00").toISOString()).toBe("2026-11-30T10:00:00.500Z");
  });

  it("fall back when not given: --now to the clock, --since to null", () => {
    const at = new Date("2026-01-01T00:00:00Z");
    expect(parseNow("sweep", undefined, () => at)).toBe(at);
    expect(parseSince("leads", undefined)).toBeNull();
  });

  it.each([
    ["2026-02-31", 'report: --now "2026-02-31" is not a real date or time: February 2026 has no day 31 (it has 28 days)'],
    ["2026-13-01", 'report: --now "2026-13-01" is not a real date or time: there is no month 13; months run from 01 to 12'],
    ["2026-01-01T24:00", 'report: --now "2026-01-01T24:00" is not a real date or time: hours run from 00 to 23'],
    ["", "report: --now is empty; give a date or time such as 2026-11-30 or 2026-11-30T09:00Z"],
    [
      "2026-01-01junk",
      'report: --now must be a date or time in ISO 8601 form (YYYY-MM-DD, YYYY-MM-DDTHH:MM or YYYY-MM-DDTHH:MM:SS(.sss), optionally followed by Z or ±HH:MM), got "2026-01-01junk"',
    ],
    [
      "2026-01-01\nT10:00",
      'report: --now must be a date or time in ISO 8601 form (YYYY-MM-DD, YYYY-MM-DDTHH:MM or YYYY-MM-DDTHH:MM:SS(.sss), optionally followed by Z or ±HH:MM), got "2026-01-01\\nT10:00"',
    ],
  ])("refuse %j with a UsageError naming the command and the flag, in one line", (value, message) => {
    expect(() => parseDateFlag("report", "now", value)).toThrow(UsageError);
    expect(() => parseDateFlag("report", "now", value)).toThrow(message);
  });

  it("refuse a flag given without a value", () => {
    expect(() => parseSince("backfill", true)).toThrow("backfill: --since needs a value");
  });
});
