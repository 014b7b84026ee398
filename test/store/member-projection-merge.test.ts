import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { tablesOf } from "../../src/store/engine.js";
import { registerInstallation } from "../../src/store/installations.js";
import { memberProjectionWatermark, previewMemberProjection, refreshMemberProjection } from "../../src/store/member-projection.js";
import { createTestStore, type TestStore } from "../helpers/test-store.js";

/**
 * The fold's merge of a stored row with a batch's, where either side may be null (SQLite's max(a, b)
 * and PostgreSQL's greatest(a, b) disagree there), its preview, and folds running at once (on
 * PostgreSQL, on separate pooled connections).
 */

const REPO = { id: 10, installationId: 1, owner: "acme", name: "widget", fullName: "acme/widget", private: false };
const DAY = 24 * 60 * 60_000;
const T0 = Date.parse("2026-01-01T00:00:00Z");
const at = (day: number) => new Date(T0 + day * DAY);

let seq = 0;
const event = (login: string, id: number, kind: string, day: number, association: string | null = null) => ({
  repositoryId: REPO.id,
  naturalKey: `m${seq++}`,
  kind,
  actorLogin: login,
  actorId: id,
  actorType: "User",
  association,
  occurredAt: at(day),
});

describe("the member fold on either engine", () => {
  let store: TestStore;
  beforeEach(async () => {
    store = await createTestStore();
    await registerInstallation(store.db, { id: 1, accountLogin: "acme", accountType: "Organization" }, [REPO], at(0));
  });
  afterEach(() => store.dispose());

  const addEvents = (rows: ReturnType<typeof event>[]) => store.db.insert(tablesOf(store.db).events).values(rows);
  const members = async (db = store.db) => (await db.select().from(tablesOf(db).communityMembers)).sort((a, b) => a.login.localeCompare(b.login));

  it("keeps a stored value against a null one, takes a value where the stored one is null, and leaves nulls null", async () => {
    await addEvents([event("ann", 1, "star.created", 5), event("bob", 2, "issues.opened", 4)]);
    await refreshMemberProjection(store.db, REPO.id);
    await addEvents([event("ann", 1, "issue_comment.created", 2), event("bob", 2, "star.created", 6), event("bob", 2, "star.deleted", 7)]);
    await refreshMemberProjection(store.db, REPO.id);
    const rows = (await members()).map((m) => ({
      login: m.login,
      firstStarredAt: m.firstStarredAt,
      lastStarredAt: m.lastStarredAt,
      lastUnstarredAt: m.lastUnstarredAt,
      firstForkedAt: m.firstForkedAt,
      firstParticipatedAt: m.firstParticipatedAt,
      firstActiveAt: m.firstActiveAt,
      lastActiveAt: m.lastActiveAt,
      starred: m.starred,
    }));
    expect(rows).toEqual([
      {
        login: "ann",
        firstStarredAt: at(5),
        lastStarredAt: at(5),
        lastUnstarredAt: null,
        firstForkedAt: null,
        firstParticipatedAt: at(2),
        firstActiveAt: at(2),
        lastActiveAt: at(5),
        starred: true,
      },
      {
        login: "bob",
        firstStarredAt: at(6),
        lastStarredAt: at(6),
        lastUnstarredAt: at(7),
        firstForkedAt: null,
        firstParticipatedAt: at(4),
        firstActiveAt: at(4),
        lastActiveAt: at(7),
        starred: false,
      },
    ]);
  });

  it("previews the fold to a read on its transaction, then leaves the projection as it was", async () => {
    await addEvents([event("ann", 1, "star.created", 1), event("bob", 2, "fork.created", 2)]);
    const seen = await previewMemberProjection(store.db, REPO.id, async (tx) => {
      const { memberCounts } = tablesOf(tx);
      return { members: (await members(tx)).map((m) => m.login), counts: await tx.select().from(memberCounts) };
    });
    expect(seen).toEqual({ members: ["ann", "bob"], counts: [{ repositoryId: REPO.id, stargazers: 2, participants: 0 }] });
    expect(await members()).toEqual([]);
    expect(await store.db.select().from(tablesOf(store.db).memberCounts)).toEqual([]);
    expect(await memberProjectionWatermark(store.db, REPO.id)).toBe(0);
    await expect(
      previewMemberProjection(store.db, REPO.id, async () => {
        throw new Error("read failed");
      }),
    ).rejects.toThrow("read failed");
    expect(await members()).toEqual([]);
  });

  it("folds each event once when refreshes run at the same time, and ends where one refresh would", async () => {
    let state = 3;
    const next = (n: number) => {
      state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
      return Math.floor(state / 65_536) % n;
    };
    const kinds = ["star.created", "star.deleted", "fork.created", "issues.opened", "issue_comment.created"];
    const facts = Array.from({ length: 240 }, () => {
      const n = next(30);
      return event(`u${n}`, n + 1, kinds[next(kinds.length)]!, next(50), next(25) === 0 ? "MEMBER" : "NONE");
    });
    await addEvents(facts);
    const counts = await Promise.all([7, 11, 13, 17].map((batch) => refreshMemberProjection(store.db, REPO.id, batch)));
    // Each batch reads the watermark under the fold's lock, after the batch before it committed.
    expect(counts.reduce((a, b) => a + b, 0)).toBe(facts.length);
    const together = await members();

    const alone = await createTestStore();
    try {
      await registerInstallation(alone.db, { id: 1, accountLogin: "acme", accountType: "Organization" }, [REPO], at(0));
      await alone.db.insert(tablesOf(alone.db).events).values(facts);
      await refreshMemberProjection(alone.db, REPO.id);
      expect(together).toEqual(await members(alone.db));
      const { memberCounts } = tablesOf(store.db);
      expect(await store.db.select().from(memberCounts)).toEqual(await alone.db.select().from(tablesOf(alone.db).memberCounts));
    } finally {
      await alone.dispose();
    }
    expect(together.filter((m) => m.community && m.starred).length).toBeGreaterThan(0);
  });
});
