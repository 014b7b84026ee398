import { describe, expect, it } from "vitest";
import { forecastReach } from "../../src/metrics/forecast.js";

const day = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000);

describe("forecastReach", () => {
  const now = day(60);

  it("extrapolates the growth of the last 28 days", () => {
    // 10 stars a day over the last 28 days (older history grew faster and is ignored).
    const points = [
      { at: day(0), value: 0 },
      { at: day(32), value: 520 },
      { at: day(60), value: 800 },
    ];
    expect(forecastReach(points, 1000, now)).toEqual(day(80));
  });

  it("is null when the metric is flat or shrinking, or the history is a single point", () => {
    expect(
      forecastReach(
        [
          { at: day(40), value: 50 },
          { at: day(60), value: 50 },
        ],
        100,
        now,
      ),
    ).toBeNull();
    expect(
      forecastReach(
        [
          { at: day(40), value: 60 },
          { at: day(60), value: 50 },
        ],
        100,
        now,
      ),
    ).toBeNull();
    expect(forecastReach([{ at: day(60), value: 50 }], 100, now)).toBeNull();
    expect(forecastReach([], 100, now)).toBeNull();
  });

  it("is now when the target is already reached", () => {
    expect(
      forecastReach(
        [
          { at: day(59), value: 90 },
          { at: day(60), value: 120 },
        ],
        100,
        now,
      ),
    ).toEqual(now);
  });

  it("rounds partial days up", () => {
    expect(
      forecastReach(
        [
          { at: day(59), value: 0 },
          { at: day(60), value: 3 },
        ],
        10,
        now,
      ),
    ).toEqual(day(63));
  });
});
