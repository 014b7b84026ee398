import { describe, expect, it } from "vitest";
import { leadPeople } from "../../src/store/conversion-funnel.js";
import { tablesOf } from "../../src/store/engine.js";
import { useTestStore } from "../helpers/test-store.js";

const REPO = 10;
const DAY = 24 * 60 * 60_000;
const T0 = Date.parse("2026-01-01T00:00:00Z");

describe("leadPeople", () => {
  const store = useTestStore();

  it("lists each lead before the end once: an account under one of its logins, a login without an account on its own", async () => {
    const signal = (login: string, userId: number | null, day: number, i: number) => ({
      repositoryId: REPO,
      naturalKey: `s${i}`,
      login,
      userId,
      itemNumber: null,
      terms: ["pricing"],
      occurredAt: new Date(T0 + day * DAY),
    });
    await store.db
      .insert(tablesOf(store.db).leadSignals)
      .values([
        signal("ann", 1, 1, 0),
        signal("ann-renamed", 1, 2, 1),
        signal("ghost", null, 2, 2),
        signal("ghost", null, 3, 3),
        signal("Ghost", null, 3, 4),
        signal("bob", 2, 8, 5),
        signal("cat", 3, 1, 6),
      ]);
    await store.db.insert(tablesOf(store.db).leadSignals).values({ ...signal("zed", 9, 1, 7), repositoryId: REPO + 1 });
    const people = await leadPeople(store.db, REPO, new Date(T0 + 5 * DAY));
    expect([...people].sort((a, b) => a.login.localeCompare(b.login))).toEqual([
      { id: 1, login: "ann-renamed" },
      { id: 3, login: "cat" },
      { id: null, login: "ghost" },
      { id: null, login: "Ghost" },
    ]);
  });
});
