import { describe, expect, it } from "vitest";
import { tablesOf } from "../../src/store/engine.js";
import { findUserProfile, isProfileStale, saveUserProfiles } from "../../src/store/user-profiles.js";
import { useTestStore } from "../helpers/test-store.js";

const at = (day: number) => new Date(Date.UTC(2026, 0, day));
const DAY = 24 * 60 * 60_000;

describe("user profiles store", () => {
  const store = useTestStore();

  it("keeps one profile per account, the latest saved, with its company key; none without an id", async () => {
    const { db } = store;
    await saveUserProfiles(
      db,
      [
        { login: "zed", userId: 9, type: "User", company: "Zed Co" },
        { login: "ann", userId: 7, type: "User", company: "Acme, Inc." },
        { login: "ghost", userId: null, type: "User", company: "Nowhere" },
      ],
      at(1),
    );
    expect(await findUserProfile(db, 7)).toEqual({
      login: "ann",
      userId: 7,
      type: "User",
      company: "Acme, Inc.",
      companyKey: "acme",
      fetchedAt: at(1),
    });
    // The same account twice in one save: the later one wins.
    await saveUserProfiles(
      db,
      [
        { login: "ann-renamed", userId: 7, type: "User", company: "Bolt" },
        { login: "ann-renamed", userId: 7, type: "User", company: null },
      ],
      at(5),
    );
    expect(await findUserProfile(db, 7)).toEqual({
      login: "ann-renamed",
      userId: 7,
      type: "User",
      company: null,
      companyKey: null,
      fetchedAt: at(5),
    });
    expect((await findUserProfile(db, 9))?.companyKey).toBe("zed");
    expect(await findUserProfile(db, 8)).toBeUndefined();
    expect(await db.select().from(tablesOf(db).userProfiles)).toHaveLength(2);
  });

  it("brings a saved company to the account's member rows in the repositories served", async () => {
    const { db } = store;
    const { communityMembers, repositories } = tablesOf(db);
    await db.insert(repositories).values({ id: 1, installationId: 1, owner: "acme", name: "w", fullName: "acme/w", registeredAt: at(0) });
    const member = (repositoryId: number, userId: number) => ({
      repositoryId,
      userId,
      login: `u${userId}`,
      actorType: "User",
      maintainerSeen: false,
      firstActiveAt: at(1),
      lastActiveAt: at(1),
    });
    await db.insert(communityMembers).values([member(1, 7), member(1, 8)]);
    await saveUserProfiles(db, [{ login: "u7", userId: 7, type: "User", company: "Acme Corp" }], at(2));
    const companies = async () =>
      (await db.select().from(communityMembers).orderBy(communityMembers.userId)).map((m) => [m.userId, m.companyKey, m.company]);
    expect(await companies()).toEqual([
      [7, "acme", "Acme Corp"],
      [8, null, null],
    ]);
    await saveUserProfiles(db, [{ login: "u7", userId: 7, type: "User", company: "" }], at(3));
    expect(await companies()).toEqual([
      [7, null, null],
      [8, null, null],
    ]);
  });

  it("calls a profile stale when missing or fetched longer ago than the age allowed", async () => {
    const { db } = store;
    await saveUserProfiles(db, [{ login: "ann", userId: 7, type: "User", company: null }], at(1));
    expect(await isProfileStale(db, 7, at(10), 30 * DAY)).toBe(false);
    expect(await isProfileStale(db, 7, new Date(at(1).getTime() + 30 * DAY - 1), 30 * DAY)).toBe(false);
    expect(await isProfileStale(db, 7, new Date(at(1).getTime() + 30 * DAY), 30 * DAY)).toBe(true);
    expect(await isProfileStale(db, 8, at(1), 30 * DAY)).toBe(true);
  });
});
