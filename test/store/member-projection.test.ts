import { desc } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { forgetRepositories, registerInstallation } from "../../src/store/installations.js";
import { memberProjectionWatermark, refreshMemberProjection } from "../../src/store/member-projection.js";
import { tablesOf } from "../../src/store/engine.js";
import { saveUserProfiles } from "../../src/store/user-profiles.js";
import { createTestStore } from "../helpers/test-store.js";

const REPO = { id: 10, installationId: 1, owner: "acme", name: "widget", fullName: "acme/widget", private: false };
const OTHER = { ...REPO, id: 11, name: "gadget", fullName: "acme/gadget" };
const DAY = 24 * 60 * 60_000;
const T0 = Date.parse("2026-01-01T00:00:00Z");

/** Each login's account id: `u<n>` is n (as the profiles below say), the others fixed here. */
const IDS: Record<string, number> = { ann: 1, bob: 2, cat: 3, app: 40, zed: 50, "Renovate[BOT]": 60, "Dep[bot]": 70 };
const idOf = (login: string) => IDS[login] ?? Number(/^u(\d+)$/.exec(login)![1]);

let seq = 0;
function event(login: string, kind: string, day: number, extra: { association?: string; actorType?: string; repositoryId?: number } = {}) {
  return {
    repositoryId: extra.repositoryId ?? REPO.id,
    naturalKey: `k${seq++}`,
    kind,
    actorLogin: login,
    actorId: idOf(login),
    actorType: extra.actorType ?? "User",
    association: extra.association ?? null,
    occurredAt: new Date(T0 + day * DAY),
  };
}

const at = (day: number) => new Date(T0 + day * DAY);

describe("refreshMemberProjection", () => {
  let store: Awaited<ReturnType<typeof createTestStore>>;
  beforeEach(async () => {
    store = await createTestStore();
    await registerInstallation(store.db, { id: 1, accountLogin: "acme", accountType: "Organization" }, [REPO, OTHER], at(0));
  });
  afterEach(() => store.dispose());

  const members = async () =>
    (await store.db.select().from(tablesOf(store.db).communityMembers)).sort(
      (a, b) => a.repositoryId - b.repositoryId || a.login.localeCompare(b.login),
    );

  it("folds stars, unstars, forks, participation, maintainers and activity into one row per user", async () => {
    await store.db
      .insert(tablesOf(store.db).events)
      .values([
        event("ann", "star.created", 1),
        event("ann", "star.deleted", 3),
        event("ann", "star.created", 5),
        event("ann", "issue_comment.created", 4, { association: "NONE" }),
        event("bob", "fork.created", 2),
        event("bob", "issues.labeled", 9, { association: "MEMBER" }),
        event("app", "pull_request.opened", 6, { actorType: "Bot" }),
      ]);
    expect(await refreshMemberProjection(store.db, REPO.id)).toBe(7);
    expect(await members()).toEqual([
      {
        repositoryId: REPO.id,
        userId: 1,
        login: "ann",
        actorType: "User",
        maintainerSeen: false,
        firstStarredAt: at(1),
        lastStarredAt: at(5),
        lastUnstarredAt: at(3),
        firstForkedAt: null,
        firstParticipatedAt: at(4),
        firstActiveAt: at(1),
        lastActiveAt: at(5),
        isBot: false,
        community: true,
        starred: true,
        companyKey: null,
        company: null,
      },
      {
        repositoryId: REPO.id,
        userId: 40,
        login: "app",
        actorType: "Bot",
        maintainerSeen: false,
        firstStarredAt: null,
        lastStarredAt: null,
        lastUnstarredAt: null,
        firstForkedAt: null,
        firstParticipatedAt: at(6),
        firstActiveAt: at(6),
        lastActiveAt: at(6),
        isBot: true,
        community: false,
        starred: false,
        companyKey: null,
        company: null,
      },
      {
        repositoryId: REPO.id,
        userId: 2,
        login: "bob",
        actorType: "User",
        maintainerSeen: true,
        firstStarredAt: null,
        lastStarredAt: null,
        lastUnstarredAt: null,
        firstForkedAt: at(2),
        firstParticipatedAt: null,
        firstActiveAt: at(2),
        lastActiveAt: at(9),
        isBot: false,
        community: false,
        starred: true,
        companyKey: null,
        company: null,
      },
    ]);
  });

  it("reads only what was stored since the last refresh, and a second run changes nothing", async () => {
    await store.db.insert(tablesOf(store.db).events).values([event("ann", "star.created", 1), event("bob", "star.created", 2)]);
    expect(await refreshMemberProjection(store.db, REPO.id)).toBe(2);
    const once = await members();
    expect(await refreshMemberProjection(store.db, REPO.id)).toBe(0);
    expect(await members()).toEqual(once);
    await store.db.insert(tablesOf(store.db).events).values([event("cat", "issues.opened", 3)]);
    expect(await refreshMemberProjection(store.db, REPO.id)).toBe(1);
    expect((await members()).map((m) => m.login)).toEqual(["ann", "bob", "cat"]);
  });

  it("takes a backfill's older facts, stored after newer ones, as the firsts", async () => {
    await store.db
      .insert(tablesOf(store.db).events)
      .values([event("ann", "star.created", 20), event("ann", "issue_comment.created", 21), event("ann", "star.deleted", 22)]);
    await refreshMemberProjection(store.db, REPO.id);
    await store.db
      .insert(tablesOf(store.db).events)
      .values([event("ann", "star.created", 2), event("ann", "issues.opened", 3, { association: "COLLABORATOR" }), event("ann", "star.deleted", 1)]);
    await refreshMemberProjection(store.db, REPO.id);
    expect(await members()).toMatchObject([
      {
        login: "ann",
        maintainerSeen: true,
        firstStarredAt: at(2),
        lastStarredAt: at(20),
        lastUnstarredAt: at(22),
        firstParticipatedAt: at(3),
        firstActiveAt: at(1),
        lastActiveAt: at(22),
      },
    ]);
  });

  it("gives the same rows whatever the batch size, the insertion order and the refresh points", async () => {
    const kinds = [
      "star.created",
      "star.deleted",
      "fork.created",
      "issues.opened",
      "issue_comment.created",
      "issues.closed",
      "pull_request_review.submitted",
    ];
    const associations = [null, "NONE", "CONTRIBUTOR"];
    let state = 7;
    const next = (n: number) => {
      state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
      return Math.floor(state / 65_536) % n;
    };
    const logins = [...Array.from({ length: 12 }, (_, i) => `u${i}`), "Dep[bot]"];
    const facts = Array.from({ length: 300 }, () =>
      event(logins[next(logins.length)]!, kinds[next(kinds.length)]!, next(60), {
        // Rare, so that some people stay community members after ~20 facts each.
        association: next(40) === 0 ? "OWNER" : (associations[next(associations.length)] ?? undefined),
        actorType: next(10) === 0 ? "Bot" : "User",
        repositoryId: next(5) === 0 ? OTHER.id : REPO.id,
      }),
    );
    const profiles = [
      { login: "u1", userId: 1, type: "User", company: "Acme, Inc." },
      { login: "u2", userId: 2, type: "User", company: "@initech" },
      { login: "u3", userId: 3, type: "User", company: "" },
    ];
    const inOneGo = await createTestStore();
    try {
      await registerInstallation(inOneGo.db, { id: 1, accountLogin: "acme", accountType: "Organization" }, [REPO, OTHER], at(0));
      await saveUserProfiles(inOneGo.db, profiles, at(0));
      await inOneGo.db.insert(tablesOf(inOneGo.db).events).values(facts);
      await refreshMemberProjection(inOneGo.db, REPO.id);
      const expected = (await inOneGo.db.select().from(tablesOf(inOneGo.db).communityMembers)).sort((a, b) => a.login.localeCompare(b.login));
      const shuffled = [...facts];
      for (let i = shuffled.length - 1; i > 0; i--) {
        const j = next(i + 1);
        [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
      }
      for (let i = 0; i < shuffled.length; i += 37) {
        await store.db.insert(tablesOf(store.db).events).values(shuffled.slice(i, i + 37));
        // Profiles saved after their rows were folded reach them too.
        if (i === 148) await saveUserProfiles(store.db, profiles, at(0));
        if (next(2) === 0) await refreshMemberProjection(store.db, REPO.id, 5);
      }
      await refreshMemberProjection(store.db, REPO.id, 5);
      expect(await members()).toEqual(expected);
      expect(expected.length).toBeGreaterThan(5);
      expect(expected.filter((m) => m.isBot).length).toBeGreaterThan(0);
      expect(expected.filter((m) => m.community).length).toBeGreaterThan(0);
      expect(expected.filter((m) => m.maintainerSeen && !m.isBot).length).toBeGreaterThan(0);
      expect(expected.filter((m) => m.companyKey !== null).map((m) => m.company)).toEqual(["Acme, Inc.", "@initech"]);
    } finally {
      inOneGo.dispose();
    }
  });

  it("derives the flags from the merged row: a later star or unstar, a later maintainer mark, a [bot] login", async () => {
    await store.db
      .insert(tablesOf(store.db).events)
      .values([event("ann", "star.created", 1), event("ann", "star.deleted", 2), event("Renovate[BOT]", "star.created", 1)]);
    await refreshMemberProjection(store.db, REPO.id);
    expect((await members()).map((m) => [m.login, m.isBot, m.community, m.starred])).toEqual([
      ["ann", false, true, false],
      ["Renovate[BOT]", true, false, true],
    ]);
    await store.db.insert(tablesOf(store.db).events).values([event("ann", "star.created", 3)]);
    await refreshMemberProjection(store.db, REPO.id);
    expect((await members()).find((m) => m.login === "ann")).toMatchObject({ community: true, starred: true });
    await store.db
      .insert(tablesOf(store.db).events)
      .values([event("ann", "issues.labeled", 4, { association: "MEMBER" }), event("ann", "star.deleted", 5)]);
    await refreshMemberProjection(store.db, REPO.id);
    expect((await members()).find((m) => m.login === "ann")).toMatchObject({ isBot: false, community: false, starred: false });
  });

  it("copies the company of a profile saved before or after the fold, in every repository, and none without one", async () => {
    await saveUserProfiles(store.db, [{ login: "ann", userId: 1, type: "User", company: "Acme Corp" }], at(0));
    await store.db
      .insert(tablesOf(store.db).events)
      .values([event("ann", "star.created", 1), event("bob", "star.created", 1), event("bob", "star.created", 1, { repositoryId: OTHER.id })]);
    await refreshMemberProjection(store.db, REPO.id);
    await refreshMemberProjection(store.db, OTHER.id);
    expect((await members()).map((m) => [m.repositoryId, m.login, m.companyKey, m.company])).toEqual([
      [REPO.id, "ann", "acme", "Acme Corp"],
      [REPO.id, "bob", null, null],
      [OTHER.id, "bob", null, null],
    ]);
    await saveUserProfiles(
      store.db,
      [
        { login: "bob", userId: 2, type: "User", company: "@initech" },
        { login: "ann", userId: 1, type: "User", company: null },
      ],
      at(1),
    );
    expect((await members()).map((m) => [m.repositoryId, m.login, m.companyKey, m.company])).toEqual([
      [REPO.id, "ann", null, null],
      [REPO.id, "bob", "initech", "@initech"],
      [OTHER.id, "bob", "initech", "@initech"],
    ]);
  });

  it("keeps repositories apart and moves the watermark past other repositories' events", async () => {
    await store.db
      .insert(tablesOf(store.db).events)
      .values([event("ann", "star.created", 1), event("zed", "star.created", 1, { repositoryId: OTHER.id })]);
    await refreshMemberProjection(store.db, REPO.id);
    expect((await members()).map((m) => [m.repositoryId, m.login])).toEqual([[REPO.id, "ann"]]);
    const { events } = tablesOf(store.db);
    const [last] = await store.db.select({ id: events.id }).from(events).orderBy(desc(events.id)).limit(1);
    const lastId = last!.id;
    expect(await memberProjectionWatermark(store.db, REPO.id)).toBe(lastId);
    expect(await memberProjectionWatermark(store.db, OTHER.id)).toBe(0);
    await refreshMemberProjection(store.db, OTHER.id);
    expect((await members()).map((m) => [m.repositoryId, m.login])).toEqual([
      [REPO.id, "ann"],
      [OTHER.id, "zed"],
    ]);
  });

  it("is forgotten with its repository, and rebuilt from scratch if the repository returns", async () => {
    await store.db
      .insert(tablesOf(store.db).events)
      .values([event("ann", "star.created", 1), event("zed", "star.created", 1, { repositoryId: OTHER.id })]);
    await refreshMemberProjection(store.db, REPO.id);
    await refreshMemberProjection(store.db, OTHER.id);
    await forgetRepositories(store.db, [REPO.id]);
    expect((await members()).map((m) => m.repositoryId)).toEqual([OTHER.id]);
    const { companyCounts, memberCounts, projectionWatermarks } = tablesOf(store.db);
    expect((await store.db.select().from(projectionWatermarks)).map((w) => w.repositoryId)).toEqual([OTHER.id]);
    // The counters go with it, and are not left negative by the triggers firing on the deleted rows.
    expect(await store.db.select().from(memberCounts)).toEqual([{ repositoryId: OTHER.id, stargazers: 1, participants: 0 }]);
    expect(await store.db.select().from(companyCounts)).toEqual([]);
    expect(await memberProjectionWatermark(store.db, REPO.id)).toBe(0);
  });
});
