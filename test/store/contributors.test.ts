import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  countContributorsBefore,
  countReturningContributors,
  findContributor,
  isContributorHistoryKnown,
  listContributors,
  listNewContributors,
  numberAllContributors,
  numberNewContributors,
  recordContribution,
} from "../../src/store/contributors.js";
import { inTransaction, lockForTransaction, tablesOf } from "../../src/store/engine.js";
import { createTestStore, type TestStore } from "../helpers/test-store.js";

const at = (day: number) => new Date(Date.UTC(2026, 0, day));
const contribution = (login: string, day: number, source: "webhook" | "backfill" = "webhook") => ({
  repositoryId: 1,
  login,
  userId: null,
  at: at(day),
  pullNumber: day,
  source,
});

describe("contributors store", () => {
  let store: TestStore;
  let db: TestStore["db"];
  beforeEach(async () => {
    store = await createTestStore();
    db = store.db;
  });
  afterEach(() => store.dispose());

  it("reports a login as new only on its first contribution, and keeps the earliest date", async () => {
    expect(await recordContribution(db, contribution("ana", 5))).toEqual({ isNew: true });
    expect(await recordContribution(db, contribution("ana", 9))).toEqual({ isNew: false });
    expect(await recordContribution(db, contribution("ana", 2, "backfill"))).toEqual({ isNew: false });
    const ana = await findContributor(db, 1, { login: "ana", id: null });
    expect(ana?.firstContributedAt).toEqual(at(2));
    expect(ana?.firstPullNumber).toBe(2);
    expect(ana?.source).toBe("webhook");
    expect(await findContributor(db, 1, { login: "bo", id: null })).toBeUndefined();
  });

  it("numbers by first contribution, and later ones get the next numbers without renumbering", async () => {
    await recordContribution(db, contribution("cem", 3));
    await recordContribution(db, contribution("ana", 1, "backfill"));
    await recordContribution(db, contribution("bo", 2, "backfill"));
    await numberAllContributors(db, 1);
    await recordContribution(db, contribution("dia", 1));
    await numberNewContributors(db, 1);
    const numbers = Object.fromEntries((await listContributors(db, 1)).map((c) => [c.login, c.number]));
    expect(numbers).toEqual({ ana: 1, bo: 2, cem: 3, dia: 4 });
    expect(await countContributorsBefore(db, 1, at(3))).toBe(3);
  });

  it("is one contributor per account id: merges under two logins count once, named by the newest login", async () => {
    const merge = (login: string, day: number) => recordContribution(db, { ...contribution(login, day), userId: 7 });
    expect(await merge("ana", 3)).toEqual({ isNew: true });
    await numberAllContributors(db, 1);
    expect(await merge("ana-renamed", 8)).toEqual({ isNew: false });
    // A late delivery of an older merge under the old login neither renames her back nor counts again.
    expect(await merge("ana", 5)).toEqual({ isNew: false });
    await numberNewContributors(db, 1);
    expect((await listContributors(db, 1)).map((c) => [c.login, c.userId, c.number, c.firstPullNumber])).toEqual([["ana-renamed", 7, 1, 3]]);
    expect(await findContributor(db, 1, { login: "whatever-now", id: 7 })).toMatchObject({ login: "ana-renamed", number: 1 });
    expect(await countContributorsBefore(db, 1, at(9))).toBe(1);
  });

  it("gives a row kept by login (no id known) to the account that merges under that login", async () => {
    await recordContribution(db, contribution("bo", 2, "backfill"));
    expect(await recordContribution(db, { ...contribution("bo", 6), userId: 9 })).toEqual({ isNew: false });
    expect((await listContributors(db, 1)).map((c) => [c.login, c.userId, c.firstPullNumber])).toEqual([["bo", 9, 2]]);
  });

  it("numbers rows kept by id and by login alike, and renumbers all of them in order when asked", async () => {
    await recordContribution(db, { ...contribution("ana", 4), userId: 7 });
    await recordContribution(db, contribution("bo", 2));
    await recordContribution(db, { ...contribution("bo", 3), userId: 8, login: "bo" });
    await recordContribution(db, contribution("cem", 1));
    await numberNewContributors(db, 1);
    expect((await listContributors(db, 1)).map((c) => [c.login, c.userId, c.number])).toEqual([
      ["cem", null, 1],
      ["bo", 8, 2],
      ["ana", 7, 3],
    ]);
    // An earlier contribution learnt from backfill moves ana first; numbering all again follows it.
    await recordContribution(db, { ...contribution("ana", 0, "backfill"), userId: 7 });
    await numberAllContributors(db, 1);
    expect((await listContributors(db, 1)).map((c) => [c.login, c.number])).toEqual([
      ["ana", 1],
      ["cem", 2],
      ["bo", 3],
    ]);
  });

  it("gives unique, gap-free numbers when contributions are recorded and numbered at the same time", async () => {
    await recordContribution(db, contribution("first", 1));
    await numberAllContributors(db, 1);
    const logins = Array.from({ length: 16 }, (_, i) => `p${String(i).padStart(2, "0")}`);
    // As the merge handler does on every replica: record, then number whoever is still without one.
    await Promise.all(
      logins.map(async (login, i) => {
        await recordContribution(db, { ...contribution(login, 2 + i), userId: 100 + i });
        await numberNewContributors(db, 1);
      }),
    );
    await numberNewContributors(db, 1);
    const numbers = (await listContributors(db, 1)).map((c) => c.number);
    expect([...numbers].sort((a, b) => a! - b!)).toEqual(Array.from({ length: 17 }, (_, i) => i + 1));
  });

  it("numbers only after another transaction holding the repository's contributor lock ends", async () => {
    await recordContribution(db, contribution("ana", 1));
    let locked!: () => void;
    let release!: () => void;
    const isLocked = new Promise<void>((resolve) => {
      locked = resolve;
    });
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    // Another replica, in the middle of numbering: it holds the lock and has given no number yet.
    const holder = inTransaction(db, async (tx) => {
      await lockForTransaction(tx, "contributors:1");
      locked();
      await released;
    });
    await isLocked;
    const numbering = numberNewContributors(db, 1).then(() => "numbered");
    const recording = recordContribution(db, contribution("bo", 2)).then(() => "recorded");
    const waited = await Promise.race([numbering, recording, new Promise((resolve) => setTimeout(() => resolve("waiting"), 300))]);
    expect(waited).toBe("waiting");
    release();
    await holder;
    expect([await numbering, await recording]).toEqual(["numbered", "recorded"]);
    await numberNewContributors(db, 1);
    expect((await listContributors(db, 1)).map((c) => [c.login, c.number])).toEqual([
      ["ana", 1],
      ["bo", 2],
    ]);
  });

  it("knows the contributors' history once their backfill is done, and by when", async () => {
    const { backfillState } = tablesOf(db);
    expect(await isContributorHistoryKnown(db, 1)).toBe(false);
    const row = { repositoryId: 1, kind: "contributors", status: "running" as const, updatedAt: at(3) };
    await db.insert(backfillState).values(row);
    expect(await isContributorHistoryKnown(db, 1)).toBe(false);
    await db.update(backfillState).set({ status: "done", finishedAt: at(5) });
    expect(await isContributorHistoryKnown(db, 1)).toBe(true);
    expect(await isContributorHistoryKnown(db, 1, at(5))).toBe(true);
    expect(await isContributorHistoryKnown(db, 1, at(4))).toBe(false);
    expect(await isContributorHistoryKnown(db, 2)).toBe(false);
  });

  it("lists the contributors who first contributed in a period, in order", async () => {
    for (const [login, day] of [
      ["cem", 9],
      ["ana", 3],
      ["bo", 5],
      ["dia", 5],
      ["eli", 1],
    ] as const)
      await recordContribution(db, contribution(login, day));
    await recordContribution(db, { ...contribution("fay", 4), repositoryId: 2 });
    expect((await listNewContributors(db, 1, at(3), at(9))).map((c) => [c.login, c.firstContributedAt])).toEqual([
      ["ana", at(3)],
      ["bo", at(5)],
      ["dia", at(5)],
    ]);
  });

  it("counts returning contributors once per person, whatever login they merged under", async () => {
    const { events } = tablesOf(db);
    await recordContribution(db, { ...contribution("ana", 1), userId: 7 });
    await recordContribution(db, contribution("bo", 2));
    await recordContribution(db, contribution("cem", 12));
    let n = 0;
    const merged = (login: string, actorId: number | null, day: number, kind = "pull_request.merged") => ({
      repositoryId: 1,
      naturalKey: `m${n++}`,
      kind,
      actorLogin: login,
      actorId,
      actorType: "User",
      itemNumber: 100 + n,
      isPull: true,
      occurredAt: at(day),
    });
    await db
      .insert(events)
      .values([
        merged("ana", 7, 10),
        merged("ana-renamed", 7, 11),
        merged("bo", null, 12),
        merged("BO", null, 13),
        merged("cem", null, 12),
        merged("bo", null, 20),
        merged("bo", null, 11, "pull_request.opened"),
      ]);
    // ana twice under two logins, bo once by his login; cem first contributed in the period; "BO" is no known row.
    expect(await countReturningContributors(db, 1, at(10), at(20))).toBe(2);
    expect(await countReturningContributors(db, 1, at(12), at(20))).toBe(1);
    expect(await countReturningContributors(db, 2, at(10), at(20))).toBe(0);
  });
});
