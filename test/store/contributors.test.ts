import { describe, expect, it } from "vitest";
import {
  countContributorsBefore,
  findContributor,
  listContributors,
  numberAllContributors,
  numberNewContributors,
  recordContribution,
} from "../../src/store/contributors.js";
import { createTestStore } from "../helpers/test-store.js";

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
  it("reports a login as new only on its first contribution, and keeps the earliest date", async () => {
    const { db } = await createTestStore();
    expect(await recordContribution(db, contribution("ana", 5))).toEqual({ isNew: true });
    expect(await recordContribution(db, contribution("ana", 9))).toEqual({ isNew: false });
    expect(await recordContribution(db, contribution("ana", 2, "backfill"))).toEqual({ isNew: false });
    const ana = await findContributor(db, 1, { login: "ana", id: null });
    expect(ana?.firstContributedAt).toEqual(at(2));
    expect(ana?.firstPullNumber).toBe(2);
  });

  it("numbers by first contribution, and later ones get the next numbers without renumbering", async () => {
    const { db } = await createTestStore();
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
    const { db } = await createTestStore();
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
    const { db } = await createTestStore();
    await recordContribution(db, contribution("bo", 2, "backfill"));
    expect(await recordContribution(db, { ...contribution("bo", 6), userId: 9 })).toEqual({ isNew: false });
    expect((await listContributors(db, 1)).map((c) => [c.login, c.userId, c.firstPullNumber])).toEqual([["bo", 9, 2]]);
  });
});
