import { count } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { LedgerEntry } from "../../src/domain/ledger.js";
import { toLedgerEntry } from "../../src/ingest/to-ledger-entry.js";
import { recordDelivery } from "../../src/store/ledger.js";
import { deliveries, events } from "../../src/store/schema.js";
import { examplePayload, forRepository } from "../helpers/webhook-examples.js";
import { createTestStore } from "../helpers/test-store.js";

const target = { installationId: 42, repositoryId: 1001, owner: "acme", name: "widget" };
const now = new Date("2026-11-23T10:00:00Z");

function starEntry(id: string, login: string): LedgerEntry {
  const payload = forRepository(examplePayload("star", "created"), target);
  payload.sender = { ...(payload.sender as object), login };
  return toLedgerEntry({ id, name: "star", payload, receivedAt: now });
}

const meta = (id: string) => ({ id, event: "star", action: "created", receivedAt: now });

describe("deliveries recorded in the same turn share one commit", () => {
  let store: Awaited<ReturnType<typeof createTestStore>>;
  beforeEach(async () => {
    store = await createTestStore();
  });
  afterEach(() => store.dispose());

  it("records each once, and a delivery id twice in one batch is fresh only once", async () => {
    const results = await Promise.all([
      recordDelivery(store.db, meta("d-1"), starEntry("d-1", "ann")),
      recordDelivery(store.db, meta("d-2"), starEntry("d-2", "bob")),
      recordDelivery(store.db, meta("d-1"), starEntry("d-1", "ann")),
    ]);
    expect(results).toEqual([true, true, false]);
    expect(store.db.select({ n: count() }).from(deliveries).get()?.n).toBe(2);
    expect(store.db.select({ n: count() }).from(events).get()?.n).toBe(2);
  });

  it("rolls back and rejects only the delivery that fails, and commits the others", async () => {
    const broken = starEntry("d-bad", "eve");
    // An event without a kind breaks a NOT NULL constraint half-way through the delivery's rows.
    broken.events = [{ ...broken.events[0]!, kind: null as unknown as string }];
    const results = await Promise.allSettled([
      recordDelivery(store.db, meta("d-1"), starEntry("d-1", "ann")),
      recordDelivery(store.db, meta("d-bad"), broken),
      recordDelivery(store.db, meta("d-2"), starEntry("d-2", "bob")),
    ]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    const ids = store.db
      .select({ id: deliveries.id })
      .from(deliveries)
      .all()
      .map((row) => row.id);
    expect(ids.sort()).toEqual(["d-1", "d-2"]);
    // The failed delivery left nothing behind, so a redelivery of it can still be recorded.
    expect(await recordDelivery(store.db, meta("d-bad"), starEntry("d-bad", "eve"))).toBe(true);
  });

  it("records more deliveries at once than one group holds, each once, in groups that follow each other", async () => {
    const ids = Array.from({ length: 75 }, (_, i) => `d-${i}`);
    const results = await Promise.all(ids.map((id, i) => recordDelivery(store.db, meta(id), starEntry(id, `user-${i}`))));
    expect(results.every(Boolean)).toBe(true);
    expect(store.db.select({ n: count() }).from(deliveries).get()?.n).toBe(75);
    expect(store.db.select({ n: count() }).from(events).get()?.n).toBe(75);
    expect(await recordDelivery(store.db, meta("d-74"), starEntry("d-74", "user-74"))).toBe(false);
  });

  it("rejects every delivery of a batch when the database cannot write", async () => {
    const pending = recordDelivery(store.db, meta("d-1"), starEntry("d-1", "ann"));
    store.db.$client.close();
    await expect(pending).rejects.toThrow();
  });
});
