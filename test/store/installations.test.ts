import { count, eq, getTableName, is, Table } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { RepositoryRecord } from "../../src/domain/repository.js";
import { saveConfigStatus } from "../../src/store/config-status.js";
import { saveDailyMetrics } from "../../src/store/daily-metrics.js";
import type { DB } from "../../src/store/db.js";
import { saveDigest } from "../../src/store/digests.js";
import { type Tables, tablesOf } from "../../src/store/engine.js";
import {
  findRepository,
  forgetInstallation,
  forgetRepositories,
  isKnownInstallation,
  listActiveRepositories,
  listRepositories,
  registerInstallation,
  repositoryById,
  serveRepository,
} from "../../src/store/installations.js";
import { saveRepositoryFacts } from "../../src/store/repository-facts.js";
import { createTestStore, type TestStore } from "../helpers/test-store.js";

const NOW = new Date("2026-11-23T10:00:00Z");
const ACME = { id: 42, accountLogin: "acme", accountType: "Organization" };
const repo = (id: number, fullName: string, installationId = 42, isPrivate = false): RepositoryRecord => {
  const [owner = "", name = ""] = fullName.split("/");
  return { id, installationId, owner, name, fullName, private: isPrivate };
};

/** Rows that name the repository, per table, from every table with a `repository_id`: a new table is never missed. */
async function rowsOfRepository(db: DB, repositoryId: number): Promise<Record<string, number>> {
  const found: Record<string, number> = {};
  for (const value of Object.values(tablesOf(db))) {
    if (!is(value, Table) || !("repositoryId" in value)) continue;
    // Typed as one such table: the query reads only `repository_id`, which each of them has.
    const table = value as unknown as Tables["events"];
    const [row] = await db.select({ n: count() }).from(table).where(eq(table.repositoryId, repositoryId));
    if (row && row.n > 0) found[getTableName(table)] = row.n;
  }
  return found;
}

/** A fact of the ledger, written directly: these tests are about removal, not ingestion. */
async function addEvent(db: DB, repositoryId: number, key: string, actorId: number) {
  const { events } = tablesOf(db);
  await db.insert(events).values({
    repositoryId,
    naturalKey: key,
    kind: "issues.opened",
    actorLogin: `user${actorId}`,
    actorId,
    actorType: "User",
    itemNumber: 1,
    isPull: false,
    occurredAt: NOW,
    data: { note: key },
  });
}

async function profileIds(db: DB): Promise<number[]> {
  const { userProfiles } = tablesOf(db);
  const rows = await db.select({ id: userProfiles.userId }).from(userProfiles).orderBy(userProfiles.userId);
  return rows.map((r) => r.id ?? -1);
}

describe("installations and the repositories they grant", () => {
  let store: TestStore;
  beforeEach(async () => {
    store = await createTestStore();
    await registerInstallation(store.db, ACME, [repo(1001, "acme/widget"), repo(2002, "acme/Gadget", 42, true)], NOW);
  });
  afterEach(() => store.dispose());

  it("registers an installation once, refreshing its account and its repositories when announced again", async () => {
    expect(await isKnownInstallation(store.db, 42)).toBe(true);
    expect(await isKnownInstallation(store.db, 43)).toBe(false);
    await registerInstallation(store.db, { ...ACME, accountLogin: "acme-renamed" }, [repo(1001, "acme-renamed/widget", 42, true)], NOW);
    expect(await repositoryById(store.db, 1001)).toEqual(repo(1001, "acme-renamed/widget", 42, true));
    const { installations } = tablesOf(store.db);
    expect(await store.db.select({ login: installations.accountLogin }).from(installations)).toEqual([{ login: "acme-renamed" }]);
  });

  it("finds a repository by name whatever its case, and by id", async () => {
    expect(await findRepository(store.db, "ACME/gadget")).toEqual(repo(2002, "acme/Gadget", 42, true));
    expect(await findRepository(store.db, "acme/nothing")).toBeUndefined();
    expect(await repositoryById(store.db, 1001)).toEqual(repo(1001, "acme/widget"));
    expect(await repositoryById(store.db, 9)).toBeUndefined();
    expect((await listRepositories(store.db)).map((r) => r.fullName)).toEqual(["acme/Gadget", "acme/widget"]);
  });

  it("gives a name to the repository that holds it now: the stale row that had it is dropped", async () => {
    await registerInstallation(store.db, ACME, [repo(3003, "acme/widget")], NOW);
    expect(await repositoryById(store.db, 1001)).toBeUndefined();
    expect((await findRepository(store.db, "acme/widget"))?.id).toBe(3003);
  });

  it("serves one more repository of a known installation, and none of an unknown one", async () => {
    expect(await serveRepository(store.db, repo(4004, "acme/new"), NOW)).toBe(true);
    expect((await findRepository(store.db, "acme/new"))?.id).toBe(4004);
    expect(await serveRepository(store.db, repo(5005, "stranger/new", 99), NOW)).toBe(false);
    expect(await repositoryById(store.db, 5005)).toBeUndefined();
  });

  it("counts a repository whose installation row is missing as active", async () => {
    const { repositories } = tablesOf(store.db);
    await store.db.insert(repositories).values({ ...repo(6006, "orphan/lib", 77), registeredAt: NOW });
    expect((await listActiveRepositories(store.db)).map((r) => r.fullName)).toEqual(["acme/Gadget", "acme/widget", "orphan/lib"]);
  });
});

describe("removing repositories", () => {
  let store: TestStore;
  beforeEach(async () => {
    store = await createTestStore();
    await registerInstallation(store.db, ACME, [repo(1001, "acme/widget"), repo(2002, "acme/gadget")], NOW);
    const { communityMembers, deliveries, items, sideEffects, userProfiles } = tablesOf(store.db);
    for (const id of [1001, 2002]) {
      await addEvent(store.db, id, `shared-${id}`, 7);
      await addEvent(store.db, id, `own-${id}`, id);
      await store.db
        .insert(deliveries)
        .values({ id: `d-${id}`, event: "issues", action: "opened", repositoryId: id, installationId: 42, receivedAt: NOW });
      await store.db.insert(items).values({
        repositoryId: id,
        number: 1,
        isPull: false,
        title: "t",
        authorLogin: "user7",
        authorType: "User",
        authorAssociation: "NONE",
        state: "open",
        createdAt: NOW,
        updatedAt: NOW,
      });
      await store.db.insert(sideEffects).values({ repositoryId: id, kind: "welcome.first-issue", subject: "#1", state: "done", claimedAt: NOW });
      // A stargazer: the triggers count it in member_counts, which must go with the repository too.
      await store.db.insert(communityMembers).values({
        repositoryId: id,
        userId: 7,
        login: "user7",
        actorType: "User",
        maintainerSeen: false,
        firstStarredAt: NOW,
        lastStarredAt: NOW,
        firstActiveAt: NOW,
        lastActiveAt: NOW,
        community: true,
        starred: true,
      });
      await saveConfigStatus(store.db, id, [], NOW);
      await saveDailyMetrics(store.db, id, "2026-11-23", { stars: 1 });
      await saveDigest(store.db, { repositoryId: id, week: "2026-W48", issueNumber: 5, issueUrl: "u", figures: {}, publishedAt: NOW });
      await saveRepositoryFacts(store.db, id, { stars: 1 }, NOW);
    }
    for (const userId of [7, 1001, 2002]) {
      await store.db.insert(userProfiles).values({ login: `user${userId}`, userId, company: "Acme", fetchedAt: NOW });
    }
  });
  afterEach(() => store.dispose());

  it("leaves no row of a removed repository in any table, and keeps the other's", async () => {
    const before = await rowsOfRepository(store.db, 1001);
    expect(before).toMatchObject({ events: 2, items: 1, deliveries: 1, side_effects: 1, community_members: 1, member_counts: 1, digests: 1 });
    await forgetRepositories(store.db, [1001]);
    expect(await rowsOfRepository(store.db, 1001)).toEqual({});
    expect(await rowsOfRepository(store.db, 2002)).toEqual(before);
    expect(await repositoryById(store.db, 2002)).toBeDefined();
  });

  it("drops the profiles of people only the removed repository knew", async () => {
    await forgetRepositories(store.db, [1001]);
    expect(await profileIds(store.db)).toEqual([7, 2002]);
  });

  it("removes an installation with every repository it granted and its deliveries", async () => {
    const { deliveries, installations } = tablesOf(store.db);
    await store.db.insert(deliveries).values({ id: "install", event: "installation", action: "created", installationId: 42, receivedAt: NOW });
    await forgetInstallation(store.db, 42);
    expect(await rowsOfRepository(store.db, 1001)).toEqual({});
    expect(await rowsOfRepository(store.db, 2002)).toEqual({});
    expect(await listRepositories(store.db)).toEqual([]);
    expect(await store.db.select().from(installations)).toEqual([]);
    expect(await store.db.select().from(deliveries)).toEqual([]);
    expect(await isKnownInstallation(store.db, 42)).toBe(false);
    expect(await profileIds(store.db)).toEqual([]);
  });
});
