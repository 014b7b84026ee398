import { describe, expect, it } from "vitest";
import { addDays, fromWallClock, isoWeek, wallClock } from "../../src/time/zoned-time.js";

describe("zoned time", () => {
  it("reads the wall clock in a time zone, with Monday as weekday 0", () => {
    const at = new Date("2026-11-30T08:30:00Z");
    expect(wallClock(at, "UTC")).toEqual({ year: 2026, month: 11, day: 30, hour: 8, minute: 30, weekday: 0 });
    expect(wallClock(at, "America/Los_Angeles")).toMatchObject({ day: 30, hour: 0, weekday: 0 });
    expect(wallClock(at, "Pacific/Auckland")).toMatchObject({ day: 30, hour: 21 });
  });

  it("finds the instant of a wall-clock time, across daylight-saving changes", () => {
    expect(fromWallClock({ year: 2026, month: 11, day: 30, hour: 9 }, "Europe/Berlin").toISOString()).toBe("2026-11-30T08:00:00.000Z");
    expect(fromWallClock({ year: 2026, month: 7, day: 6, hour: 9 }, "Europe/Berlin").toISOString()).toBe("2026-07-06T07:00:00.000Z");
    expect(fromWallClock({ year: 2026, month: 3, day: 9, hour: 9 }, "America/New_York").toISOString()).toBe("2026-03-09T13:00:00.000Z");
  });

  it("numbers ISO weeks, including the ones that belong to the neighbouring year", () => {
    expect(isoWeek({ year: 2026, month: 11, day: 23 })).toEqual({ year: 2026, week: 48 });
    expect(isoWeek({ year: 2026, month: 11, day: 29 })).toEqual({ year: 2026, week: 48 });
    expect(isoWeek({ year: 2027, month: 1, day: 1 })).toEqual({ year: 2026, week: 53 });
    expect(isoWeek({ year: 2024, month: 12, day: 30 })).toEqual({ year: 2025, week: 1 });
    expect(isoWeek({ year: 2026, month: 1, day: 1 })).toEqual({ year: 2026, week: 1 });
    expect(addDays({ year: 2026, month: 12, day: 30 }, 3)).toEqual({ year: 2027, month: 1, day: 2 });
  });
});
