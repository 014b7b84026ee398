import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { LedgerEvent } from "../../src/domain/ledger.js";
import { stewardConfigSchema } from "../../src/config/schema.js";
import { activeMembersAt } from "../../src/metrics/community-values.js";
import { listContributors, recordContribution } from "../../src/store/contributors.js";
import { countStages } from "../../src/store/conversion-funnel.js";
import { registerInstallation } from "../../src/store/installations.js";
import { recordDelivery } from "../../src/store/ledger.js";
import { refreshMemberProjection } from "../../src/store/member-projection.js";
import { type DB, tablesOf } from "../../src/store/engine.js";
import { saveUserProfiles } from "../../src/store/user-profiles.js";
import { createTestStore } from "../helpers/test-store.js";

/**
 * Issue 14, defect 2: a person is their account id. The same account under two logins (a rename)
 * is one member, one stargazer, one active member, one contributor, named by the login of their
 * latest fact whatever order the facts arrive in.
 */
const REPO = { id: 10, installationId: 1, owner: "acme", name: "widget", fullName: "acme/widget", private: false };
const DAY = 24 * 60 * 60_000;
const T0 = Date.parse("2026-01-01T00:00:00Z");
const at = (day: number) => new Date(T0 + day * DAY);
const noLists = { ignoreUsers: [], maintainers: [] };

let seq = 0;
function fact(login: string, id: number | null, kind: string, day: number): LedgerEvent {
  return {
    naturalKey: `k${seq++}`,
    kind,
    actorLogin: login,
    actorId: id,
    actorType: "User",
    association: "NONE",
    itemNumber: kind.startsWith("star") ? null : 1,
    isPull: kind.startsWith("star") ? null : false,
    occurredAt: at(day),
    data: null,
  };
}

describe("a renamed account is one person", () => {
  let store: Awaited<ReturnType<typeof createTestStore>>;
  beforeEach(async () => {
    store = await createTestStore();
    await registerInstallation(store.db, { id: 1, accountLogin: "acme", accountType: "Organization" }, [REPO], at(0));
  });
  afterEach(() => store.dispose());

  const insertFacts = (db: DB, facts: LedgerEvent[]) => db.insert(tablesOf(db).events).values(facts.map((f) => ({ ...f, repositoryId: REPO.id })));
  const membersOf = (db: DB) => {
    const { communityMembers } = tablesOf(db);
    return db.select().from(communityMembers).orderBy(communityMembers.firstActiveAt, communityMembers.login);
  };
  const store_ = (facts: LedgerEvent[]) => insertFacts(store.db, facts);
  const members = () => membersOf(store.db);

  it("folds facts under two logins into one member named by the newest login, in any order and batches", async () => {
    const facts = [
      fact("ann", 7, "star.created", 1),
      fact("ann", 7, "issue_comment.created", 2),
      fact("ann-renamed", 7, "issues.opened", 5),
      fact("ann-renamed", 7, "star.created", 6),
      fact("bob", 8, "star.created", 3),
    ];
    for (const [order, batch] of [
      [[0, 1, 2, 3, 4], 100],
      [[3, 2, 4, 1, 0], 1],
      [[2, 0, 4, 3, 1], 2],
    ] as const) {
      const fresh = await createTestStore();
      try {
        await registerInstallation(fresh.db, { id: 1, accountLogin: "acme", accountType: "Organization" }, [REPO], at(0));
        for (const i of order) {
          await insertFacts(fresh.db, [facts[i]!]);
          await refreshMemberProjection(fresh.db, REPO.id, batch);
        }
        const rows = await membersOf(fresh.db);
        expect(rows.map((m) => [m.userId, m.login, m.firstActiveAt, m.lastActiveAt, m.firstParticipatedAt]).sort()).toEqual([
          [7, "ann-renamed", at(1), at(6), at(2)],
          [8, "bob", at(3), at(3), null],
        ]);
      } finally {
        await fresh.dispose();
      }
    }
  });

  it("keeps the newest login when an older fact under the old login is folded late", async () => {
    await store_([fact("ann-renamed", 7, "issue_comment.created", 9)]);
    await refreshMemberProjection(store.db, REPO.id);
    await store_([fact("ann", 7, "star.created", 4)]);
    await refreshMemberProjection(store.db, REPO.id);
    expect((await members()).map((m) => [m.login, m.firstStarredAt, m.lastActiveAt])).toEqual([["ann-renamed", at(4), at(9)]]);
  });

  it("counts the person once among stargazers, participants and active members, with the profile of the account", async () => {
    await store_([
      fact("ann", 7, "star.created", 10),
      fact("ann", 7, "issue_comment.created", 11),
      fact("ann-renamed", 7, "star.deleted", 12),
      fact("ann-renamed", 7, "star.created", 13),
      fact("ann-renamed", 7, "issue_comment.created", 14),
    ]);
    await saveUserProfiles(store.db, [{ login: "ann", userId: 7, type: "User", company: "Acme Corp" }], at(0));
    await refreshMemberProjection(store.db, REPO.id);
    expect(await countStages(store.db, REPO.id, at(20), at(-10), noLists)).toEqual({ stargazers: 1, participants: 1, activeMembers: 1 });
    expect(await activeMembersAt(store.db, REPO.id, at(20), stewardConfigSchema.parse({}))).toBe(1);
    expect((await members()).map((m) => [m.login, m.companyKey])).toEqual([["ann-renamed", "acme"]]);
  });

  it("keeps facts without an account id apart, by login", async () => {
    await store_([fact("old-timer", null, "star.created", 1), fact("old-timer", null, "issues.opened", 2), fact("ann", 7, "star.created", 3)]);
    await refreshMemberProjection(store.db, REPO.id);
    expect((await members()).map((m) => [m.login, m.userId, m.starred])).toEqual([
      ["old-timer", null, true],
      ["ann", 7, true],
    ]);
  });

  it("moves a contributor's login forward with each newer delivery by the account, never back", async () => {
    await recordContribution(store.db, { repositoryId: REPO.id, login: "ann", userId: 7, at: at(2), pullNumber: 1, source: "webhook" });
    const deliver = (id: string, f: LedgerEvent) =>
      recordDelivery(
        store.db,
        { id, event: "issues", action: "opened", receivedAt: f.occurredAt, payload: null },
        { repository: { ...REPO }, installationId: 1, events: [f], item: null, removedItemNumber: null },
      );
    expect(await deliver("d-1", fact("ann-renamed", 7, "issues.opened", 5))).toBe("fresh");
    expect((await listContributors(store.db, REPO.id)).map((c) => c.login)).toEqual(["ann-renamed"]);
    // Delivered late: a comment made before the rename, under the old login.
    expect(await deliver("d-2", fact("ann", 7, "issue_comment.created", 4))).toBe("fresh");
    expect((await listContributors(store.db, REPO.id)).map((c) => [c.login, c.userId, c.firstPullNumber])).toEqual([["ann-renamed", 7, 1]]);
  });
});
