import { count } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { LedgerEntry } from "../../src/domain/ledger.js";
import { toLedgerEntry } from "../../src/ingest/to-ledger-entry.js";
import { registerInstallation } from "../../src/store/installations.js";
import { recordDelivery } from "../../src/store/ledger.js";
import { deliveries, events, unhandledDeliveries } from "../../src/store/schema.js";
import { examplePayload, forRepository } from "../helpers/webhook-examples.js";
import { createSqliteTestStore } from "../helpers/test-store.js";

// SQLite's group commit: deliveries of one turn share better-sqlite3's transaction, one savepoint
// each, and are answered in the order they came. PostgreSQL has no group commit (a transaction per
// delivery), so this file runs on SQLite only (vitest.config.ts); test/store/ledger.test.ts holds
// what both engines must do with deliveries recorded at once.

const target = { installationId: 42, repositoryId: 1001, owner: "acme", name: "widget" };
const now = new Date("2026-11-23T10:00:00Z");

function starEntry(id: string, login: string): LedgerEntry {
  const payload = forRepository(examplePayload("star", "created"), target);
  // One account per login: a star is keyed by its account and time.
  payload.sender = { ...(payload.sender as object), login, id: 1000 + [...login].reduce((sum, c) => sum * 31 + c.charCodeAt(0), 0) };
  return toLedgerEntry({ id, name: "star", payload, receivedAt: now });
}

const meta = (id: string) => ({ id, event: "star", action: "created", receivedAt: now, payload: "{}" });

describe("deliveries recorded in the same turn share one commit", () => {
  let store: Awaited<ReturnType<typeof createSqliteTestStore>>;
  beforeEach(async () => {
    store = await createSqliteTestStore();
    const repo = {
      id: target.repositoryId,
      installationId: target.installationId,
      owner: "acme",
      name: "widget",
      fullName: "acme/widget",
      private: false,
    };
    await registerInstallation(store.db, { id: target.installationId, accountLogin: "acme", accountType: "Organization" }, [repo], now);
  });
  afterEach(() => store.dispose());

  it("records each once, and a delivery id twice in one batch is fresh only once", async () => {
    const results = await Promise.all([
      recordDelivery(store.db, meta("d-1"), starEntry("d-1", "ann")),
      recordDelivery(store.db, meta("d-2"), starEntry("d-2", "bob")),
      recordDelivery(store.db, meta("d-1"), starEntry("d-1", "ann")),
    ]);
    expect(results).toEqual(["fresh", "fresh", "duplicate"]);
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
    expect(await recordDelivery(store.db, meta("d-bad"), starEntry("d-bad", "eve"))).toBe("fresh");
  });

  it("records more deliveries at once than one group holds, each once, in groups that follow each other", async () => {
    const ids = Array.from({ length: 75 }, (_, i) => `d-${i}`);
    const results = await Promise.all(ids.map((id, i) => recordDelivery(store.db, meta(id), starEntry(id, `user-${i}`))));
    expect(results.every((outcome) => outcome === "fresh")).toBe(true);
    expect(store.db.select({ n: count() }).from(deliveries).get()?.n).toBe(75);
    expect(store.db.select({ n: count() }).from(events).get()?.n).toBe(75);
    expect(await recordDelivery(store.db, meta("d-74"), starEntry("d-74", "user-74"))).toBe("duplicate");
  });

  it("rejects every delivery of a batch when the database cannot write", async () => {
    const pending = recordDelivery(store.db, meta("d-1"), starEntry("d-1", "ann"));
    store.sqlite.close();
    await expect(pending).rejects.toThrow();
  });

  it("keeps each fresh delivery's payload until its features ran", async () => {
    await recordDelivery(store.db, { ...meta("d-1"), payload: '{"action":"created"}' }, starEntry("d-1", "ann"));
    expect(
      store.db
        .select()
        .from(unhandledDeliveries)
        .all()
        .map((row) => [row.id, row.payload, row.repositoryId]),
    ).toEqual([["d-1", '{"action":"created"}', target.repositoryId]]);
  });

  it("stores nothing for a repository Steward does not serve", async () => {
    const elsewhere = { ...target, repositoryId: 999, name: "other" };
    const payload = forRepository(examplePayload("star", "created"), elsewhere);
    const entry = toLedgerEntry({ id: "d-x", name: "star", payload, receivedAt: now });
    expect(await recordDelivery(store.db, meta("d-x"), entry)).toBe("not-served");
    expect(store.db.select({ n: count() }).from(deliveries).get()?.n).toBe(0);
    expect(store.db.select({ n: count() }).from(events).get()?.n).toBe(0);
    expect(store.db.select({ n: count() }).from(unhandledDeliveries).get()?.n).toBe(0);
  });
});
