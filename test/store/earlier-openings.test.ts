import { describe, expect, it } from "vitest";
import { countEarlierOpenings, isBackfillDone } from "../../src/store/earlier-openings.js";
import { tablesOf } from "../../src/store/engine.js";
import { openedFacts } from "../helpers/opened-fact.js";
import { useTestStore } from "../helpers/test-store.js";

const at = (day: number) => new Date(Date.UTC(2026, 0, day));

describe("earlier openings", () => {
  const store = useTestStore();

  it("knows a kind's history backfill is done only once it is", async () => {
    const { db } = store;
    const { backfillState } = tablesOf(db);
    await db.insert(backfillState).values([
      { repositoryId: 1, kind: "issues", status: "done", updatedAt: at(1), finishedAt: at(1) },
      { repositoryId: 1, kind: "pulls", status: "running", updatedAt: at(1) },
    ]);
    expect(await isBackfillDone(db, 1, "issues")).toBe(true);
    expect(await isBackfillDone(db, 1, "pulls")).toBe(false);
    expect(await isBackfillDone(db, 1, "stars")).toBe(false);
    expect(await isBackfillDone(db, 2, "issues")).toBe(false);
  });

  it("counts what a person opened before a number, under any login of theirs and by login without an id", async () => {
    const { db } = store;
    const { events } = tablesOf(db);
    const opened = openedFacts(at);
    await db.insert(events).values([
      opened("issues.opened", "ann", 7, 1, false),
      opened("issues.opened", "ann-renamed", 7, 2, null),
      // Stored without an id under her login: hers too.
      opened("issues.opened", "ANN", null, 3, false),
      // Someone else's account that once had her login: not hers.
      opened("issues.opened", "ann", 8, 4, false),
      opened("issues.opened", "ann", 7, 5, true),
      opened("pull_request.opened", "ann", 7, 6, true),
      opened("issues.opened", "ann", 7, 10, false),
      { ...opened("issues.opened", "ann", 7, 1, false), repositoryId: 2 },
    ]);
    const issues = (author: { login: string; id: number | null }, beforeNumber: number) =>
      countEarlierOpenings(db, 1, { kind: "issues.opened", author, beforeNumber });
    expect(await issues({ login: "Ann", id: 7 }, 10)).toBe(3);
    // Facts without an id count under the login asked about only.
    expect(await issues({ login: "ann-renamed", id: 7 }, 10)).toBe(2);
    expect(await issues({ login: "ann-renamed", id: 7 }, 2)).toBe(1);
    expect(await issues({ login: "ann", id: 7 }, 1)).toBe(0);
    // Without an id a person is their login, whoever's account carried it.
    expect(await issues({ login: "Ann", id: null }, 10)).toBe(3);
    expect(await countEarlierOpenings(db, 1, { kind: "pull_request.opened", author: { login: "ann", id: 7 }, beforeNumber: 7 })).toBe(1);
  });
});
