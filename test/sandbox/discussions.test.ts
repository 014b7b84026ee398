import { createRequire } from "node:module";
import { graphql as octokitGraphql } from "@octokit/graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { discussionCommentWebhook, discussionWebhook, SandboxModel } from "../../src/sandbox/index.js";
import { seedWidgets, start, type Started } from "./helpers.js";

const REPO = "acme/widget";
const urls = { api: "http://sandbox.test/api/v3", web: "http://sandbox.test" };

/** GitHub's own examples of the payloads, the templates the sandbox's shapes follow. */
type Example = { name: string; examples: Record<string, unknown>[] };
const examples = createRequire(import.meta.url)("@octokit/webhooks-examples") as Example[];
const example = (event: string, action: string): Record<string, Record<string, unknown>> => {
  const found = examples.find((e) => e.name === event)?.examples.find((x) => x["action"] === action);
  if (!found) throw new Error(`no example of ${event}.${action}`);
  return found as Record<string, Record<string, unknown>>;
};
const keys = (value: unknown) => Object.keys(value as object).sort();

function seededModel(): SandboxModel {
  const model = new SandboxModel({ now: () => new Date("2024-03-01T00:00:00Z") });
  model.addInstallation({ id: 77, account: "acme", accountType: "Organization" });
  model.addRepository({ fullName: REPO, ownerType: "Organization" });
  model.addOrgMember("acme", "maya");
  return model;
}

describe("discussions in the model", () => {
  it("number discussions in the sequence issues and pull requests use", () => {
    const model = seededModel();
    const issue = model.addIssue(REPO, { user: "noor" });
    const discussion = model.discussions.add(REPO, { user: "noor", category: "Q&A" });
    const pull = model.addPullRequest(REPO, { user: "noor" });
    expect([issue.number, discussion.number, pull.number]).toEqual([1, 2, 3]);
    expect(() => model.addIssue(REPO, { user: "noor", number: 2 })).toThrow(/already exists/);
  });

  it("take an answer only in an answerable category, and only a top-level comment", () => {
    const model = seededModel();
    const general = model.discussions.add(REPO, { user: "noor" });
    const question = model.discussions.add(REPO, { user: "noor", category: "Q&A" });
    expect(model.discussions.categories(REPO).map((c) => [c.name, c.is_answerable])).toEqual([
      ["General", false],
      ["Q&A", true],
    ]);
    const chat = model.discussions.addComment(REPO, general.number, { user: "maya", body: "hi" });
    expect(() => model.discussions.markAnswer(REPO, general.number, chat.id, "noor")).toThrow(/not in an answerable category/);
    const answer = model.discussions.addComment(REPO, question.number, { user: "maya", body: "Use --force" });
    const reply = model.discussions.addComment(REPO, question.number, { user: "noor", body: "thanks", replyTo: answer.id });
    expect(() => model.discussions.markAnswer(REPO, question.number, reply.id, "noor")).toThrow(/not a top-level comment/);
    model.discussions.markAnswer(REPO, question.number, answer.id, "noor", "2024-03-02T00:00:00Z");
    expect(question).toMatchObject({ answer_comment_id: answer.id, answer_chosen_at: "2024-03-02T00:00:00Z", answer_chosen_by: "noor" });
  });
});

describe("discussion webhook payloads", () => {
  it("have the fields of GitHub's examples, with the category, author association and times", () => {
    const model = seededModel();
    const ctx = { model, urls };
    const discussion = model.discussions.add(REPO, { user: "noor", category: "Q&A", title: "How?", createdAt: "2024-02-01T10:00:00Z" });
    const created = discussionWebhook(ctx, REPO, discussion, "created");
    const template = example("discussion", "created");
    expect(created.event).toBe("discussion");
    // The examples predate `state_reason`; GitHub's webhook schema requires it.
    expect(keys(created.payload["discussion"])).toEqual([...keys(template["discussion"]), "state_reason"].sort());
    expect(keys((created.payload["discussion"] as Record<string, unknown>)["category"])).toEqual(keys(template["discussion"]?.["category"]));
    expect(created.payload).toMatchObject({
      action: "created",
      discussion: {
        number: 1,
        title: "How?",
        created_at: "2024-02-01T10:00:00Z",
        author_association: "NONE",
        user: { login: "noor" },
        category: { name: "Q&A", slug: "q-a", is_answerable: true },
        answer_chosen_at: null,
        state: "open",
        state_reason: null,
        locked: false,
        html_url: "http://sandbox.test/acme/widget/discussions/1",
      },
      repository: { full_name: REPO },
      sender: { login: "noor" },
      installation: { id: 77 },
    });

    const comment = model.discussions.addComment(REPO, 1, { user: "maya", body: "Like this", createdAt: "2024-02-01T12:00:00Z" });
    const commented = discussionCommentWebhook(ctx, REPO, comment);
    expect(commented.event).toBe("discussion_comment");
    expect(keys(commented.payload["comment"])).toEqual(keys(example("discussion_comment", "created")["comment"]));
    expect(commented.payload).toMatchObject({
      action: "created",
      comment: {
        user: { login: "maya" },
        author_association: "MEMBER",
        parent_id: null,
        discussion_id: discussion.id,
        created_at: "2024-02-01T12:00:00Z",
      },
      discussion: { number: 1, comments: 1 },
      sender: { login: "maya" },
    });

    model.discussions.markAnswer(REPO, 1, comment.id, "noor", "2024-02-02T09:00:00Z");
    const answered = discussionWebhook(ctx, REPO, discussion, "answered");
    expect(keys(answered.payload["answer"])).toEqual(keys(example("discussion", "answered")["answer"]));
    expect(answered.payload).toMatchObject({
      action: "answered",
      discussion: {
        answer_chosen_at: "2024-02-02T09:00:00Z",
        answer_chosen_by: { login: "noor" },
        answer_html_url: expect.stringContaining(`#discussioncomment-${comment.id}`),
      },
      answer: { id: comment.id, user: { login: "maya" } },
      sender: { login: "noor" },
    });
  });

  it("refuse an answered event for a discussion without an answer", () => {
    const model = seededModel();
    const discussion = model.discussions.add(REPO, { user: "noor", category: "Q&A" });
    expect(() => discussionWebhook({ model, urls }, REPO, discussion, "answered")).toThrow(/has no answer/);
  });
});

const DISCUSSION = `
  query ($owner: String!, $name: String!, $number: Int!) {
    repository(owner: $owner, name: $name) {
      discussion(number: $number) {
        id number title createdAt authorAssociation author { login }
        category { name isAnswerable }
        answer { databaseId } answerChosenAt
        comments(first: 100) { totalCount nodes { databaseId body createdAt author { login } isAnswer } }
      }
    }
  }`;
const ADD_COMMENT = `
  mutation ($discussionId: ID!, $body: String!) {
    addDiscussionComment(input: { discussionId: $discussionId, body: $body }) {
      comment { databaseId url body author { login } }
    }
  }`;

describe("discussions over GraphQL", () => {
  let started: Started;
  const gqlFor = (permissions?: Record<string, "read" | "write">) => {
    const installations = started.sandbox.model.listInstallations();
    const installation = permissions
      ? started.sandbox.model.addInstallation({ account: "other-org", repositories: ["octo-org/widgets"], permissions })
      : installations[0];
    const token = started.sandbox.createInstallationToken(installation?.id ?? 0);
    return octokitGraphql.defaults({ baseUrl: started.baseUrl, headers: { authorization: `token ${token}` } });
  };

  beforeAll(async () => {
    started = await start();
    seedWidgets(started, { issues: "write", discussions: "write", metadata: "read" });
  });
  afterAll(() => started.sandbox.close());

  it("reads a discussion with its category and comments, and adds a comment as the app's bot", async () => {
    const { model } = started.sandbox;
    const discussion = model.discussions.add("octo-org/widgets", { user: "noor", category: "Q&A", title: "How?", createdAt: "2024-02-01T10:00:00Z" });
    const gql = gqlFor();
    const vars = { owner: "octo-org", name: "widgets", number: discussion.number };
    const read = await gql<{ repository: { discussion: Record<string, unknown> } }>(DISCUSSION, vars);
    expect(read.repository.discussion).toMatchObject({
      id: discussion.node_id,
      number: discussion.number,
      author: { login: "noor" },
      authorAssociation: "NONE",
      category: { name: "Q&A", isAnswerable: true },
      answer: null,
      comments: { totalCount: 0, nodes: [] },
    });

    const added = await gql<{ addDiscussionComment: { comment: { databaseId: number; url: string; author: { login: string } } } }>(ADD_COMMENT, {
      discussionId: discussion.node_id,
      body: "A reminder <!-- steward:response.at-risk:x -->",
    });
    const comment = model.discussions.comments("octo-org/widgets", discussion.number)[0];
    expect(comment).toMatchObject({ user: "steward[bot]", body: "A reminder <!-- steward:response.at-risk:x -->" });
    // GitHub's GraphQL names a bot without its "[bot]" suffix.
    expect(added.addDiscussionComment.comment).toMatchObject({ databaseId: comment?.id, author: { login: "steward" } });
    expect(added.addDiscussionComment.comment.url).toContain(`/discussions/${discussion.number}#discussioncomment-`);
    const again = await gql<{ repository: { discussion: { comments: { totalCount: number } } } }>(DISCUSSION, vars);
    expect(again.repository.discussion.comments.totalCount).toBe(1);
    expect(started.sandbox.violations).toEqual([]);
  });

  it("validates discussion queries and mutations against GitHub's schema", async () => {
    const gql = gqlFor();
    const before = started.sandbox.violations.length;
    await expect(gql(`mutation { addDiscussionComment(input: { discussionId: "x" }) { comment { id } } }`)).rejects.toMatchObject({
      errors: [expect.objectContaining({ message: expect.stringContaining("body") })],
    });
    await expect(gql(`{ repository(owner: "octo-org", name: "widgets") { discussion(number: 1) { answered } } }`)).rejects.toThrow(/answered/);
    expect(started.sandbox.violations.slice(before).map((v) => v.kind)).toEqual(["invalid-graphql", "invalid-graphql"]);
  });

  it("answers NOT_FOUND for an unknown discussion and refuses a token without the Discussions permission", async () => {
    const { model } = started.sandbox;
    const discussion = model.discussions.add("octo-org/widgets", { user: "noor", category: "Q&A" });
    await expect(gqlFor()(DISCUSSION, { owner: "octo-org", name: "widgets", number: 999 })).rejects.toMatchObject({
      errors: [expect.objectContaining({ type: "NOT_FOUND" })],
    });
    const readOnly = gqlFor({ issues: "write", metadata: "read" });
    await expect(readOnly(ADD_COMMENT, { discussionId: discussion.node_id, body: "hi" })).rejects.toMatchObject({
      errors: [expect.objectContaining({ type: "FORBIDDEN", message: "Resource not accessible by integration" })],
    });
    expect(model.discussions.comments("octo-org/widgets", discussion.number)).toEqual([]);
  });
});
