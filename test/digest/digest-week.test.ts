import { describe, expect, it } from "vitest";
import { dueDigestWeek, latestDigestWeek, previousDigestWeek } from "../../src/digest/digest-week.js";

const monday9utc = { day: "monday", time: "09:00", timezone: "UTC" };

describe("digest weeks", () => {
  it("reports on the seven days before the publication day, titled by ISO week", () => {
    const week = latestDigestWeek(new Date("2026-11-30T09:00:00Z"), monday9utc);
    expect(week.key).toBe("2026-W48");
    expect(week.title).toBe("Community digest: 2026-W48 (Nov 23 - Nov 29)");
    expect(week.period.start.toISOString()).toBe("2026-11-23T00:00:00.000Z");
    expect(week.period.end.toISOString()).toBe("2026-11-30T00:00:00.000Z");
    expect(week.publishAt.toISOString()).toBe("2026-11-30T09:00:00.000Z");
  });

  it("is not due before the publication time, due after it, and no longer after a day", () => {
    expect(dueDigestWeek(new Date("2026-11-30T08:59:00Z"), monday9utc)).toBeNull();
    expect(dueDigestWeek(new Date("2026-11-30T09:00:00Z"), monday9utc)?.key).toBe("2026-W48");
    expect(dueDigestWeek(new Date("2026-11-30T23:00:00Z"), monday9utc)?.key).toBe("2026-W48");
    expect(dueDigestWeek(new Date("2026-12-02T12:00:00Z"), monday9utc)).toBeNull();
    expect(latestDigestWeek(new Date("2026-11-30T08:59:00Z"), monday9utc).key).toBe("2026-W47");
  });

  it("follows the configured day, time and time zone", () => {
    const friday = { day: "friday", time: "17:30", timezone: "America/New_York" };
    const week = latestDigestWeek(new Date("2026-12-05T12:00:00Z"), friday);
    expect(week.publishAt.toISOString()).toBe("2026-12-04T22:30:00.000Z");
    expect(week.title).toBe("Community digest: 2026-W48 (Nov 27 - Dec 3)");
    expect(week.period.start.toISOString()).toBe("2026-11-27T05:00:00.000Z");
  });

  it("crosses the year boundary and steps back one week", () => {
    const week = latestDigestWeek(new Date("2027-01-04T10:00:00Z"), monday9utc);
    expect(week.key).toBe("2026-W53");
    expect(previousDigestWeek(week, monday9utc).key).toBe("2026-W52");
  });
});
