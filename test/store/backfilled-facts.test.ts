import { asc, count, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ItemSnapshot, LedgerEvent } from "../../src/domain/ledger.js";
import { recordBackfilledFacts } from "../../src/store/backfilled-facts.js";
import { tablesOf } from "../../src/store/engine.js";
import { createTestStore } from "../helpers/test-store.js";

const repositoryId = 1001;
const at = (day: number) => new Date(Date.UTC(2026, 0, day));

function star(n: number, login = `user-${n}`, userId: number | null = 10_000 + n, day = 1): LedgerEvent {
  return {
    naturalKey: `star:${userId ?? login}:${n}`,
    kind: "star.created",
    actorLogin: login,
    actorId: userId,
    actorType: "User",
    association: null,
    itemNumber: null,
    isPull: null,
    occurredAt: at(day),
    data: n % 2 === 0 ? { starredAt: at(day).toISOString() } : null,
  };
}

function issue(number: number, state: "open" | "closed", updatedDay: number): ItemSnapshot {
  return {
    number,
    isPull: true,
    title: `PR ${number} (${state})`,
    authorLogin: "ann",
    authorId: 7,
    authorType: "User",
    authorAssociation: "CONTRIBUTOR",
    state,
    draft: true,
    locked: false,
    labels: ["bug"],
    assignees: ["bob"],
    createdAt: at(1),
    updatedAt: at(updatedDay),
    closedAt: state === "closed" ? at(updatedDay) : null,
    mergedAt: null,
  };
}

describe("backfilled facts", () => {
  let store: Awaited<ReturnType<typeof createTestStore>>;
  beforeEach(async () => {
    store = await createTestStore();
  });
  afterEach(() => store.dispose());

  it("stores each fact once, across batches, and counts only the new ones", async () => {
    // More rows than one transaction holds: the count must add up over the batches.
    const events = Array.from({ length: 1_300 }, (_, i) => star(i));
    expect(await recordBackfilledFacts(store.db, repositoryId, { events, items: [] })).toBe(1_300);
    expect(await recordBackfilledFacts(store.db, repositoryId, { events: [...events.slice(0, 5), star(5_000)], items: [] })).toBe(1);
    const { events: table } = tablesOf(store.db);
    const [row] = await store.db.select({ n: count() }).from(table);
    expect(row?.n).toBe(1_301);
    const [second] = await store.db.select().from(table).where(eq(table.naturalKey, events[2]!.naturalKey));
    expect(second).toMatchObject({ deliveryId: null, kind: "star.created", actorId: 10_002, isPull: null, occurredAt: at(1) });
    expect(second?.data).toEqual({ starredAt: at(1).toISOString() });
  });

  it("keeps the newest snapshot of an item, whatever order they come in", async () => {
    await recordBackfilledFacts(store.db, repositoryId, { events: [], items: [issue(3, "closed", 9)] });
    await recordBackfilledFacts(store.db, repositoryId, { events: [], items: [issue(3, "open", 2), issue(4, "open", 2)] });
    const { items } = tablesOf(store.db);
    const rows = await store.db.select().from(items).orderBy(asc(items.number));
    expect(rows).toEqual([
      expect.objectContaining({
        number: 3,
        state: "closed",
        isPull: true,
        draft: true,
        locked: false,
        labels: ["bug"],
        assignees: ["bob"],
        closedAt: at(9),
      }),
      expect.objectContaining({ number: 4, state: "open", closedAt: null }),
    ]);
  });

  it("puts a newer login on a known contributor, and never an older one", async () => {
    const { contributors } = tablesOf(store.db);
    await store.db
      .insert(contributors)
      .values({ repositoryId, login: "old-name", userId: 77, loginSeenAt: at(5), firstContributedAt: at(1), source: "backfill" });
    await recordBackfilledFacts(store.db, repositoryId, { events: [star(1, "older-name", 77, 3)], items: [] });
    expect((await store.db.select({ login: contributors.login }).from(contributors))[0]?.login).toBe("old-name");
    await recordBackfilledFacts(store.db, repositoryId, { events: [star(2, "new-name", 77, 8)], items: [] });
    const [row] = await store.db.select({ login: contributors.login, seen: contributors.loginSeenAt }).from(contributors);
    expect(row).toEqual({ login: "new-name", seen: at(8) });
  });
});
