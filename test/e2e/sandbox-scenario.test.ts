import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createActivity, createWebhookSender, playScenario, SCENARIO_PEOPLE, type DeliveryRecord } from "../../src/sandbox/index.js";
import { summarizeLedger } from "../../src/store/ledger.js";
import { deliveries, events } from "../../src/store/schema.js";
import { startE2E, WEBHOOK_SECRET, type E2E } from "../helpers/e2e-harness.js";

/** The ledger kind Steward records for a delivery: a merged PR's close is `pull_request.merged`, a fork `fork.created`. */
function ledgerKind(delivery: DeliveryRecord): string {
  if (delivery.event === "fork") return "fork.created";
  const payload = JSON.parse(delivery.body) as { pull_request?: { merged?: boolean } };
  if (delivery.event === "pull_request" && delivery.action === "closed" && payload.pull_request?.merged) return "pull_request.merged";
  return `${delivery.event}.${delivery.action}`;
}

describe("two weeks of activity, sent by the sandbox as GitHub would, into the real server", () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
    // The scenario plays in 2024 while Steward's own comments would be stamped with today's date
    // by the sandbox, moving items' updated_at past the scenario's later events. This test is
    // about the ledger, so the features that write are off.
    e2e.sandbox.model.setFile(`${e2e.target.owner}/${e2e.target.name}`, ".github/steward.yml", "welcome:\n  enabled: false\n");
  });
  afterAll(() => e2e.close());

  it("records every delivery once, and the ledger matches what was sent, kind by kind", async () => {
    const sender = createWebhookSender({
      url: `${e2e.server.url}/api/github/webhooks`,
      secret: WEBHOOK_SECRET,
      appId: e2e.sandbox.app.id,
    });
    const activity = createActivity(e2e.sandbox, sender);
    const summary = await playScenario(activity, { start: "2024-04-01T00:00:00Z", repo: `${e2e.target.owner}/${e2e.target.name}` });
    expect(summary.failures).toEqual([]);
    const sent = sender.deliveries.filter((d) => !d.redelivery);
    expect(sent).toHaveLength(summary.deliveries.length);
    expect(new Set(sent.map((d) => d.id)).size).toBe(sent.length);
    expect(sent.every((d) => JSON.parse(d.body).installation?.id === e2e.target.installationId)).toBe(true);

    // GitHub's "Redeliver" on a few, and one delivery arriving twice at once.
    for (const index of [0, 12, sent.length - 1]) await sender.redeliver(sent[index]!.id);
    await Promise.all([sender.redeliver(sent[20]!.id), sender.redeliver(sent[20]!.id)]);
    expect(sender.deliveries).toHaveLength(sent.length + 5);
    expect(sender.deliveries.filter((d) => d.status < 200 || d.status > 299)).toEqual([]);

    const storedIds = e2e.db
      .select({ id: deliveries.id })
      .from(deliveries)
      .all()
      .map((row) => row.id);
    expect(storedIds.sort()).toEqual(sent.map((d) => d.id).sort());

    const expected: Record<string, number> = {};
    for (const delivery of sent) expected[ledgerKind(delivery)] = (expected[ledgerKind(delivery)] ?? 0) + 1;
    const ledger = await summarizeLedger(e2e.db, e2e.target.repositoryId);
    expect(ledger.eventsByKind).toEqual(expected);
    expect(ledger.deliveries).toBe(sent.length);
    expect(ledger.items).toEqual(summary.items);
    expect(ledger.items).toEqual({ openIssues: 4, closedIssues: 2, openPullRequests: 2, closedPullRequests: 5 });
    // Times are GitHub's (the scenario's), not the arrival time.
    expect(ledger.firstEventAt?.toISOString()).toBe(summary.start);

    const opened = e2e.db.select().from(events).where(eq(events.kind, "pull_request.opened")).all();
    const byRosa = opened.filter((e) => e.actorLogin === SCENARIO_PEOPLE.returning).map((e) => e.association);
    expect(byRosa).toEqual(["NONE", "CONTRIBUTOR"]);
    expect(opened.filter((e) => e.actorLogin === SCENARIO_PEOPLE.bot).map((e) => e.actorType)).toEqual(["Bot", "Bot"]);
    expect(e2e.sandbox.violations).toEqual([]);
  });
});
