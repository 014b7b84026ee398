import { describe, expect, it } from "vitest";
import { firstResponseBadge, responseGoalBadge, wholePercent, type BadgeFigures } from "../../../src/web/badges/badge-values.js";

const H = 3_600_000;
const figures = (over: Partial<BadgeFigures> = {}): BadgeFigures => ({
  medianMs: null,
  shareWithinGoal: null,
  goalHoursByKind: { issues: 24, pullRequests: 24 },
  ...over,
});

describe("firstResponseBadge", () => {
  it("says the median the way the digest says durations", () => {
    expect(firstResponseBadge(figures({ medianMs: 3 * H + 20 * 60_000 }))).toEqual({ label: "first response", value: "3h 20m", color: "green" });
    expect(firstResponseBadge(figures({ medianMs: 45 * 60_000 })).value).toBe("45m");
    expect(firstResponseBadge(figures({ medianMs: 52 * H }))).toEqual({ label: "first response", value: "2d 4h", color: "red" });
  });

  it("says no data in grey before any first response", () => {
    expect(firstResponseBadge(figures())).toEqual({ label: "first response", value: "no data", color: "grey" });
  });

  it("holds the median to the longer goal when issues and pull requests differ", () => {
    const mixed = figures({ medianMs: 10 * H, goalHoursByKind: { issues: 48, pullRequests: 4 } });
    expect(firstResponseBadge(mixed).color).toBe("green");
  });
});

describe("responseGoalBadge", () => {
  it("names the goal and gives the share", () => {
    expect(responseGoalBadge(figures({ shareWithinGoal: 0.92 }))).toEqual({ label: "within 24h goal", value: "92%", color: "green" });
    expect(responseGoalBadge(figures({ shareWithinGoal: 0.8, goalHoursByKind: { issues: 72, pullRequests: 72 } }))).toEqual({
      label: "within 3d goal",
      value: "80%",
      color: "yellow",
    });
    expect(responseGoalBadge(figures({ shareWithinGoal: 0.5, goalHoursByKind: { issues: 1.5, pullRequests: 1.5 } })).label).toBe(
      "within 1h 30m goal",
    );
  });

  it("says only 'within goal' when each kind has its own", () => {
    expect(responseGoalBadge(figures({ shareWithinGoal: 0.5, goalHoursByKind: { issues: 24, pullRequests: 4 } }))).toEqual({
      label: "within goal",
      value: "50%",
      color: "red",
    });
  });

  it("says no data in grey when nothing was decided", () => {
    expect(responseGoalBadge(figures())).toEqual({ label: "within 24h goal", value: "no data", color: "grey" });
  });
});

describe("wholePercent", () => {
  it("rounds down, so the number never disagrees with the colour, without losing to floating point", () => {
    expect(wholePercent(0.899)).toBe("89%");
    expect(wholePercent(0.29)).toBe("29%");
    expect(wholePercent(0.999)).toBe("99%");
    expect(wholePercent(1)).toBe("100%");
    expect(wholePercent(0)).toBe("0%");
  });
});
