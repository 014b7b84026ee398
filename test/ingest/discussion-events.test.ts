import { describe, expect, it } from "vitest";
import { toLedgerEntry } from "../../src/ingest/to-ledger-entry.js";
import { discussionCommentWebhook, discussionWebhook, SandboxModel } from "../../src/sandbox/index.js";
import { allExamples, examplePayload } from "../helpers/webhook-examples.js";

const receivedAt = new Date("2030-01-01T00:00:00Z");
const entryFor = (name: string, payload: unknown) => toLedgerEntry({ id: "delivery-1", name, payload, receivedAt });

describe("discussion deliveries into ledger facts", () => {
  it("records a created discussion at GitHub's time, by its author, with its category and no item row", () => {
    const payload = examplePayload("discussion", "created");
    const discussion = payload.discussion as { id: number; number: number; created_at: string; user: { login: string; id: number } };
    const entry = entryFor("discussion", payload);
    expect(entry.item).toBeNull();
    expect(entry.events).toEqual([
      expect.objectContaining({
        kind: "discussion.created",
        naturalKey: `discussion:${discussion.id}:created`,
        actorLogin: discussion.user.login,
        actorId: discussion.user.id,
        association: "COLLABORATOR",
        itemNumber: discussion.number,
        isPull: null,
        occurredAt: new Date(discussion.created_at),
        data: expect.objectContaining({ category: { id: 32784361, name: "General", slug: "general", answerable: false } }),
      }),
    ]);
  });

  it("records the accepted answer at the time it was chosen, by who chose it, naming the answer's author", () => {
    const payload = examplePayload("discussion", "answered");
    const [event] = entryFor("discussion", payload).events;
    expect(event).toMatchObject({
      kind: "discussion.answered",
      naturalKey: `discussion:3299614:answered:${Date.parse("2021-03-30T19:17:18.000-04:00")}`,
      actorLogin: "Codertocat",
      itemNumber: 4,
      isPull: null,
      occurredAt: new Date("2021-03-30T19:17:18.000-04:00"),
      data: expect.objectContaining({
        answerCommentId: 550561,
        answerAuthorLogin: "dan2wik",
        category: expect.objectContaining({ answerable: true }),
      }),
    });
  });

  it("records a discussion comment by its author with the author's association and the category", () => {
    const payload = examplePayload("discussion_comment", "created");
    const [event] = entryFor("discussion_comment", payload).events;
    expect(event).toMatchObject({
      kind: "discussion_comment.created",
      naturalKey: "discussion_comment:544078:created",
      actorLogin: "Codertocat",
      association: "COLLABORATOR",
      itemNumber: 90,
      occurredAt: new Date("2021-03-29T14:16:31Z"),
      data: expect.objectContaining({ commentId: 544078, parentId: null, category: expect.objectContaining({ name: "General" }) }),
    });
  });

  it("records a close, a reopen, an unmarked answer and a move at the discussion's updated_at, by the sender", () => {
    const base = examplePayload("discussion", "created") as { discussion: Record<string, unknown>; sender: unknown };
    const changed = { ...base.discussion, updated_at: "2021-04-02T10:00:00Z" };
    for (const action of ["closed", "reopened", "unanswered", "category_changed"]) {
      const [event] = entryFor("discussion", { ...base, action, discussion: changed }).events;
      expect(event).toMatchObject({
        kind: `discussion.${action}`,
        naturalKey: `discussion:${String(base.discussion.id)}:${action}:${Date.parse("2021-04-02T10:00:00Z")}`,
        itemNumber: base.discussion.number,
        occurredAt: new Date("2021-04-02T10:00:00Z"),
        data: expect.objectContaining({ category: expect.objectContaining({ name: "General" }) }),
      });
    }
  });

  it("records a deletion and a transfer once each, at the discussion's last update", () => {
    const base = examplePayload("discussion", "created") as { discussion: { id: number; updated_at: string } };
    for (const action of ["deleted", "transferred"]) {
      const first = entryFor("discussion", { ...base, action }).events;
      const again = toLedgerEntry({
        id: "delivery-2",
        name: "discussion",
        payload: { ...base, action },
        receivedAt: new Date("2031-01-01T00:00:00Z"),
      }).events;
      expect(first).toEqual([
        expect.objectContaining({
          kind: `discussion.${action}`,
          naturalKey: `discussion:${base.discussion.id}:${action}`,
          occurredAt: new Date(base.discussion.updated_at),
        }),
      ]);
      expect(again[0]!.naturalKey).toBe(first[0]!.naturalKey);
    }
  });

  it("keeps the created, answered, unanswered, moved and transferred facts of the real examples, each with a GitHub time", () => {
    const kinds = [...allExamples("discussion"), ...allExamples("discussion_comment")].flatMap((payload) => {
      const name = "comment" in payload ? "discussion_comment" : "discussion";
      return entryFor(name, payload).events.map((e) => {
        expect(Number.isNaN(e.occurredAt.getTime())).toBe(false);
        return e.kind;
      });
    });
    expect(new Set(kinds)).toEqual(
      new Set([
        "discussion.created",
        "discussion.answered",
        "discussion.unanswered",
        "discussion.category_changed",
        "discussion.transferred",
        "discussion_comment.created",
      ]),
    );
  });

  it("reads the sandbox's payloads as it reads GitHub's", () => {
    const model = new SandboxModel({ now: () => new Date("2024-03-01T00:00:00Z") });
    model.addInstallation({ id: 77, account: "acme", accountType: "Organization" });
    model.addRepository({ fullName: "acme/widget", ownerType: "Organization" });
    model.addOrgMember("acme", "maya");
    const ctx = { model, urls: { api: "http://sandbox.test/api/v3", web: "http://sandbox.test" } };
    const discussion = model.discussions.add("acme/widget", { user: "noor", category: "Q&A", createdAt: "2024-02-01T10:00:00Z" });
    const comment = model.discussions.addComment("acme/widget", 1, { user: "maya", body: "Try this", createdAt: "2024-02-01T11:00:00Z" });
    model.discussions.markAnswer("acme/widget", 1, comment.id, "noor", "2024-02-01T12:00:00Z");
    const facts = [
      discussionWebhook(ctx, "acme/widget", discussion, "created"),
      discussionCommentWebhook(ctx, "acme/widget", comment),
      discussionWebhook(ctx, "acme/widget", discussion, "answered"),
    ].map((w) => entryFor(w.event, w.payload));
    expect(
      facts.map((f) => [
        f.installationId,
        f.repository?.fullName,
        f.events[0]?.kind,
        f.events[0]?.association,
        f.events[0]?.occurredAt.toISOString(),
      ]),
    ).toEqual([
      [77, "acme/widget", "discussion.created", "NONE", "2024-02-01T10:00:00.000Z"],
      [77, "acme/widget", "discussion_comment.created", "MEMBER", "2024-02-01T11:00:00.000Z"],
      [77, "acme/widget", "discussion.answered", null, "2024-02-01T12:00:00.000Z"],
    ]);
    expect(facts[0]?.events[0]?.data).toMatchObject({ category: { name: "Q&A", answerable: true } });
  });

  it("survives payloads with missing or mistyped fields without throwing", () => {
    for (const name of ["discussion", "discussion_comment"]) {
      expect(entryFor(name, { action: "created", discussion: "nope", repository: 7 }).events).toEqual([]);
      expect(entryFor(name, { action: "answered", discussion: { id: 1, number: 2, created_at: "2024-01-01T00:00:00Z" } }).events).toEqual([]);
      expect(entryFor(name, null).events).toEqual([]);
    }
  });
});
