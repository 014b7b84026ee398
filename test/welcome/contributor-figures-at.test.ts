import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { defaultConfig } from "../../src/config/schema.js";
import { pendingProgress, saveBackfillProgress } from "../../src/store/backfill-state.js";
import { numberAllContributors, recordContribution } from "../../src/store/contributors.js";
import { recordContributorCrossings } from "../../src/store/milestone-crossings.js";
import { collectContributorFigures } from "../../src/welcome/collect-contributor-figures.js";
import { createTestStore } from "../helpers/test-store.js";

const REPO = { id: 1, installationId: 1, owner: "acme", name: "widget", fullName: "acme/widget", private: false };
const day = (n: number) => new Date(Date.UTC(2026, 10, n));
/** The week of Nov 23, and its digest published on Nov 30. */
const WEEK = { start: day(23), end: day(30) };
const PUBLISHED = new Date(day(30).getTime() + 9 * 3_600_000);

describe("contributor figures as known at an instant", () => {
  let store: Awaited<ReturnType<typeof createTestStore>>;
  beforeEach(async () => {
    store = await createTestStore();
  });
  afterEach(() => store.dispose());

  it("shows no numbers nor a named milestone from a history the backfill finished only after", async () => {
    const merged = (login: string, n: number, source: "webhook" | "backfill") =>
      recordContribution(store.db, { repositoryId: REPO.id, login, userId: null, at: day(n), pullNumber: n, source });
    await merged("old-hand", 2, "backfill");
    await merged("newcomer", 24, "webhook");
    // The history is read on Dec 2: everyone is numbered, and contributor 2 dated to the week's merge.
    const finished = { ...pendingProgress(REPO.id, "contributors", null, day(1)), status: "done" as const, updatedAt: day(32), finishedAt: day(32) };
    await saveBackfillProgress(store.db, finished);
    await numberAllContributors(store.db, REPO.id);
    expect((await recordContributorCrossings(store.db, REPO.id, [2])).map((c) => [c.threshold, c.login])).toEqual([[2, "newcomer"]]);

    const then = await collectContributorFigures(store.db, REPO, WEEK, PUBLISHED, defaultConfig);
    expect(then).toMatchObject({ total: 2, historyKnown: false, milestonesReached: [] });
    expect(then.newContributors.map((c) => [c.login, c.number])).toEqual([["newcomer", null]]);

    const now = await collectContributorFigures(store.db, REPO, WEEK, day(33), defaultConfig);
    expect(now).toMatchObject({ historyKnown: true, milestonesReached: [{ threshold: 2, login: "newcomer" }] });
    expect(now.newContributors.map((c) => [c.login, c.number])).toEqual([["newcomer", 2]]);
  });
});
