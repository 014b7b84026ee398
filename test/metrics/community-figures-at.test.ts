import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { stewardConfigSchema } from "../../src/config/schema.js";
import type { RepositoryRecord } from "../../src/domain/repository.js";
import { collectCommunityFigures } from "../../src/metrics/collect-community-figures.js";
import { events } from "../../src/store/schema.js";
import { createTestStore } from "../helpers/test-store.js";

const repository: RepositoryRecord = { id: 10, installationId: 1, owner: "acme", name: "widget", fullName: "acme/widget", private: false };
const config = stewardConfigSchema.parse({});
const day = (n: number) => new Date(Date.UTC(2026, 10, n));
const WEEK = { start: day(23), end: day(30) };

describe("community figures from the facts known at the end of the week", () => {
  let store: Awaited<ReturnType<typeof createTestStore>>;
  let seq = 0;
  beforeEach(async () => {
    store = await createTestStore();
  });
  afterEach(() => store.dispose());

  /** A star without a stated total, as the history backfill stores it. */
  const star = (login: string, at: Date) =>
    store.db
      .insert(events)
      .values({
        repositoryId: repository.id,
        naturalKey: `s${seq++}`,
        kind: "star.created",
        actorLogin: login,
        actorType: "User",
        association: null,
        occurredAt: at,
      })
      .run();

  it("counts the ledger's stars up to the end when no total was ever read, not the stars given since", async () => {
    star("ann", day(2));
    star("bob", day(24));
    const published = await collectCommunityFigures(store.db, repository, WEEK, new Date(day(30).getTime() + 9 * 3_600_000), config);
    expect(published.stars).toEqual({ now: 2, before: 1 });
    star("cat", day(31));
    star("dan", day(33));
    const again = await collectCommunityFigures(store.db, repository, WEEK, new Date(day(30).getTime() + 9 * 3_600_000), config);
    expect(again.stars).toEqual(published.stars);
    expect(again.series).toEqual(published.series);
  });
});
