import { count, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { toLedgerEntry } from "../../src/ingest/to-ledger-entry.js";
import { findRepository, forgetInstallation, forgetRepositories, registerInstallation } from "../../src/store/installations.js";
import { tablesOf } from "../../src/store/engine.js";
import { recordDelivery, summarizeLedger } from "../../src/store/ledger.js";
import { examplePayload, forRepository } from "../helpers/webhook-examples.js";
import { createTestStore } from "../helpers/test-store.js";

const target = { installationId: 42, repositoryId: 1001, owner: "acme", name: "widget" };
const now = new Date("2026-11-23T10:00:00Z");

/** An issue opened, its own fact and item: issue `n`. */
function openedIssue(n: number): Record<string, unknown> {
  const payload = forRepository(examplePayload("issues", "opened"), target);
  Object.assign(payload.issue as object, { id: 500_000 + n, number: n });
  return payload;
}

async function deliver(db: Parameters<typeof recordDelivery>[0], id: string, name: string, payload: Record<string, unknown>) {
  const entry = toLedgerEntry({ id, name, payload, receivedAt: now });
  return recordDelivery(
    db,
    { id, event: name, action: (payload.action as string) ?? null, receivedAt: now, payload: JSON.stringify(payload) },
    entry,
  );
}

describe("the ledger", () => {
  let store: Awaited<ReturnType<typeof createTestStore>>;
  const rowsIn = async (table: "deliveries" | "events" | "items" | "unhandledDeliveries") => {
    const [row] = await store.db.select({ n: count() }).from(tablesOf(store.db)[table]);
    return row?.n;
  };
  beforeEach(async () => {
    store = await createTestStore();
    const served = { id: 1001, installationId: 42, owner: "acme", name: "widget", fullName: "acme/widget", private: false };
    await registerInstallation(store.db, { id: 42, accountLogin: "acme", accountType: "Organization" }, [served], now);
  });
  afterEach(() => store.dispose());

  it("stores a delivery once, however often it is recorded", async () => {
    const payload = forRepository(examplePayload("issues", "opened"), target);
    expect(await deliver(store.db, "d-1", "issues", payload)).toBe("fresh");
    expect(await deliver(store.db, "d-1", "issues", payload)).toBe("duplicate");
    expect(await rowsIn("deliveries")).toBe(1);
    expect(await rowsIn("events")).toBe(1);
  });

  it("stores a fact once even when it arrives under two delivery ids", async () => {
    const payload = forRepository(examplePayload("issues", "opened"), target);
    await deliver(store.db, "d-1", "issues", payload);
    await deliver(store.db, "d-2", "issues", payload);
    expect(await rowsIn("events")).toBe(1);
  });

  it("never registers a repository from a delivery: only installation events do", async () => {
    const unknown = { ...target, repositoryId: 3003, name: "stranger" };
    expect(await deliver(store.db, "d-1", "star", forRepository(examplePayload("star", "created"), unknown))).toBe("not-served");
    expect(await findRepository(store.db, "acme/stranger")).toBeUndefined();
  });

  it("takes nothing back in for a removed repository, whatever is redelivered later", async () => {
    const payload = forRepository(examplePayload("issues", "opened"), target);
    expect(await deliver(store.db, "d-1", "issues", payload)).toBe("fresh");
    await forgetRepositories(store.db, [1001]);
    expect(await deliver(store.db, "d-1", "issues", payload)).toBe("not-served");
    expect(await deliver(store.db, "d-9", "issues", payload)).toBe("not-served");
    expect(await rowsIn("events")).toBe(0);
    expect(await findRepository(store.db, "acme/widget")).toBeUndefined();
  });

  it("keeps the newest item state when deliveries arrive out of order", async () => {
    const opened = forRepository(examplePayload("issues", "opened"), target);
    const closed = structuredClone(opened);
    Object.assign(closed, { action: "closed" });
    Object.assign(closed.issue as object, { state: "closed", closed_at: "2030-01-02T00:00:00Z", updated_at: "2030-01-02T00:00:00Z" });
    await deliver(store.db, "d-close", "issues", closed);
    await deliver(store.db, "d-open", "issues", opened);
    const [item] = await store.db.select().from(tablesOf(store.db).items);
    expect(item).toMatchObject({ state: "closed", closedAt: new Date("2030-01-02T00:00:00Z") });
    expect(await rowsIn("events")).toBe(2);
  });

  it("summarizes what it holds per repository", async () => {
    await deliver(store.db, "d-1", "issues", forRepository(examplePayload("issues", "opened"), target));
    await deliver(store.db, "d-2", "issue_comment", forRepository(examplePayload("issue_comment", "created"), target));
    await deliver(store.db, "d-3", "star", forRepository(examplePayload("star", "created"), target));
    const summary = await summarizeLedger(store.db, target.repositoryId);
    expect(summary).toMatchObject({
      deliveries: 3,
      events: 3,
      eventsByKind: { "issue_comment.created": 1, "issues.opened": 1, "star.created": 1 },
      items: { openIssues: 1, closedIssues: 0, openPullRequests: 0, closedPullRequests: 0 },
    });
  });

  it("forgets a removed repository's data and an uninstalled installation's data", async () => {
    const other = { ...target, repositoryId: 2002, name: "gadget" };
    await registerInstallation(
      store.db,
      { id: 42, accountLogin: "acme", accountType: "Organization" },
      [
        { id: 1001, installationId: 42, owner: "acme", name: "widget", fullName: "acme/widget", private: false },
        { id: 2002, installationId: 42, owner: "acme", name: "gadget", fullName: "acme/gadget", private: false },
      ],
      now,
    );
    await deliver(store.db, "d-1", "issues", forRepository(examplePayload("issues", "opened"), target));
    await deliver(store.db, "d-2", "issues", forRepository(examplePayload("issues", "opened"), other));
    await forgetRepositories(store.db, [1001]);
    const { events } = tablesOf(store.db);
    expect(await store.db.select().from(events).where(eq(events.repositoryId, 1001))).toEqual([]);
    expect(await store.db.select().from(events).where(eq(events.repositoryId, 2002))).toHaveLength(1);
    await forgetInstallation(store.db, 42);
    expect(await rowsIn("events")).toBe(0);
    expect(await rowsIn("items")).toBe(0);
    expect(await rowsIn("deliveries")).toBe(0);
    expect(await findRepository(store.db, "acme/gadget")).toBeUndefined();
  });

  it("lets a full name move to a new repository id", async () => {
    const installation = { id: 42, accountLogin: "acme", accountType: "Organization" };
    const repo = { id: 1, installationId: 42, owner: "acme", name: "widget", fullName: "acme/widget", private: false };
    await registerInstallation(store.db, installation, [repo], now);
    await registerInstallation(store.db, installation, [{ ...repo, id: 2 }], now);
    expect((await findRepository(store.db, "acme/widget"))?.id).toBe(2);
  });

  // On PostgreSQL each delivery is its own transaction on its own pooled connection, as at two
  // replicas: the copies of one delivery id really race, and its primary key settles the race.
  it("records a delivery that arrives several times at once as fresh exactly once", async () => {
    const ids = [1, 2, 3, 4, 5, 6];
    const copies = ids.flatMap((n) => [n, n, n]);
    const outcomes = await Promise.all(copies.map((n) => deliver(store.db, `d-${n}`, "issues", openedIssue(n))));
    for (const n of ids) {
      const mine = outcomes.filter((_, i) => copies[i] === n);
      expect(mine.sort()).toEqual(["duplicate", "duplicate", "fresh"]);
    }
    expect(await rowsIn("deliveries")).toBe(ids.length);
    expect(await rowsIn("events")).toBe(ids.length);
    expect(await rowsIn("items")).toBe(ids.length);
    expect(await rowsIn("unhandledDeliveries")).toBe(ids.length);
  });

  it("rolls back and rejects only the delivery that fails, among others recorded at once", async () => {
    const broken = toLedgerEntry({ id: "d-bad", name: "issues", payload: openedIssue(9), receivedAt: now });
    // An event without a kind breaks a NOT NULL constraint after the delivery's first rows.
    broken.events = [{ ...broken.events[0]!, kind: null as unknown as string }];
    const results = await Promise.allSettled([
      deliver(store.db, "d-1", "issues", openedIssue(1)),
      recordDelivery(store.db, { id: "d-bad", event: "issues", action: "opened", receivedAt: now, payload: "{}" }, broken),
      deliver(store.db, "d-2", "issues", openedIssue(2)),
    ]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    const { deliveries } = tablesOf(store.db);
    const ids = (await store.db.select({ id: deliveries.id }).from(deliveries)).map((row) => row.id);
    expect(ids.sort()).toEqual(["d-1", "d-2"]);
    expect(await rowsIn("unhandledDeliveries")).toBe(2);
    // The failed delivery left nothing behind, so a redelivery of it can still be recorded.
    expect(await deliver(store.db, "d-bad", "issues", openedIssue(9))).toBe("fresh");
  });

  it("keeps a fresh delivery's payload until its features ran, and stores nothing for one not served", async () => {
    const payload = openedIssue(1);
    await deliver(store.db, "d-1", "issues", payload);
    const { unhandledDeliveries } = tablesOf(store.db);
    const kept = await store.db.select().from(unhandledDeliveries);
    expect(kept.map((row) => [row.id, JSON.parse(row.payload), row.repositoryId, row.installationId])).toEqual([["d-1", payload, 1001, 42]]);
    const elsewhere = forRepository(examplePayload("star", "created"), { ...target, repositoryId: 999, name: "other" });
    expect(await deliver(store.db, "d-x", "star", elsewhere)).toBe("not-served");
    expect(await rowsIn("deliveries")).toBe(1);
    expect(await rowsIn("unhandledDeliveries")).toBe(1);
  });
});
