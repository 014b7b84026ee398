import { describe, expect, it } from "vitest";
import { smallestMajority } from "../../../src/metrics/health/smallest-majority.js";

describe("smallestMajority (CHAOSS Contributor Absence Factor)", () => {
  it("takes the most active first until at least half is reached", () => {
    // CHAOSS's own example: 2,475 in all; 1,000 + 433 reach half (1,237.5).
    const counts = [1000, 202, 90, 33, 332, 343, 42, 433].map((count, i) => ({ login: `p${i}`, count }));
    expect(smallestMajority(counts)).toEqual({
      factor: 2,
      total: 2475,
      people: [
        { login: "p0", count: 1000 },
        { login: "p7", count: 433 },
      ],
    });
  });

  it("counts exactly half as reached", () => {
    expect(
      smallestMajority([
        { login: "a", count: 2 },
        { login: "b", count: 2 },
      ])?.factor,
    ).toBe(1);
  });

  it("breaks ties by name, so the same facts always name the same people", () => {
    const tied = [
      { login: "zoe", count: 1 },
      { login: "Bea", count: 1 },
      { login: "al", count: 1 },
    ];
    expect(smallestMajority(tied)).toEqual({
      factor: 2,
      total: 3,
      people: [
        { login: "al", count: 1 },
        { login: "Bea", count: 1 },
      ],
    });
    expect(smallestMajority([...tied].reverse())).toEqual(smallestMajority(tied));
  });

  it("is 0 with nobody to count", () => {
    expect(smallestMajority([])).toEqual({ factor: 0, total: 0, people: [] });
    expect(smallestMajority([{ login: "a", count: 0 }])).toEqual({ factor: 0, total: 0, people: [] });
  });

  it("is null when the tallies cannot reach half of a larger whole", () => {
    expect(smallestMajority([{ login: "acme", count: 4 }], 10)).toBeNull();
    expect(smallestMajority([{ login: "acme", count: 5 }], 10)?.factor).toBe(1);
  });
});
