import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { forgetRepositories, registerInstallation } from "../../src/store/installations.js";
import { memberProjectionWatermark, refreshMemberProjection } from "../../src/store/member-projection.js";
import { communityMembers, events, projectionWatermarks } from "../../src/store/schema.js";
import { createTestStore } from "../helpers/test-store.js";

const REPO = { id: 10, installationId: 1, owner: "acme", name: "widget", fullName: "acme/widget", private: false };
const OTHER = { ...REPO, id: 11, name: "gadget", fullName: "acme/gadget" };
const DAY = 24 * 60 * 60_000;
const T0 = Date.parse("2026-01-01T00:00:00Z");

let seq = 0;
function event(login: string, kind: string, day: number, extra: { association?: string; actorType?: string; repositoryId?: number } = {}) {
  return {
    repositoryId: extra.repositoryId ?? REPO.id,
    naturalKey: `k${seq++}`,
    kind,
    actorLogin: login,
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

  const members = () =>
    store.db
      .select()
      .from(communityMembers)
      .all()
      .sort((a, b) => a.repositoryId - b.repositoryId || a.login.localeCompare(b.login));

  it("folds stars, unstars, forks, participation, maintainers and activity into one row per user", async () => {
    store.db.insert(events).values([
      event("ann", "star.created", 1),
      event("ann", "star.deleted", 3),
      event("ann", "star.created", 5),
      event("ann", "issue_comment.created", 4, { association: "NONE" }),
      event("bob", "fork.created", 2),
      event("bob", "issues.labeled", 9, { association: "MEMBER" }),
      event("app", "pull_request.opened", 6, { actorType: "Bot" }),
    ]).run();
    expect(await refreshMemberProjection(store.db, REPO.id)).toBe(7);
    expect(members()).toEqual([
      {
        repositoryId: REPO.id, login: "ann", actorType: "User", maintainerSeen: false,
        firstStarredAt: at(1), lastStarredAt: at(5), lastUnstarredAt: at(3), firstForkedAt: null,
        firstParticipatedAt: at(4), firstActiveAt: at(1), lastActiveAt: at(5),
      },
      {
        repositoryId: REPO.id, login: "app", actorType: "Bot", maintainerSeen: false,
        firstStarredAt: null, lastStarredAt: null, lastUnstarredAt: null, firstForkedAt: null,
        firstParticipatedAt: at(6), firstActiveAt: at(6), lastActiveAt: at(6),
      },
      {
        repositoryId: REPO.id, login: "bob", actorType: "User", maintainerSeen: true,
        firstStarredAt: null, lastStarredAt: null, lastUnstarredAt: null, firstForkedAt: at(2),
        firstParticipatedAt: null, firstActiveAt: at(2), lastActiveAt: at(9),
      },
    ]);
  });

  it("reads only what was stored since the last refresh, and a second run changes nothing", async () => {
    store.db.insert(events).values([event("ann", "star.created", 1), event("bob", "star.created", 2)]).run();
    expect(await refreshMemberProjection(store.db, REPO.id)).toBe(2);
    const once = members();
    expect(await refreshMemberProjection(store.db, REPO.id)).toBe(0);
    expect(members()).toEqual(once);
    store.db.insert(events).values([event("cat", "issues.opened", 3)]).run();
    expect(await refreshMemberProjection(store.db, REPO.id)).toBe(1);
    expect(members().map((m) => m.login)).toEqual(["ann", "bob", "cat"]);
  });

  it("takes a backfill's older facts, stored after newer ones, as the firsts", async () => {
    store.db.insert(events).values([event("ann", "star.created", 20), event("ann", "issue_comment.created", 21), event("ann", "star.deleted", 22)]).run();
    await refreshMemberProjection(store.db, REPO.id);
    store.db.insert(events).values([event("ann", "star.created", 2), event("ann", "issues.opened", 3, { association: "COLLABORATOR" }), event("ann", "star.deleted", 1)]).run();
    await refreshMemberProjection(store.db, REPO.id);
    expect(members()).toMatchObject([
      {
        login: "ann", maintainerSeen: true, firstStarredAt: at(2), lastStarredAt: at(20), lastUnstarredAt: at(22),
        firstParticipatedAt: at(3), firstActiveAt: at(1), lastActiveAt: at(22),
      },
    ]);
  });

  it("gives the same rows whatever the batch size, the insertion order and the refresh points", async () => {
    const kinds = ["star.created", "star.deleted", "fork.created", "issues.opened", "issue_comment.created", "issues.closed", "pull_request_review.submitted"];
    const associations = [null, "NONE", "CONTRIBUTOR", "OWNER"];
    let state = 7;
    const next = (n: number) => {
      state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
      return Math.floor(state / 65_536) % n;
    };
    const facts = Array.from({ length: 300 }, () =>
      event(`u${next(12)}`, kinds[next(kinds.length)]!, next(60), { association: associations[next(associations.length)] ?? undefined, repositoryId: next(5) === 0 ? OTHER.id : REPO.id }),
    );
    const inOneGo = await createTestStore();
    try {
      inOneGo.db.insert(events).values(facts).run();
      await refreshMemberProjection(inOneGo.db, REPO.id);
      const expected = inOneGo.db.select().from(communityMembers).all().sort((a, b) => a.login.localeCompare(b.login));
      const shuffled = [...facts];
      for (let i = shuffled.length - 1; i > 0; i--) {
        const j = next(i + 1);
        [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
      }
      for (let i = 0; i < shuffled.length; i += 37) {
        store.db.insert(events).values(shuffled.slice(i, i + 37)).run();
        if (next(2) === 0) await refreshMemberProjection(store.db, REPO.id, 5);
      }
      await refreshMemberProjection(store.db, REPO.id, 5);
      expect(members()).toEqual(expected);
      expect(expected.length).toBeGreaterThan(5);
    } finally {
      inOneGo.dispose();
    }
  });

  it("keeps repositories apart and moves the watermark past other repositories' events", async () => {
    store.db.insert(events).values([event("ann", "star.created", 1), event("zed", "star.created", 1, { repositoryId: OTHER.id })]).run();
    await refreshMemberProjection(store.db, REPO.id);
    expect(members().map((m) => [m.repositoryId, m.login])).toEqual([[REPO.id, "ann"]]);
    const lastId = store.db.select().from(events).all().at(-1)!.id;
    expect(await memberProjectionWatermark(store.db, REPO.id)).toBe(lastId);
    expect(await memberProjectionWatermark(store.db, OTHER.id)).toBe(0);
    await refreshMemberProjection(store.db, OTHER.id);
    expect(members().map((m) => [m.repositoryId, m.login])).toEqual([[REPO.id, "ann"], [OTHER.id, "zed"]]);
  });

  it("is forgotten with its repository, and rebuilt from scratch if the repository returns", async () => {
    store.db.insert(events).values([event("ann", "star.created", 1), event("zed", "star.created", 1, { repositoryId: OTHER.id })]).run();
    await refreshMemberProjection(store.db, REPO.id);
    await refreshMemberProjection(store.db, OTHER.id);
    await forgetRepositories(store.db, [REPO.id]);
    expect(members().map((m) => m.repositoryId)).toEqual([OTHER.id]);
    expect(store.db.select().from(projectionWatermarks).all().map((w) => w.repositoryId)).toEqual([OTHER.id]);
    expect(await memberProjectionWatermark(store.db, REPO.id)).toBe(0);
  });
});
