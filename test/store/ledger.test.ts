import { count, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { toLedgerEntry } from "../../src/ingest/to-ledger-entry.js";
import { findRepository, forgetInstallation, forgetRepositories, registerInstallation } from "../../src/store/installations.js";
import { recordDelivery, summarizeLedger } from "../../src/store/ledger.js";
import { deliveries, events, items } from "../../src/store/schema.js";
import { examplePayload, forRepository } from "../helpers/webhook-examples.js";
import { createTestStore } from "../helpers/test-store.js";

const target = { installationId: 42, repositoryId: 1001, owner: "acme", name: "widget" };
const now = new Date("2026-11-23T10:00:00Z");

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
    expect(store.db.select({ n: count() }).from(deliveries).get()?.n).toBe(1);
    expect(store.db.select({ n: count() }).from(events).get()?.n).toBe(1);
  });

  it("stores a fact once even when it arrives under two delivery ids", async () => {
    const payload = forRepository(examplePayload("issues", "opened"), target);
    await deliver(store.db, "d-1", "issues", payload);
    await deliver(store.db, "d-2", "issues", payload);
    expect(store.db.select({ n: count() }).from(events).get()?.n).toBe(1);
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
    expect(store.db.select({ n: count() }).from(events).get()?.n).toBe(0);
    expect(await findRepository(store.db, "acme/widget")).toBeUndefined();
  });

  it("keeps the newest item state when deliveries arrive out of order", async () => {
    const opened = forRepository(examplePayload("issues", "opened"), target);
    const closed = structuredClone(opened);
    Object.assign(closed, { action: "closed" });
    Object.assign(closed.issue as object, { state: "closed", closed_at: "2030-01-02T00:00:00Z", updated_at: "2030-01-02T00:00:00Z" });
    await deliver(store.db, "d-close", "issues", closed);
    await deliver(store.db, "d-open", "issues", opened);
    const [item] = store.db.select().from(items).all();
    expect(item).toMatchObject({ state: "closed", closedAt: new Date("2030-01-02T00:00:00Z") });
    expect(store.db.select({ n: count() }).from(events).get()?.n).toBe(2);
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
    expect(store.db.select().from(events).where(eq(events.repositoryId, 1001)).all()).toEqual([]);
    expect(store.db.select().from(events).where(eq(events.repositoryId, 2002)).all()).toHaveLength(1);
    await forgetInstallation(store.db, 42);
    expect(store.db.select({ n: count() }).from(events).get()?.n).toBe(0);
    expect(store.db.select({ n: count() }).from(items).get()?.n).toBe(0);
    expect(store.db.select({ n: count() }).from(deliveries).get()?.n).toBe(0);
    expect(await findRepository(store.db, "acme/gadget")).toBeUndefined();
  });

  it("lets a full name move to a new repository id", async () => {
    const installation = { id: 42, accountLogin: "acme", accountType: "Organization" };
    const repo = { id: 1, installationId: 42, owner: "acme", name: "widget", fullName: "acme/widget", private: false };
    await registerInstallation(store.db, installation, [repo], now);
    await registerInstallation(store.db, installation, [{ ...repo, id: 2 }], now);
    expect((await findRepository(store.db, "acme/widget"))?.id).toBe(2);
  });
});
