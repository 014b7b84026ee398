import { describe, expect, it } from "vitest";
import {
  countForksBetween,
  countStarsInLedger,
  listActiveDays,
  listItemsClosedBetween,
  listOpenItems,
  listStarChanges,
  nthStarAt,
} from "../../src/store/community-activity.js";
import { tablesOf } from "../../src/store/engine.js";
import { useTestStore } from "../helpers/test-store.js";

const REPO = 10;
const OTHER = 11;
const DAY = 24 * 60 * 60_000;
const T0 = Date.parse("2026-01-01T00:00:00Z");
const at = (day: number, ms = 0) => new Date(T0 + day * DAY + ms);
const dayIndex = (day: number) => Math.floor(at(day).getTime() / DAY);

let seq = 0;
function fact(
  kind: string,
  login: string,
  id: number | null,
  when: Date,
  extra: { repositoryId?: number; itemNumber?: number; data?: Record<string, unknown> | null; actorType?: string } = {},
) {
  return {
    repositoryId: extra.repositoryId ?? REPO,
    naturalKey: `k${seq++}`,
    kind,
    actorLogin: login,
    actorId: id,
    actorType: extra.actorType ?? "User",
    itemNumber: extra.itemNumber ?? null,
    occurredAt: when,
    data: extra.data ?? null,
  };
}

function item(number: number, state: "open" | "closed", created: number, closed: number | null, author = "ann") {
  return {
    repositoryId: REPO,
    number,
    isPull: number % 2 === 1,
    title: `#${number}`,
    authorLogin: author,
    authorId: null,
    authorType: "User",
    authorAssociation: "NONE",
    state,
    createdAt: at(created),
    updatedAt: at(closed ?? created),
    closedAt: closed === null ? null : at(closed),
  };
}

describe("community activity reads of the ledger", () => {
  const store = useTestStore();

  const addFacts = (rows: ReturnType<typeof fact>[]) => store.db.insert(tablesOf(store.db).events).values(rows);

  it("lists who was active on which UTC day once, by account id or lowercased login, within [from, to)", async () => {
    await addFacts([
      fact("issues.opened", "ann", 1, at(1, 5)),
      fact("issue_comment.created", "ann", 1, at(1, DAY - 1)),
      fact("star.created", "Ghost", null, at(2)),
      fact("fork.created", "dep[bot]", 9, at(3), { actorType: "Bot" }),
      fact("star.created", "bob", 2, at(4)),
      fact("star.created", "zed", 3, at(2), { repositoryId: OTHER }),
    ]);
    const days = await listActiveDays(store.db, REPO, at(1), at(4));
    expect([...days].sort((a, b) => a.day - b.day || a.person.localeCompare(b.person))).toEqual([
      { person: "id:1", login: "ann", type: "User", day: dayIndex(1) },
      { person: "ghost", login: "Ghost", type: "User", day: dayIndex(2) },
      { person: "id:9", login: "dep[bot]", type: "Bot", day: dayIndex(3) },
    ]);
    expect(Number.isInteger(days[0]!.day)).toBe(true);
  });

  it("lists star changes oldest first with the total GitHub stated, null for a backfilled star", async () => {
    await addFacts([
      fact("star.deleted", "bob", 2, at(3), { data: { stargazers: 4 } }),
      fact("star.created", "ann", 1, at(1), { data: { stargazers: 5 } }),
      fact("star.created", "old", 7, at(2)),
      fact("fork.created", "cat", 3, at(2), { data: { stargazers: 9 } }),
      fact("star.created", "eve", 5, at(6), { data: { stargazers: 6 } }),
    ]);
    expect(await listStarChanges(store.db, REPO, at(0), at(6))).toEqual([
      { at: at(1), delta: 1, total: 5 },
      { at: at(2), delta: 1, total: null },
      { at: at(3), delta: -1, total: 4 },
    ]);
  });

  it("counts stars given less stars taken back before a time, never below zero, and finds the n-th star", async () => {
    await addFacts([
      fact("star.created", "ann", 1, at(1)),
      fact("star.created", "bob", 2, at(2)),
      fact("star.created", "cat", 3, at(3)),
      fact("star.deleted", "bob", 2, at(4)),
      fact("star.created", "eve", 5, at(8)),
      fact("star.deleted", "zed", 6, at(0), { repositoryId: OTHER }),
      fact("star.deleted", "zed", 6, at(1), { repositoryId: OTHER }),
    ]);
    expect(await countStarsInLedger(store.db, REPO, at(5))).toBe(2);
    expect(await countStarsInLedger(store.db, REPO, at(9))).toBe(3);
    expect(await countStarsInLedger(store.db, REPO, at(0))).toBe(0);
    expect(await countStarsInLedger(store.db, OTHER, at(9))).toBe(0);
    expect(await nthStarAt(store.db, REPO, 1)).toEqual(at(1));
    expect(await nthStarAt(store.db, REPO, 3)).toEqual(at(3));
    expect(await nthStarAt(store.db, REPO, 4)).toEqual(at(8));
    expect(await nthStarAt(store.db, REPO, 5)).toBeNull();
  });

  it("counts the forks within [from, to)", async () => {
    await addFacts([
      fact("fork.created", "ann", 1, at(1)),
      fact("fork.created", "bob", 2, at(2)),
      fact("fork.created", "cat", 3, at(3)),
      fact("star.created", "cat", 3, at(2)),
      fact("fork.created", "zed", 4, at(2), { repositoryId: OTHER }),
    ]);
    expect(await countForksBetween(store.db, REPO, at(1), at(3))).toBe(2);
    expect(await countForksBetween(store.db, REPO, at(4), at(9))).toBe(0);
  });

  it("lists the open items, and those closed in [from, to) that are still closed, once each", async () => {
    await store.db
      .insert(tablesOf(store.db).items)
      .values([
        item(1, "open", 1, null, "ann"),
        item(2, "closed", 1, 3, "bob"),
        item(3, "closed", 2, 4),
        item(4, "open", 2, null),
        item(5, "closed", 1, 9),
      ]);
    await addFacts([
      fact("issues.closed", "bob", 2, at(3, 1), { itemNumber: 2 }),
      fact("issues.closed", "bob", 2, at(3, 2), { itemNumber: 2 }),
      fact("pull_request.merged", "ann", 1, at(4), { itemNumber: 3 }),
      // Closed in the window, reopened since: not among the closed.
      fact("issues.closed", "ann", 1, at(3), { itemNumber: 4 }),
      fact("issues.closed", "ann", 1, at(9), { itemNumber: 5 }),
    ]);
    const byNumber = (a: { number: number }, b: { number: number }) => a.number - b.number;
    expect((await listOpenItems(store.db, REPO)).sort(byNumber)).toEqual([
      { number: 1, authorLogin: "ann", authorType: "User", authorAssociation: "NONE", createdAt: at(1), closedAt: null },
      { number: 4, authorLogin: "ann", authorType: "User", authorAssociation: "NONE", createdAt: at(2), closedAt: null },
    ]);
    expect((await listItemsClosedBetween(store.db, REPO, at(3), at(5))).sort(byNumber)).toEqual([
      { number: 2, authorLogin: "bob", authorType: "User", authorAssociation: "NONE", createdAt: at(1), closedAt: at(3) },
      { number: 3, authorLogin: "ann", authorType: "User", authorAssociation: "NONE", createdAt: at(2), closedAt: at(4) },
    ]);
    expect(await listOpenItems(store.db, OTHER)).toEqual([]);
  });
});
