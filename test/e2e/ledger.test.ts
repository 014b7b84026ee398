import { count } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run-cli.js";
import { summarizeLedger } from "../../src/store/ledger.js";
import { deliveries, events } from "../../src/store/schema.js";
import { captureIo } from "../helpers/capture-io.js";
import { startE2E, type E2E } from "../helpers/e2e-harness.js";
import { allExamples, examplePayload, forRepository } from "../helpers/webhook-examples.js";

const LEDGER_EVENTS = [
  "issues",
  "issue_comment",
  "pull_request",
  "pull_request_review",
  "pull_request_review_comment",
  "star",
  "fork",
  "discussion",
  "discussion_comment",
];

describe("webhooks into the ledger, end to end", () => {
  let e2e: E2E;
  beforeEach(async () => {
    e2e = await startE2E();
  });
  afterEach(async () => {
    await e2e.close();
  });

  const stored = () => ({
    deliveries: e2e.db.select({ n: count() }).from(deliveries).get()?.n,
    events: e2e.db.select({ n: count() }).from(events).get()?.n,
  });

  it("answers /healthz while the database answers", async () => {
    const response = await fetch(`${e2e.server.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("records one event of each kind, with GitHub's timestamps, and the report shows them", async () => {
    const sent = [
      ["issues", examplePayload("issues", "opened")],
      ["issue_comment", examplePayload("issue_comment", "created")],
      ["pull_request", examplePayload("pull_request", "opened")],
      ["pull_request_review", examplePayload("pull_request_review", "submitted")],
      ["pull_request_review_comment", examplePayload("pull_request_review_comment", "created")],
      ["star", examplePayload("star", "created")],
      ["fork", examplePayload("fork")],
    ] as const;
    for (const [name, payload] of sent) {
      expect((await e2e.deliver(name, forRepository(payload, e2e.target))).status).toBe(200);
    }
    const summary = await summarizeLedger(e2e.db, e2e.target.repositoryId);
    expect(summary.deliveries).toBe(7);
    expect(summary.eventsByKind).toEqual({
      "fork.created": 1,
      "issue_comment.created": 1,
      "issues.opened": 1,
      "pull_request.opened": 1,
      "pull_request_review.submitted": 1,
      "pull_request_review_comment.created": 1,
      "star.created": 1,
    });
    const starredAt = (sent[5][1] as { starred_at: string }).starred_at;
    const star = e2e.db
      .select()
      .from(events)
      .all()
      .find((e) => e.kind === "star.created");
    expect(star?.occurredAt.toISOString()).toBe(new Date(starredAt).toISOString());

    const io = captureIo({ DATABASE_URL: e2e.store.path });
    expect(await runCli(["report", "--repo", "acme/widget", "--json"], io)).toBe(0);
    expect(JSON.parse(io.stdout).ledger).toMatchObject({ deliveries: 7, events: 7, eventsByKind: summary.eventsByKind });
  });

  it("records every real example payload of every ledger event exactly once", async () => {
    let sentCount = 0;
    for (const name of LEDGER_EVENTS) {
      for (const payload of allExamples(name)) {
        expect((await e2e.deliver(name, forRepository(payload, e2e.target))).status).toBe(200);
        sentCount++;
      }
    }
    expect(stored().deliveries).toBe(sentCount);
    // Some examples describe the very same fact (one issue opened twice in the examples): the
    // ledger keeps facts once, so there are at most as many events as deliveries, and at least one per kind.
    const kinds = new Set(
      e2e.db
        .select({ kind: events.kind })
        .from(events)
        .all()
        .map((e) => e.kind.split(".")[0]),
    );
    expect([...kinds].sort()).toEqual([...LEDGER_EVENTS].sort());
    expect(e2e.sandbox.violations).toEqual([]);
  });

  it("stores nothing new for a redelivery, nor for the same delivery arriving five times at once", async () => {
    const payload = forRepository(examplePayload("issues", "opened"), e2e.target);
    await e2e.deliver("issues", payload, { id: "delivery-a" });
    const before = stored();
    expect((await e2e.deliver("issues", payload, { id: "delivery-a" })).status).toBe(200);
    expect(stored()).toEqual(before);

    const star = forRepository(examplePayload("star", "created"), e2e.target);
    const answers = await Promise.all(Array.from({ length: 5 }, () => e2e.deliver("star", star, { id: "delivery-b" })));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    expect(stored()).toEqual({ deliveries: before.deliveries! + 1, events: before.events! + 1 });
  });

  it.each([
    ["a wrong signature", "sha256=" + "0".repeat(64)],
    ["a malformed signature", "md5=abc"],
    ["no signature", null],
  ])("refuses %s with 400, stores nothing and logs one short line", async (_, signature) => {
    const payload = forRepository(examplePayload("issues", "opened"), e2e.target);
    (payload.issue as { title: string }).title = "UNIQUE-TITLE-THAT-MUST-NOT-BE-LOGGED";
    const answer = await e2e.deliver("issues", payload, { id: "forged", signature });
    expect(answer.status).toBe(400);
    expect(stored()).toEqual({ deliveries: 0, events: 0 });
    const refusals = e2e.logLines.filter((line) => line.includes("webhook refused"));
    expect(refusals).toHaveLength(1);
    expect(refusals[0]!.length).toBeLessThan(300);
    expect(e2e.logLines.join("\n")).not.toContain("UNIQUE-TITLE-THAT-MUST-NOT-BE-LOGGED");
  });
});
