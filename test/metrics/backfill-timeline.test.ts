import { describe, expect, it } from "vitest";
import type { GqlThread, GqlTimelineEvent } from "../../src/github/backfill-queries.js";
import { toLedgerEntry } from "../../src/ingest/to-ledger-entry.js";
import { draftAtOpening, threadFacts } from "../../src/metrics/backfill-timeline.js";
import { issuesWebhook, pullRequestWebhook, SandboxModel, type Webhook } from "../../src/sandbox/index.js";

const REPO = "acme/widget";
const urls = { api: "http://sandbox.test/api/v3", web: "http://sandbox.test" };
const user = (login: string) => ({ __typename: "User", login, databaseId: login.length });
const ms = (iso: string) => Date.parse(iso);

/** A GraphQL node as the backfill reads it, with nothing but its timeline of interest. */
function thread(overrides: Partial<GqlThread>, timeline: GqlTimelineEvent[]): GqlThread {
  const none = { pageInfo: { hasNextPage: false, endCursor: null }, nodes: [] };
  return {
    databaseId: 501,
    number: 7,
    title: "t",
    body: "",
    author: user("dev"),
    authorAssociation: "NONE",
    createdAt: "2026-01-01T00:00:00Z",
    updatedAt: "2026-01-05T00:00:00Z",
    closedAt: null,
    state: "OPEN",
    locked: false,
    labels: { nodes: [] },
    assignees: { nodes: [] },
    comments: none,
    timelineItems: { pageInfo: { hasNextPage: false, endCursor: null }, nodes: timeline },
    ...overrides,
  };
}

const ev = (type: string, at: string, who = "maint", extra: Partial<GqlTimelineEvent> = {}): GqlTimelineEvent => ({
  __typename: type,
  createdAt: at,
  actor: user(who),
  ...extra,
});

describe("draft state at the opening", () => {
  it("is what the first draft change went from, else the state now", () => {
    const ready = ev("ReadyForReviewEvent", "2026-01-03T00:00:00Z");
    const toDraft = ev("ConvertToDraftEvent", "2026-01-02T00:00:00Z");
    expect(draftAtOpening(false, [ready])).toBe(true);
    expect(draftAtOpening(false, [ready, toDraft])).toBe(false);
    expect(draftAtOpening(true, [ev("LabeledEvent", "2026-01-02T00:00:00Z", "maint", { label: { name: "x" } })])).toBe(true);
    expect(draftAtOpening(false, [])).toBe(false);
  });
});

describe("timeline events as ledger facts", () => {
  it("gives a PR opened as a draft and marked ready its draft opening and the ready fact", () => {
    const facts = threadFacts(thread({ isDraft: false, mergedAt: null }, [ev("ReadyForReviewEvent", "2026-01-03T00:00:00Z", "dev")]), true);
    expect(facts.map((f) => [f.kind, f.naturalKey, f.data, f.actorLogin, f.occurredAt.toISOString()])).toEqual([
      ["pull_request.opened", "pr:501:opened", { draft: true }, "dev", "2026-01-01T00:00:00.000Z"],
      ["pull_request.ready_for_review", `pr:501:ready_for_review:${ms("2026-01-03T00:00:00Z")}:`, null, "dev", "2026-01-03T00:00:00.000Z"],
    ]);
  });

  it("keys labels by their name, keeps closes and reopens, and leaves out the close of a merge", () => {
    const timeline = [
      ev("LabeledEvent", "2026-01-01T01:00:00Z", "maint", { label: { name: "on-hold" } }),
      ev("UnlabeledEvent", "2026-01-02T01:00:00Z", "maint", { label: { name: "on-hold" } }),
      ev("ClosedEvent", "2026-01-03T00:00:00Z", "maint", { stateReason: null }),
      ev("ReopenedEvent", "2026-01-03T05:00:00Z", "dev"),
      ev("ClosedEvent", "2026-01-04T00:00:00Z", "maint", { stateReason: null }),
    ];
    const merged = thread({ state: "MERGED", closedAt: "2026-01-04T00:00:00Z", mergedAt: "2026-01-04T00:00:00Z", mergedBy: user("maint") }, timeline);
    expect(threadFacts(merged, true).map((f) => [f.naturalKey, f.data])).toEqual([
      ["pr:501:opened", null],
      ["pr:501:merged", { mergedBy: "maint" }],
      [`pr:501:labeled:${ms("2026-01-01T01:00:00Z")}:on-hold`, { target: "on-hold" }],
      [`pr:501:unlabeled:${ms("2026-01-02T01:00:00Z")}:on-hold`, { target: "on-hold" }],
      [`pr:501:closed:${ms("2026-01-03T00:00:00Z")}:`, null],
      [`pr:501:reopened:${ms("2026-01-03T05:00:00Z")}:`, null],
    ]);
    // A timeline without the merge's close: its last close (a day before) was a close of its own.
    const noMergeClose = { ...merged, timelineItems: { ...merged.timelineItems, nodes: timeline.slice(0, 3) } };
    expect(threadFacts(noMergeClose, true).at(-1)?.naturalKey).toBe(`pr:501:closed:${ms("2026-01-03T00:00:00Z")}:`);
  });

  it("gives an issue's closes their own reason, and a close its timeline lacks at closedAt by nobody known", () => {
    const timeline = [
      ev("ClosedEvent", "2026-01-02T00:00:00Z", "maint", { stateReason: "NOT_PLANNED" }),
      ev("ReopenedEvent", "2026-01-03T00:00:00Z", "dev"),
      ev("ClosedEvent", "2026-01-04T00:00:00Z", "maint", { stateReason: null }),
      // Not on an issue's timeline: GitHub's schema has no such type there, and the mapping ignores it.
      ev("ReadyForReviewEvent", "2026-01-04T00:00:00Z"),
    ];
    const closed = thread({ state: "CLOSED", closedAt: "2026-01-04T00:00:00Z", stateReason: "COMPLETED" }, timeline);
    expect(threadFacts(closed, false).map((f) => [f.kind, f.data, f.actorLogin])).toEqual([
      ["issues.opened", null, "dev"],
      ["issues.closed", { stateReason: "not_planned" }, "maint"],
      ["issues.reopened", null, "dev"],
      ["issues.closed", { stateReason: "completed" }, "maint"],
    ]);
    const lost = thread({ state: "CLOSED", closedAt: "2026-01-04T00:00:00Z", stateReason: "COMPLETED" }, []);
    expect(threadFacts(lost, false).at(-1)).toMatchObject({
      kind: "issues.closed",
      naturalKey: `issue:501:closed:${ms("2026-01-04T00:00:00Z")}:`,
      actorLogin: "ghost",
      data: { stateReason: "completed" },
    });
  });

  it("gives each change the very fact its webhook gives, so one seen both ways is stored once", () => {
    const model = new SandboxModel({ now: () => new Date("2026-02-01T00:00:00Z") });
    model.addInstallation({ id: 77, account: "acme", accountType: "Organization" });
    model.addRepository({ fullName: REPO, ownerType: "Organization" });
    const ctx = { model, urls };
    const ledger = (webhook: Webhook) =>
      toLedgerEntry({ id: "d", name: webhook.event, payload: webhook.payload, receivedAt: new Date("2030-01-01T00:00:00Z") }).events[0];
    const asGql = (number: number): GqlTimelineEvent[] =>
      model.listTimeline(REPO, number).map((e) => ({
        __typename: e.type,
        createdAt: e.created_at,
        actor: e.actor === null ? null : user(e.actor),
        ...(e.label === null ? {} : { label: { name: e.label } }),
        stateReason: e.state_reason?.toUpperCase() ?? null,
      }));
    const keyed = (facts: ReturnType<typeof threadFacts>) => facts.map((f) => ({ ...f, actorId: null }));

    const pull = model.addPullRequest(REPO, { user: "dev", draft: true, createdAt: "2026-01-01T00:00:00Z" });
    model.setPullDraft(REPO, pull.number, false, "dev", "2026-01-03T00:00:00Z");
    const ready = ledger(pullRequestWebhook(ctx, REPO, pull, "ready_for_review", "dev"));
    model.addLabelsToIssue(REPO, pull.number, ["on-hold"], "2026-01-03T01:00:00Z", "maint");
    const labeled = ledger(pullRequestWebhook(ctx, REPO, pull, "labeled", "maint", { label: "on-hold" }));
    const pullNode = thread({ databaseId: pull.pull_id!, number: pull.number, isDraft: false }, asGql(pull.number));
    expect(keyed(threadFacts(pullNode, true)).slice(1)).toEqual(keyed([ready!, labeled!]));

    const issue = model.addIssue(REPO, { user: "dev", createdAt: "2026-01-05T00:00:00Z" });
    model.updateIssue(REPO, issue.number, { state: "closed" }, "maint", "2026-01-06T00:00:00Z");
    const closed = ledger(issuesWebhook(ctx, REPO, issue, "closed", "maint"));
    model.updateIssue(REPO, issue.number, { state: "open" }, "dev", "2026-01-07T00:00:00Z");
    const reopened = ledger(issuesWebhook(ctx, REPO, issue, "reopened", "dev"));
    const issueNode = thread({ databaseId: issue.id, number: issue.number, stateReason: "REOPENED" }, asGql(issue.number));
    expect(keyed(threadFacts(issueNode, false)).slice(1)).toEqual(keyed([closed!, reopened!]));
  });
});
