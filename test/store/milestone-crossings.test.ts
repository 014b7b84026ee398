import { describe, expect, it } from "vitest";
import { numberAllContributors, recordContribution } from "../../src/store/contributors.js";
import { listCrossings, type MilestoneCrossing, recordContributorCrossings, recordCrossing } from "../../src/store/milestone-crossings.js";
import { useTestStore } from "../helpers/test-store.js";

const at = (day: number) => new Date(Date.UTC(2026, 0, day));
const crossing = (metric: string, threshold: number, day: number): MilestoneCrossing => ({
  repositoryId: 1,
  metric,
  threshold,
  crossedAt: at(day),
  value: threshold + 1,
  login: null,
  userId: null,
  itemNumber: null,
});

describe("milestone crossings store", () => {
  const store = useTestStore();

  it("records a milestone's first crossing only, and lists them per metric in threshold order", async () => {
    const { db } = store;
    expect(await recordCrossing(db, crossing("stars", 100, 5))).toBe(true);
    expect(await recordCrossing(db, { ...crossing("stars", 100, 9), value: 150 })).toBe(false);
    expect(await recordCrossing(db, crossing("stars", 50, 2))).toBe(true);
    expect(await recordCrossing(db, { ...crossing("mrr", 1000, 3), login: "ann", userId: 7, itemNumber: 4 })).toBe(true);
    expect(await recordCrossing(db, { ...crossing("stars", 10, 1), repositoryId: 2 })).toBe(true);
    expect(await listCrossings(db, 1)).toEqual([
      { ...crossing("mrr", 1000, 3), login: "ann", userId: 7, itemNumber: 4 },
      crossing("stars", 50, 2),
      crossing("stars", 100, 5),
    ]);
    expect((await listCrossings(db, 1, "stars")).map((c) => [c.threshold, c.crossedAt, c.value])).toEqual([
      [50, at(2), 51],
      [100, at(5), 101],
    ]);
    expect(await listCrossings(db, 3)).toEqual([]);
  });

  it("records the contributor milestones reached, by the contributor numbered N, once", async () => {
    const { db } = store;
    const merge = (login: string, userId: number | null, day: number) =>
      recordContribution(db, { repositoryId: 1, login, userId, at: at(day), pullNumber: 10 + day, source: "backfill" });
    await merge("cem", null, 3);
    await merge("ann", 7, 1);
    await merge("bo", 8, 2);
    expect(await recordContributorCrossings(db, 1, [1, 2])).toEqual([]);
    await numberAllContributors(db, 1);
    const first = await recordContributorCrossings(db, 1, [1, 2, 5, 3]);
    expect(first).toEqual([
      { repositoryId: 1, metric: "contributors", threshold: 1, crossedAt: at(1), value: 1, login: "ann", userId: 7, itemNumber: 11 },
      { repositoryId: 1, metric: "contributors", threshold: 2, crossedAt: at(2), value: 2, login: "bo", userId: 8, itemNumber: 12 },
    ]);
    expect(await recordContributorCrossings(db, 1, [1, 2, 3])).toEqual([
      { repositoryId: 1, metric: "contributors", threshold: 3, crossedAt: at(3), value: 3, login: "cem", userId: null, itemNumber: 13 },
    ]);
    expect((await listCrossings(db, 1, "contributors")).map((c) => c.login)).toEqual(["ann", "bo", "cem"]);
  });
});
