import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isValidSignature } from "../../src/http/webhook-signature.js";
import { toLedgerEntry } from "../../src/ingest/to-ledger-entry.js";
import {
  createActivity,
  createInstallationActivity,
  createWebhookSender,
  forkWebhook,
  issueCommentWebhook,
  issuesWebhook,
  playScenario,
  pullRequestWebhook,
  reviewWebhook,
  SandboxModel,
  starWebhook,
  type Webhook,
  type WebhookSender,
} from "../../src/sandbox/index.js";

const REPO = "acme/widget";
const urls = { api: "http://sandbox.test/api/v3", web: "http://sandbox.test" };
const app = {
  id: 4242,
  slug: "steward",
  name: "Steward",
  botLogin: "steward[bot]",
  created_at: "2024-01-01T00:00:00Z",
  clientId: "Iv1.sandbox4242",
  clientSecret: "sandbox-client-secret-4242",
};

/** A model holding acme/widget under installation 77, with a frozen clock so payloads repeat exactly. */
function seededModel(): SandboxModel {
  const model = new SandboxModel({ now: () => new Date("2024-03-01T00:00:00Z") });
  model.addInstallation({ id: 77, account: "acme", accountType: "Organization" });
  model.addRepository({ fullName: REPO, ownerType: "Organization" });
  model.addOrgMember("acme", "maya");
  return model;
}

/** A sender whose "network" answers every delivery with `status` and keeps what it was given. */
function capturingSender(status = 200): { sender: WebhookSender; bodies: string[] } {
  const bodies: string[] = [];
  const fetchImpl: typeof fetch = async (_url, init) => {
    bodies.push(String(init?.body));
    return new Response(null, { status });
  };
  return { sender: createWebhookSender({ url: "http://steward.test/api/github/webhooks", secret: "s", fetchImpl }), bodies };
}

/** What Steward's ledger makes of a webhook: the same function the server runs. */
const ledger = (webhook: Webhook) =>
  toLedgerEntry({ id: "d-1", name: webhook.event, payload: webhook.payload, receivedAt: new Date("2030-01-01T00:00:00Z") });

describe("webhook payload builders", () => {
  it("give the issue, comment and close fields the ledger reads, with GitHub's times and associations", () => {
    const model = seededModel();
    const ctx = { model, urls };
    const issue = model.addIssue(REPO, { user: "noor", title: "Crash", createdAt: "2024-02-01T10:00:00Z" });
    const opened = issuesWebhook(ctx, REPO, issue, "opened", "noor");
    expect(opened.payload).toMatchObject({
      action: "opened",
      issue: { number: 1, created_at: "2024-02-01T10:00:00Z", author_association: "NONE", user: { login: "noor", type: "User" } },
      repository: { full_name: REPO, owner: { login: "acme" } },
      sender: { login: "noor" },
      installation: { id: 77, node_id: "MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uNzc=" },
    });
    expect(ledger(opened)).toMatchObject({ installationId: 77, events: [{ kind: "issues.opened", association: "NONE" }] });

    const comment = model.addComment(REPO, 1, { user: "maya", body: "Thanks!", createdAt: "2024-02-01T12:00:00Z" });
    const commented = issueCommentWebhook(ctx, REPO, comment, "created");
    expect(commented.payload).toMatchObject({ comment: { user: { login: "maya" }, author_association: "MEMBER" }, issue: { comments: 1 } });
    expect(ledger(commented).events[0]).toMatchObject({ kind: "issue_comment.created", actorLogin: "maya", association: "MEMBER" });
    expect(ledger(commented).events[0]?.occurredAt.toISOString()).toBe("2024-02-01T12:00:00.000Z");

    model.updateIssue(REPO, 1, { state: "closed" }, "maya", "2024-02-02T09:00:00Z");
    const closed = issuesWebhook(ctx, REPO, issue, "closed", "maya");
    expect(closed.payload).toMatchObject({ issue: { state: "closed", closed_at: "2024-02-02T09:00:00Z", state_reason: "completed" } });
    expect(ledger(closed).events[0]).toMatchObject({ kind: "issues.closed", actorLogin: "maya" });
    expect(issuesWebhook(ctx, REPO, issue, "edited", "noor", { changes: { title: { from: "Crsh" } } }).payload["changes"]).toEqual({
      title: { from: "Crsh" },
    });
    expect(issuesWebhook(ctx, REPO, issue, "assigned", "maya", { assignee: "maya" }).payload).toMatchObject({ assignee: { login: "maya" } });
  });

  it("give pull requests merged or not, reviews in webhook spelling, stars and forks", () => {
    const model = seededModel();
    const ctx = { model, urls };
    const pr = model.addPullRequest(REPO, { user: "rosa", draft: true, createdAt: "2024-02-03T08:00:00Z" });
    expect(pullRequestWebhook(ctx, REPO, pr, "opened", "rosa").payload).toMatchObject({ number: 1, pull_request: { draft: true, merged: false } });
    const review = model.addReview(REPO, 1, { user: "maya", state: "CHANGES_REQUESTED", submittedAt: "2024-02-03T09:00:00Z" });
    const reviewed = reviewWebhook(ctx, REPO, review);
    expect(reviewed.payload).toMatchObject({
      action: "submitted",
      review: { state: "changes_requested", submitted_at: "2024-02-03T09:00:00Z", author_association: "MEMBER" },
      pull_request: { number: 1 },
      sender: { login: "maya" },
    });
    expect(ledger(reviewed).events[0]).toMatchObject({ kind: "pull_request_review.submitted", data: { state: "changes_requested" } });

    model.mergePullRequest(REPO, 1, "maya", "2024-02-04T10:00:00Z");
    const merged = pullRequestWebhook(ctx, REPO, pr, "closed", "maya");
    expect(merged.payload).toMatchObject({
      action: "closed",
      pull_request: { state: "closed", merged: true, merged_at: "2024-02-04T10:00:00Z", merged_by: { login: "maya" } },
    });
    expect(ledger(merged).events[0]).toMatchObject({ kind: "pull_request.merged", actorLogin: "rosa", data: { mergedBy: "maya" } });
    // Her merged pull request makes rosa a CONTRIBUTOR on what she opens next.
    const next = model.addPullRequest(REPO, { user: "rosa" });
    model.updateIssue(REPO, next.number, { state: "closed" }, "maya", "2024-02-05T10:00:00Z");
    const unmerged = pullRequestWebhook(ctx, REPO, next, "closed", "maya");
    expect(unmerged.payload).toMatchObject({ pull_request: { merged: false, merged_at: null, author_association: "CONTRIBUTOR" } });
    expect(ledger(unmerged).events[0]).toMatchObject({ kind: "pull_request.closed" });

    model.addStargazer(REPO, "kofi", "2024-02-06T00:00:00Z");
    const starred = starWebhook(ctx, REPO, "created", "kofi", "2024-02-06T00:00:00Z");
    expect(starred.payload).toMatchObject({ starred_at: "2024-02-06T00:00:00Z", repository: { stargazers_count: 1 } });
    model.removeStargazer(REPO, "kofi");
    expect(starWebhook(ctx, REPO, "deleted", "kofi", null).payload).toMatchObject({ starred_at: null, repository: { stargazers_count: 0 } });

    model.addFork(REPO, "li-wei", "2024-02-07T00:00:00Z");
    const forked = forkWebhook(ctx, REPO, "li-wei/widget");
    expect(forked.payload).toMatchObject({
      forkee: { full_name: "li-wei/widget", fork: true, owner: { login: "li-wei" }, created_at: "2024-02-07T00:00:00Z" },
      repository: { forks_count: 1 },
      sender: { login: "li-wei" },
    });
    expect(ledger(forked).events[0]).toMatchObject({ kind: "fork.created", actorLogin: "li-wei", data: { forks: 1 } });
  });
});

describe("the webhook sender", () => {
  const received: { headers: IncomingHttpHeaders; body: Buffer }[] = [];
  let url = "";
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks) });
      res.writeHead(req.headers["x-github-event"] === "fail" ? 500 : 200).end("ok");
    });
  });
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("signs the exact body like GitHub, sends GitHub's headers, and redelivers the same id and body", async () => {
    const sender = createWebhookSender({ url, secret: "It's a Secret to Everybody", appId: 4242, hookId: 9 });
    const sent = await sender.send({ event: "star", payload: { action: "created", starred_at: "2024-01-01T00:00:00Z" } });
    expect(sent).toMatchObject({ event: "star", action: "created", status: 200, redelivery: false });
    const [first] = received.splice(0);
    expect(isValidSignature("It's a Secret to Everybody", first!.body, first!.headers["x-hub-signature-256"] as string)).toBe(true);
    expect(isValidSignature("another secret", first!.body, first!.headers["x-hub-signature-256"] as string)).toBe(false);
    expect(first!.body.toString()).toBe(sent.body);
    expect(first!.headers).toMatchObject({
      "content-type": "application/json",
      "x-github-event": "star",
      "x-github-delivery": sent.id,
      "x-github-hook-id": "9",
      "x-github-hook-installation-target-type": "integration",
      "x-github-hook-installation-target-id": "4242",
    });
    expect(first!.headers["user-agent"]).toMatch(/^GitHub-Hookshot\//);
    expect(sent.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);

    const again = await sender.redeliver(sent.id);
    expect(again).toMatchObject({ id: sent.id, body: sent.body, status: 200, redelivery: true });
    const [second] = received.splice(0);
    expect(second!.headers["x-github-delivery"]).toBe(sent.id);
    expect(second!.body.equals(first!.body)).toBe(true);
    expect(sender.deliveries.map((d) => [d.id, d.redelivery])).toEqual([
      [sent.id, false],
      [sent.id, true],
    ]);
    await expect(sender.redeliver("unknown")).rejects.toThrow(/no delivery unknown/);
  });

  it("records a non-2xx answer and a network error (status 0) instead of throwing", async () => {
    const sender = createWebhookSender({ url, secret: "s" });
    expect((await sender.send({ event: "fail", payload: {} })).status).toBe(500);
    const refused = createWebhookSender({ url: "http://127.0.0.1:9/hook", secret: "s", fetchImpl: () => Promise.reject(new Error("ECONNREFUSED")) });
    expect(await refused.send({ event: "fork", payload: {} })).toMatchObject({ status: 0, action: null, error: "ECONNREFUSED" });
    expect(refused.deliveries).toHaveLength(1);
    received.splice(0);
  });
});

describe("activity", () => {
  it("changes the model and sends the matching webhooks, stamped with the given times", async () => {
    const model = seededModel();
    const { sender } = capturingSender();
    const activity = createActivity({ model, address: () => null }, sender);
    const opened = await activity.openIssue(REPO, { user: "noor", title: "Crash", labels: ["bug"], at: "2024-02-01T10:00:00Z" });
    expect(opened.deliveries.map((d) => `${d.event}.${d.action}`)).toEqual(["issues.opened", "issues.labeled"]);
    const closed = await activity.closeIssue(REPO, opened.record.number, { by: "maya", at: "2024-02-02T10:00:00Z" });
    expect(JSON.parse(closed.delivery.body)).toMatchObject({
      action: "closed",
      sender: { login: "maya" },
      issue: { closed_at: "2024-02-02T10:00:00Z" },
    });
    expect(model.getIssue(REPO, 1)?.updated_at).toBe("2024-02-02T10:00:00Z");

    const pr = await activity.openPullRequest(REPO, { user: "rosa", title: "Fix", at: "2024-02-03T00:00:00Z" });
    await activity.addLabel(REPO, pr.record.number, "docs", { by: "maya", at: "2024-02-03T01:00:00Z" });
    expect(activity.sender.deliveries.at(-1)).toMatchObject({ event: "pull_request", action: "labeled" });
    await activity.review(REPO, pr.record.number, { user: "maya", state: "APPROVED", at: "2024-02-03T02:00:00Z" });
    const merged = await activity.mergePullRequest(REPO, pr.record.number, { by: "maya", at: "2024-02-03T03:00:00Z" });
    expect(JSON.parse(merged.delivery.body).pull_request).toMatchObject({ merged: true, merged_at: "2024-02-03T03:00:00Z" });

    await activity.star(REPO, "kofi", "2024-02-04T00:00:00Z");
    await expect(activity.star(REPO, "kofi")).rejects.toThrow(/already starred/);
    const unstarred = await activity.unstar(REPO, "kofi");
    expect(JSON.parse(unstarred.delivery.body)).toMatchObject({ action: "deleted", starred_at: null, repository: { stargazers_count: 0 } });
    const fork = await activity.fork(REPO, "li-wei", "2024-02-05T00:00:00Z");
    expect(fork.record.parent).toBe(REPO);
    expect(sender.deliveries.every((d) => d.status === 200)).toBe(true);
  });

  it("installs, grants a repository and uninstalls with installation webhooks", async () => {
    const model = seededModel();
    model.addRepository({ fullName: "globex/app" });
    model.addRepository({ fullName: "globex/cli" });
    const { sender } = capturingSender();
    const installs = createInstallationActivity({ model, app, address: () => null }, sender);
    const installed = await installs.install("globex", { id: 90, repositories: ["globex/app"] });
    expect(JSON.parse(installed.delivery.body)).toMatchObject({
      action: "created",
      installation: { id: 90, account: { login: "globex" }, app_id: 4242, repository_selection: "selected" },
      repositories: [{ full_name: "globex/app", private: false }],
    });
    const granted = await installs.addRepository(90, "globex/cli");
    expect(JSON.parse(granted.delivery.body)).toMatchObject({
      action: "added",
      repositories_added: [{ full_name: "globex/cli" }],
      repositories_removed: [],
    });
    const removed = await installs.uninstall(90);
    expect(JSON.parse(removed.delivery.body)).toMatchObject({
      action: "deleted",
      repositories: [{ full_name: "globex/app" }, { full_name: "globex/cli" }],
    });
    expect(model.getInstallation(90)).toBeUndefined();
  });
});

describe("the scenario", () => {
  const play = async (seed: number) => {
    const { sender, bodies } = capturingSender();
    const activity = createActivity({ model: seededModel(), address: () => null }, sender);
    return { summary: await playScenario(activity, { start: "2024-04-01T00:00:00Z", seed }), bodies };
  };

  it("plays two weeks deterministically, with every kind of activity", async () => {
    const [one, two, other] = [await play(7), await play(7), await play(8)];
    expect(two.bodies).toEqual(one.bodies);
    expect(other.bodies).not.toEqual(one.bodies);
    const { summary } = one;
    expect(summary.failures).toEqual([]);
    expect(summary.counts).toEqual({
      fork: 1,
      "issue_comment.created": 9,
      "issues.closed": 2,
      "issues.labeled": 3,
      "issues.opened": 6,
      "pull_request.closed": 5,
      "pull_request.labeled": 2,
      "pull_request.opened": 7,
      "pull_request_review.submitted": 4,
      "pull_request_review_comment.created": 2,
      "star.created": 6,
      "star.deleted": 1,
    });
    expect(summary.items).toEqual({ openIssues: 4, closedIssues: 2, openPullRequests: 2, closedPullRequests: 5 });
    expect(summary.start >= "2024-04-01T09:00:00" && summary.end < "2024-04-15").toBe(true);
    // biome-ignore lint/suspicious/noExplicitAny: the payloads are walked freely here; the expectations below check their shape
    const payloads = one.bodies.map((b) => JSON.parse(b) as Record<string, any>);
    const times = payloads.flatMap((p) => [p.issue?.updated_at, p.pull_request?.updated_at].filter(Boolean) as string[]);
    expect(times.every((t) => t >= "2024-04-01" && t < "2024-04-15")).toBe(true);
    const rosaPulls = payloads.filter((p) => p.action === "opened" && p.pull_request?.user.login === "rosa");
    expect(rosaPulls.map((p) => p.pull_request.author_association)).toEqual(["NONE", "CONTRIBUTOR"]);
    expect(payloads.some((p) => p.pull_request?.user.login === "dependabot[bot]" && p.pull_request.user.type === "Bot")).toBe(true);
    expect(payloads.some((p) => /SSO/.test(p.issue?.title ?? "") && p.issue.author_association === "NONE")).toBe(true);
  });
});
