import { describe, expect, it } from "vitest";
import { activeMembersSeries } from "../../src/metrics/active-members.js";
import { buildStarSeries, starsAt } from "../../src/metrics/star-series.js";

const at = (iso: string) => new Date(iso);

describe("buildStarSeries", () => {
  // The API said 10 stars on Jan 5 at noon.
  const anchor = { at: at("2026-01-05T12:00:00Z"), total: 10 };
  const changes = [
    { at: at("2026-01-02T10:00:00Z"), delta: 1 },
    { at: at("2026-01-03T10:00:00Z"), delta: 1 },
    { at: at("2026-01-03T11:00:00Z"), delta: -1 },
    { at: at("2026-01-04T09:00:00Z"), delta: 1 },
    { at: at("2026-01-05T12:00:00Z"), delta: 1 },
    { at: at("2026-01-06T08:00:00Z"), delta: 1 },
  ];

  it("derives each day's end-of-day count back and forward from the authoritative total", () => {
    expect(buildStarSeries(["2026-01-01", "2026-01-02", "2026-01-03", "2026-01-04", "2026-01-05", "2026-01-06"], anchor, changes)).toEqual([
      { day: "2026-01-01", stars: 7 },
      { day: "2026-01-02", stars: 8 },
      { day: "2026-01-03", stars: 8 },
      { day: "2026-01-04", stars: 9 },
      { day: "2026-01-05", stars: 10 },
      { day: "2026-01-06", stars: 11 },
    ]);
  });

  it("counts a change at the anchor's instant as included in the anchor", () => {
    expect(starsAt(at("2026-01-05T12:00:00Z"), anchor, changes)).toBe(9);
    expect(starsAt(at("2026-01-05T12:00:00.001Z"), anchor, changes)).toBe(10);
  });

  it("never goes below zero when the ledger knows more stars than the total", () => {
    expect(starsAt(at("2026-01-01T00:00:00Z"), { at: anchor.at, total: 1 }, changes)).toBe(0);
  });
});

describe("activeMembersSeries", () => {
  it("counts distinct people active in the 30 days ending with each day", () => {
    // One person under two logins (a rename) counts once: the store keys people by account id.
    const activity = [
      { person: "id:1", day: 100 },
      { person: "id:1", day: 110 },
      { person: "id:2", day: 120 },
      { person: "cy", day: 131 },
    ];
    expect(activeMembersSeries(activity, [100, 129, 130, 139, 140, 160, 161])).toEqual([1, 2, 2, 3, 2, 1, 0]);
  });
});
