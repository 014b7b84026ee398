import { describe, expect, it } from "vitest";
import { toLedgerEntry } from "../../src/ingest/to-ledger-entry.js";
import { allExamples, examplePayload } from "../helpers/webhook-examples.js";

const receivedAt = new Date("2030-01-01T00:00:00Z");
const entryFor = (name: string, payload: unknown, id = "delivery-1") => toLedgerEntry({ id, name, payload, receivedAt });

describe("toLedgerEntry", () => {
  it("records an opened issue at GitHub's creation time, by its author, with the item's state", () => {
    const payload = examplePayload("issues", "opened");
    const issue = payload.issue as { id: number; number: number; created_at: string; user: { login: string } };
    const entry = entryFor("issues", payload);
    expect(entry.repository).toMatchObject({ fullName: "Codertocat/Hello-World", owner: "Codertocat", name: "Hello-World" });
    expect(entry.events).toEqual([
      expect.objectContaining({
        kind: "issues.opened",
        naturalKey: `issue:${issue.id}:opened`,
        actorLogin: issue.user.login,
        itemNumber: issue.number,
        isPull: false,
        occurredAt: new Date(issue.created_at),
      }),
    ]);
    expect(entry.item).toMatchObject({ number: issue.number, state: "open", isPull: false, createdAt: new Date(issue.created_at) });
  });

  it("records a comment by its author with the author's association, and the issue it is on", () => {
    const payload = examplePayload("issue_comment", "created");
    const comment = payload.comment as { id: number; created_at: string; user: { login: string }; author_association: string };
    const [event] = entryFor("issue_comment", payload).events;
    expect(event).toMatchObject({
      kind: "issue_comment.created",
      naturalKey: `comment:${comment.id}:created`,
      actorLogin: comment.user.login,
      association: comment.author_association,
      occurredAt: new Date(comment.created_at),
    });
  });

  it("records a merged pull request as pull_request.merged at its merge time", () => {
    const payload = examplePayload("pull_request", "closed");
    const pr = payload.pull_request as Record<string, unknown>;
    pr.merged = true;
    pr.merged_at = "2019-05-15T16:00:00Z";
    const [event] = entryFor("pull_request", payload).events;
    expect(event).toMatchObject({ kind: "pull_request.merged", occurredAt: new Date("2019-05-15T16:00:00Z"), isPull: true });
  });

  it("records a closed, unmerged pull request as pull_request.closed by whoever closed it", () => {
    const payload = examplePayload("pull_request", "closed");
    const [event] = entryFor("pull_request", payload).events;
    expect(event).toMatchObject({ kind: "pull_request.closed", actorLogin: (payload.sender as { login: string }).login });
  });

  it("records reviews with their state, at submission time", () => {
    const payload = examplePayload("pull_request_review", "submitted");
    const review = payload.review as { id: number; state: string; submitted_at: string };
    const [event] = entryFor("pull_request_review", payload).events;
    expect(event).toMatchObject({
      kind: "pull_request_review.submitted",
      naturalKey: `review:${review.id}:submitted`,
      occurredAt: new Date(review.submitted_at),
      data: { state: review.state.toLowerCase() },
    });
  });

  it("keys a star by the account id and starred_at, so a webhook and a backfill of it agree whatever the login", () => {
    const payload = examplePayload("star", "created");
    const [event] = entryFor("star", payload).events;
    expect(event?.naturalKey).toBe(`star:id:${(payload.sender as { id: number }).id}:${Date.parse(payload.starred_at as string)}`);
    expect(event?.data).toEqual({ stargazers: (payload.repository as { stargazers_count: number }).stargazers_count });
  });

  it("falls back to the arrival time for an unstar, the one event GitHub gives no time for", () => {
    const [event] = entryFor("star", examplePayload("star", "deleted"), "d-9").events;
    expect(event).toMatchObject({ kind: "star.deleted", occurredAt: receivedAt, naturalKey: expect.stringContaining("d-9") });
  });

  it("records a fork by the new fork's owner", () => {
    const payload = examplePayload("fork");
    const forkee = payload.forkee as { id: number; owner: { login: string } };
    const [event] = entryFor("fork", payload).events;
    expect(event).toMatchObject({ kind: "fork.created", naturalKey: `fork:${forkee.id}`, actorLogin: forkee.owner.login });
  });

  it("marks a deleted or transferred issue as gone from the repository", () => {
    const entry = entryFor("issues", examplePayload("issues", "deleted"));
    expect(entry.item).toBeNull();
    expect(entry.removedItemNumber).toBe((examplePayload("issues", "deleted").issue as { number: number }).number);
  });

  it("gives distinct keys to two labels added in the same second", () => {
    const first = examplePayload("issues", "labeled");
    const second = structuredClone(first);
    (second.label as { name: string }).name = "another-label";
    expect(entryFor("issues", first).events[0]?.naturalKey).not.toBe(entryFor("issues", second).events[0]?.naturalKey);
  });

  it.each(["issues", "issue_comment", "pull_request", "pull_request_review", "pull_request_review_comment", "star", "fork"])(
    "maps every real %s example to exactly one event with a GitHub time",
    (name) => {
      for (const payload of allExamples(name)) {
        const entry = entryFor(name, payload);
        expect(entry.events, `${name}.${String(payload.action)}`).toHaveLength(1);
        expect(Number.isNaN(entry.events[0]!.occurredAt.getTime())).toBe(false);
      }
    },
  );

  it("survives payloads with missing or mistyped fields without throwing", () => {
    for (const name of ["issues", "issue_comment", "pull_request", "pull_request_review", "star", "fork", "bogus"]) {
      expect(entryFor(name, { action: "opened", issue: "nope", repository: 7 }).events).toEqual([]);
      expect(entryFor(name, null).events).toEqual([]);
    }
  });
});
