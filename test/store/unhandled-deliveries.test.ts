import { asc } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { tablesOf } from "../../src/store/engine.js";
import { findUnhandledDelivery, listUnhandledDeliveries, markDeliveryHandled, noteHandlingFailure } from "../../src/store/unhandled-deliveries.js";
import { createTestStore } from "../helpers/test-store.js";

const at = (minute: number) => new Date(Date.UTC(2026, 10, 23, 10, minute));

describe("unhandled deliveries", () => {
  let store: Awaited<ReturnType<typeof createTestStore>>;
  beforeEach(async () => {
    store = await createTestStore();
    const { unhandledDeliveries } = tablesOf(store.db);
    await store.db.insert(unhandledDeliveries).values(
      [3, 1, 2, 4].map((minute) => ({
        id: `d-${minute}`,
        event: "issues",
        installationId: minute === 4 ? null : 42,
        repositoryId: 1001,
        payload: JSON.stringify({ action: "opened", minute }),
        receivedAt: at(minute),
      })),
    );
  });
  afterEach(() => store.dispose());

  it("finds one by id, with its payload parsed", async () => {
    expect(await findUnhandledDelivery(store.db, "d-2")).toEqual({
      id: "d-2",
      event: "issues",
      installationId: 42,
      repositoryId: 1001,
      payload: { action: "opened", minute: 2 },
      receivedAt: at(2),
      attempts: 0,
      lastError: null,
    });
    expect(await findUnhandledDelivery(store.db, "d-9")).toBeUndefined();
  });

  it("lists the oldest received before a time, at most `limit`", async () => {
    expect((await listUnhandledDeliveries(store.db, at(4), 10)).map((d) => d.id)).toEqual(["d-1", "d-2", "d-3"]);
    expect((await listUnhandledDeliveries(store.db, at(4), 2)).map((d) => d.id)).toEqual(["d-1", "d-2"]);
  });

  it("counts failures and keeps the latest reason, cut to 500 characters", async () => {
    await noteHandlingFailure(store.db, "d-1", "first");
    await noteHandlingFailure(store.db, "d-1", "x".repeat(600));
    expect(await findUnhandledDelivery(store.db, "d-1")).toMatchObject({ attempts: 2, lastError: "x".repeat(500) });
    expect(await findUnhandledDelivery(store.db, "d-2")).toMatchObject({ attempts: 0, lastError: null });
  });

  it("forgets the deliveries handled in one turn together, and only those", async () => {
    await Promise.all([markDeliveryHandled(store.db, "d-1"), markDeliveryHandled(store.db, "d-3")]);
    await markDeliveryHandled(store.db, "d-4");
    const { unhandledDeliveries } = tablesOf(store.db);
    const left = await store.db.select({ id: unhandledDeliveries.id }).from(unhandledDeliveries).orderBy(asc(unhandledDeliveries.id));
    expect(left.map((row) => row.id)).toEqual(["d-2"]);
  });
});
