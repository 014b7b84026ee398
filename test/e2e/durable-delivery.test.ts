import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ITEM_ACTIVITY_HANDLERS } from "../../src/activity-handlers.js";
import { recoverDeliveries } from "../../src/app/recover-deliveries.js";
import { findRepository } from "../../src/store/installations.js";
import { deliveries, unhandledDeliveries } from "../../src/store/schema.js";
import { startE2E, type E2E } from "../helpers/e2e-harness.js";
import { forRepository } from "../helpers/webhook-examples.js";
import { openIssue } from "../welcome/welcome-payloads.js";

const HISTORY_READ = { method: "GET", path: "/repos/{owner}/{repo}/issues", status: 502 } as const;
const welcomes = (e2e: E2E, number: number) =>
  e2e.sandbox.model.listComments("acme/widget", number).filter((c) => c.user === "steward[bot]" && c.body.includes("Welcome"));

describe("a delivery is handled at least once, its effects exactly once", () => {
  let e2e: E2E;
  beforeEach(async () => {
    e2e = await startE2E();
  });
  afterEach(async () => {
    await e2e.close();
  });

  it("a redelivery of a delivery whose features failed runs them again, and only then drops its payload", async () => {
    const issue = openIssue(e2e, "ivy", "NONE", "2026-03-02T10:00:00Z");
    e2e.sandbox.failNext(HISTORY_READ);
    expect((await e2e.deliver("issues", issue.payload, { id: "d-ivy" })).status).toBe(200);
    expect(welcomes(e2e, issue.number)).toEqual([]);
    expect(e2e.db.select({ id: unhandledDeliveries.id, attempts: unhandledDeliveries.attempts }).from(unhandledDeliveries).all()).toEqual([
      { id: "d-ivy", attempts: 1 },
    ]);
    // GitHub's redelivery: same id. Before, a recorded delivery was "not fresh" and skipped.
    await e2e.deliver("issues", issue.payload, { id: "d-ivy" });
    await e2e.deliver("issues", issue.payload, { id: "d-ivy" });
    expect(welcomes(e2e, issue.number)).toHaveLength(1);
    expect(e2e.db.select().from(unhandledDeliveries).all()).toEqual([]);
  });

  it("the recovery job finishes a delivery nobody redelivers", async () => {
    const issue = openIssue(e2e, "jon", "NONE", "2026-03-02T11:00:00Z");
    e2e.sandbox.failNext(HISTORY_READ);
    await e2e.deliver("issues", issue.payload, { id: "d-jon" });
    expect(welcomes(e2e, issue.number)).toEqual([]);
    const report = await recoverDeliveries(e2e.server.jobs, ITEM_ACTIVITY_HANDLERS, { olderThanMs: 0 });
    expect(report).toEqual({ finished: 1, deferred: 0 });
    expect(welcomes(e2e, issue.number)).toHaveLength(1);
    // Run again (a second replica, cron firing twice): nothing left, nothing doubled.
    expect(await recoverDeliveries(e2e.server.jobs, ITEM_ACTIVITY_HANDLERS, { olderThanMs: 0 })).toEqual({ finished: 0, deferred: 0 });
    expect(welcomes(e2e, issue.number)).toHaveLength(1);
  });

  it("stores nothing for a repository the app is not installed on, and serves a new one it is installed on", async () => {
    const strangers = { ...e2e.target, installationId: 999, repositoryId: 424242, owner: "someone", name: "else" };
    e2e.sandbox.model.addRepository({ fullName: "someone/else" });
    const foreign = forRepository(openIssue(e2e, "kim", "NONE", "2026-03-02T12:00:00Z").payload, strangers);
    expect((await e2e.deliver("issues", foreign)).status).toBe(200);
    expect(await findRepository(e2e.db, "someone/else")).toBeUndefined();
    expect(e2e.db.select().from(deliveries).all()).toEqual([]);

    // A repository created after the install (the installation covers all of acme's): GitHub confirms it.
    const gadget = e2e.sandbox.model.addRepository({ fullName: "acme/gadget", ownerType: "Organization" });
    const target = { ...e2e.target, repositoryId: gadget.id, name: "gadget" };
    const opened = forRepository(openIssue(e2e, "lee", "NONE", "2026-03-02T13:00:00Z").payload, target);
    expect((await e2e.deliver("issues", opened)).status).toBe(200);
    expect(await findRepository(e2e.db, "acme/gadget")).toMatchObject({ id: gadget.id, installationId: e2e.target.installationId });
  });
});
