import { describe, expect, it } from "vitest";
import type { GqlDiscussion } from "../../src/github/backfill-discussions-query.js";
import type { LedgerEvent } from "../../src/domain/ledger.js";
import { toLedgerEntry } from "../../src/ingest/to-ledger-entry.js";
import { discussionEvents } from "../../src/metrics/backfill-discussions.js";
import { discussionCommentWebhook, discussionWebhook, SandboxModel } from "../../src/sandbox/index.js";

const REPO = "acme/widget";
const user = (login: string, model: SandboxModel) => ({ __typename: "User", login, databaseId: model.getUser(login)!.id });
/** The category's database id is no GraphQL field: everything else must match the webhook's fact. */
const comparable = (e: LedgerEvent) => ({ ...e, data: { ...e.data, category: { ...(e.data?.["category"] as object), id: null } } });

function history() {
  const model = new SandboxModel({ now: () => new Date("2024-03-01T00:00:00Z") });
  model.addInstallation({ id: 77, account: "acme", accountType: "Organization" });
  model.addRepository({ fullName: REPO, ownerType: "Organization" });
  model.addOrgMember("acme", "maya");
  const discussion = model.discussions.add(REPO, { user: "noor", title: "How?", category: "Q&A", createdAt: "2024-02-01T10:00:00Z" });
  const comment = model.discussions.addComment(REPO, discussion.number, { user: "maya", body: "Try this", createdAt: "2024-02-01T11:00:00Z" });
  model.discussions.markAnswer(REPO, discussion.number, comment.id, "noor", "2024-02-01T12:00:00Z");
  const ctx = { model, urls: { api: "http://sandbox.test/api/v3", web: "http://sandbox.test" } };
  const webhooks = [
    discussionWebhook(ctx, REPO, discussion, "created"),
    discussionWebhook(ctx, REPO, discussion, "answered"),
    discussionCommentWebhook(ctx, REPO, comment),
  ];
  const live = webhooks.flatMap((w) => toLedgerEntry({ id: "d", name: w.event, payload: w.payload, receivedAt: new Date() }).events);
  // The same discussion as the backfill's query reads it from GitHub's GraphQL API.
  const gqlComment = { databaseId: comment.id, author: user("maya", model), authorAssociation: "MEMBER", createdAt: comment.created_at };
  const node: GqlDiscussion = {
    id: discussion.node_id,
    databaseId: discussion.id,
    number: discussion.number,
    title: "How?",
    createdAt: discussion.created_at,
    updatedAt: discussion.updated_at,
    author: user("noor", model),
    authorAssociation: "NONE",
    category: { name: "Q&A", slug: "q-a", isAnswerable: true },
    closed: false,
    closedAt: null,
    answerChosenAt: discussion.answer_chosen_at,
    answerChosenBy: user("noor", model),
    answer: { databaseId: comment.id, author: user("maya", model) },
    comments: { pageInfo: { hasNextPage: false, endCursor: null }, nodes: [gqlComment] },
  };
  return { live, node };
}

describe("the backfill's discussion facts", () => {
  it("are the webhooks' facts: same kinds, natural keys, actors, times and data", () => {
    const { live, node } = history();
    expect(live).toHaveLength(3);
    expect(discussionEvents(node).map(comparable)).toEqual(live.map(comparable));
  });

  it("include the comments of follow-up pages, and no answer fact for an unanswered discussion", () => {
    const { node } = history();
    const unanswered = { ...node, answer: null, answerChosenAt: null, answerChosenBy: null };
    const later = { ...node.comments.nodes[0]!, databaseId: 999, createdAt: "2024-02-02T00:00:00Z" };
    const facts = discussionEvents(unanswered, [...node.comments.nodes, later]);
    expect(facts.map((f) => f.naturalKey)).toEqual([
      `discussion:${node.databaseId}:created`,
      `discussion_comment:${node.comments.nodes[0]!.databaseId}:created`,
      "discussion_comment:999:created",
    ]);
  });

  it("hold a discussion closed now as the close its webhook gave, under the same natural key and time", () => {
    const { node } = history();
    const model = new SandboxModel({ now: () => new Date("2024-03-01T00:00:00Z") });
    model.addInstallation({ id: 77, account: "acme", accountType: "Organization" });
    model.addRepository({ fullName: REPO, ownerType: "Organization" });
    const discussion = model.discussions.add(REPO, { user: "noor", title: "How?", category: "Q&A", createdAt: "2024-02-01T10:00:00Z" });
    const closed = model.discussions.close(REPO, discussion.number, "maya", "outdated", "2024-02-03T08:30:00Z");
    const ctx = { model, urls: { api: "http://sandbox.test/api/v3", web: "http://sandbox.test" } };
    const hook = discussionWebhook(ctx, REPO, closed, "closed");
    const [live] = toLedgerEntry({ id: "c", name: hook.event, payload: hook.payload, receivedAt: new Date() }).events;
    const fromHistory = discussionEvents({ ...node, databaseId: closed.id, closed: true, closedAt: closed.closed_at }).find(
      (f) => f.kind === "discussion.closed",
    );
    expect(live).toMatchObject({ kind: "discussion.closed", occurredAt: new Date("2024-02-03T08:30:00Z") });
    expect(fromHistory).toMatchObject({ naturalKey: live!.naturalKey, occurredAt: live!.occurredAt });
    expect(discussionEvents(node).some((f) => f.kind === "discussion.closed")).toBe(false);
  });

  it("restore a bot's [bot] suffix as webhooks give it", () => {
    const { node } = history();
    const [created] = discussionEvents({ ...node, author: { __typename: "Bot", login: "helper", databaseId: 5 } });
    expect(created).toMatchObject({ actorLogin: "helper[bot]", actorType: "Bot", actorId: 5 });
  });
});
