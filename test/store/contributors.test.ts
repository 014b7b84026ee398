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
    const ana = await findContributor(db, 1, "ana");
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
});
