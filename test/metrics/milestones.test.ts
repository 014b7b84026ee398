import { describe, expect, it } from "vitest";
import { crossingsKnownAt, dueCrossings, milestoneProgress } from "../../src/metrics/milestones.js";

describe("dueCrossings", () => {
  it("gives every threshold reached and not yet recorded, smallest first", () => {
    expect(dueCrossings([1000, 100, 10000], 1200, [])).toEqual([100, 1000]);
    expect(dueCrossings([100, 1000], 99, [])).toEqual([]);
    expect(dueCrossings([100, 1000], 100, [])).toEqual([100]);
  });

  it("does not re-trigger a threshold after the value dipped below it and came back", () => {
    const recorded = dueCrossings([100], 100, []);
    expect(recorded).toEqual([100]);
    // A star removed right after (99), then given again (100): nothing new.
    expect(dueCrossings([100], 99, recorded)).toEqual([]);
    expect(dueCrossings([100], 100, recorded)).toEqual([]);
  });
});

describe("milestoneProgress", () => {
  const never = () => null;
  it("names the last threshold crossed and the next one, with its forecast", () => {
    const at = new Date("2026-03-01T00:00:00Z");
    const forecast = new Date("2027-01-01T00:00:00Z");
    expect(milestoneProgress("stars", [100, 1000, 10000], 450, [{ threshold: 100, crossedAt: at }], (t) => (t === 1000 ? forecast : null))).toEqual({
      metric: "stars",
      current: 450,
      previous: 100,
      next: 1000,
      forecast,
      crossed: [{ threshold: 100, crossedAt: at }],
    });
  });

  it("keeps a recorded crossing when the value dipped below it since", () => {
    const at = new Date("2026-03-01T00:00:00Z");
    const progress = milestoneProgress("stars", [100, 1000], 99, [{ threshold: 100, crossedAt: at }], never);
    expect(progress).toMatchObject({ previous: 100, next: 1000 });
  });

  it("has no next threshold (nor forecast) when all are crossed, and starts at 0 before the first", () => {
    expect(milestoneProgress("contributors", [10], 12, [{ threshold: 10, crossedAt: new Date(0) }], () => new Date())).toMatchObject({
      next: null,
      forecast: null,
    });
    expect(milestoneProgress("contributors", [10, 50], 3, [], never)).toMatchObject({ previous: 0, next: 10 });
  });
});

describe("crossingsKnownAt", () => {
  const at = new Date("2026-11-30T09:05:00Z");
  const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
  const crossing = (metric: string, threshold: number, crossedAt: Date, login: string | null = null) => ({ metric, threshold, crossedAt, login });
  const known = { at, contributorHistoryKnown: true, recordedMrrUsd: 1_200 };

  it("keeps what was crossed by then and drops what came after", () => {
    const crossings = [crossing("stars", 100, day("2026-11-20")), crossing("stars", 1000, day("2026-12-01")), crossing("activeMembers", 10, at)];
    expect(crossingsKnownAt(crossings, known).map((c) => c.threshold)).toEqual([100, 10]);
  });

  it("drops an MRR crossing dated before, but reached only by customers entered after", () => {
    // A customer entered later with a start in the past dates its crossing in the past.
    const crossings = [crossing("mrr", 1_000, day("2026-10-01")), crossing("mrr", 5_000, day("2026-11-01"))];
    expect(crossingsKnownAt(crossings, known).map((c) => c.threshold)).toEqual([1_000]);
    expect(crossingsKnownAt(crossings, { ...known, recordedMrrUsd: 999 })).toEqual([]);
  });

  it("drops a named contributor crossing while the history that dated it was not known yet", () => {
    const crossings = [crossing("contributors", 10, day("2026-06-01"), "dana"), crossing("contributors", 50, day("2026-11-02"))];
    expect(crossingsKnownAt(crossings, { ...known, contributorHistoryKnown: false }).map((c) => c.threshold)).toEqual([50]);
    expect(crossingsKnownAt(crossings, known).map((c) => c.threshold)).toEqual([10, 50]);
  });
});
