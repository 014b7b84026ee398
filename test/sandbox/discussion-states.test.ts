import { describe, expect, it } from "vitest";
import { createActivity, createWebhookSender, SandboxModel, type Activity } from "../../src/sandbox/index.js";
import { examplePayload } from "../helpers/webhook-examples.js";

const REPO = "acme/widget";
const NOW = "2024-03-01T00:00:00Z";

/** acme/widget under installation 77, with a frozen clock and "maya" a member of acme. */
function seededModel(): SandboxModel {
  const model = new SandboxModel({ now: () => new Date(NOW) });
  model.addInstallation({ id: 77, account: "acme", accountType: "Organization" });
  model.addRepository({ fullName: REPO, ownerType: "Organization" });
  model.addOrgMember("acme", "maya");
  return model;
}

/** Activity verbs over `model` whose deliveries are kept (parsed) instead of posted. */
function capturing(model: SandboxModel): { activity: Activity; payloads: Record<string, unknown>[] } {
  const payloads: Record<string, unknown>[] = [];
  const fetchImpl: typeof fetch = async (_url, init) => {
    payloads.push(JSON.parse(String(init?.body)) as Record<string, unknown>);
    return new Response(null, { status: 200 });
  };
  const sender = createWebhookSender({ url: "http://steward.test/hook", secret: "s", fetchImpl });
  return { activity: createActivity({ model, address: () => null }, sender), payloads };
}

const keys = (value: unknown) => Object.keys(value as object).sort();
/** The `discussion` keys of GitHub's examples, plus `state_reason`, which its schema adds to them. */
const discussionKeys = () => [...keys(examplePayload("discussion", "created")["discussion"]), "state_reason"].sort();

describe("discussion states in the model", () => {
  it("start open without a reason, close (resolved by default) and reopen with GitHub's reasons and times", () => {
    const model = seededModel();
    const discussion = model.discussions.add(REPO, { user: "noor", createdAt: "2024-02-01T00:00:00Z" });
    expect(discussion).toMatchObject({ state: "open", state_reason: null, closed_at: null });

    model.discussions.close(REPO, discussion.number, "maya", undefined, "2024-02-02T00:00:00Z");
    expect(discussion).toMatchObject({
      state: "closed",
      state_reason: "resolved",
      closed_at: "2024-02-02T00:00:00Z",
      updated_at: "2024-02-02T00:00:00Z",
    });
    expect(() => model.discussions.close(REPO, discussion.number, "maya")).toThrow(/already closed/);

    model.discussions.reopen(REPO, discussion.number, "maya", "2024-02-03T00:00:00Z");
    expect(discussion).toMatchObject({ state: "open", state_reason: "reopened", closed_at: null, updated_at: "2024-02-03T00:00:00Z" });
    expect(() => model.discussions.reopen(REPO, discussion.number, "maya")).toThrow(/not closed/);

    model.discussions.close(REPO, discussion.number, "maya", "duplicate");
    expect(discussion).toMatchObject({ state: "closed", state_reason: "duplicate", closed_at: NOW, updated_at: NOW });
  });

  it("unmark an answer, clearing who chose it and when", () => {
    const model = seededModel();
    const question = model.discussions.add(REPO, { user: "noor", category: "Q&A", createdAt: "2024-02-01T00:00:00Z" });
    const answer = model.discussions.addComment(REPO, question.number, { user: "maya", createdAt: "2024-02-01T01:00:00Z" });
    expect(() => model.discussions.unmarkAnswer(REPO, question.number, "noor")).toThrow(/no answer/);
    model.discussions.markAnswer(REPO, question.number, answer.id, "noor", "2024-02-01T02:00:00Z");
    model.discussions.unmarkAnswer(REPO, question.number, "noor", "2024-02-01T03:00:00Z");
    expect(question).toMatchObject({
      answer_comment_id: null,
      answer_chosen_at: null,
      answer_chosen_by: null,
      updated_at: "2024-02-01T03:00:00Z",
    });
  });

  it("move a discussion to another category, creating a default one on first use", () => {
    const model = seededModel();
    const discussion = model.discussions.add(REPO, { user: "noor", createdAt: "2024-02-01T00:00:00Z" });
    model.discussions.moveToCategory(REPO, discussion.number, "Ideas", "maya", "2024-02-05T00:00:00Z");
    const ideas = model.discussions.categories(REPO).find((c) => c.name === "Ideas");
    expect(ideas).toMatchObject({ slug: "ideas", emoji: ":bulb:", is_answerable: false });
    expect(discussion).toMatchObject({ category_id: ideas?.id, updated_at: "2024-02-05T00:00:00Z" });
    expect(() => model.discussions.moveToCategory(REPO, discussion.number, "ideas", "maya")).toThrow(/already in Ideas/);
  });

  it("delete a discussion with its comments, without giving its number out again", () => {
    const model = seededModel();
    const gone = model.discussions.add(REPO, { user: "noor" });
    const kept = model.discussions.add(REPO, { user: "noor" });
    model.discussions.addComment(REPO, gone.number, { user: "maya" });
    const keptComment = model.discussions.addComment(REPO, kept.number, { user: "maya" });
    expect(model.discussions.delete(REPO, gone.number)).toBe(gone);
    expect(model.discussions.get(REPO, gone.number)).toBeUndefined();
    expect(model.discussions.comments(REPO, gone.number)).toEqual([]);
    expect(model.discussions.comments(REPO, kept.number)).toEqual([keptComment]);
    expect(() => model.discussions.delete(REPO, gone.number)).toThrow(/no discussion/);
    expect(model.discussions.add(REPO, { user: "noor" }).number).toBe(kept.number + 1);
  });
});

describe("discussion state webhooks from the activity verbs", () => {
  it("closed and reopened carry the state, its reason and the actor, with GitHub's discussion keys", async () => {
    const model = seededModel();
    const { activity, payloads } = capturing(model);
    const { record } = await activity.openDiscussion(REPO, { user: "noor", title: "Stale?", at: "2024-02-01T00:00:00Z" });
    await activity.closeDiscussion(REPO, record.number, { by: "maya", reason: "outdated", at: "2024-02-02T00:00:00Z" });
    const closed = payloads.at(-1)!;
    expect(keys(closed["discussion"])).toEqual(discussionKeys());
    expect(closed).toMatchObject({
      action: "closed",
      discussion: { number: record.number, state: "closed", state_reason: "outdated", locked: false, updated_at: "2024-02-02T00:00:00Z" },
      sender: { login: "maya" },
      installation: { id: 77 },
    });

    await activity.reopenDiscussion(REPO, record.number, { by: "noor", at: "2024-02-03T00:00:00Z" });
    expect(payloads.at(-1)).toMatchObject({
      action: "reopened",
      discussion: { state: "open", state_reason: "reopened", updated_at: "2024-02-03T00:00:00Z" },
      sender: { login: "noor" },
    });
  });

  it("unanswered carries the comment that was the answer as old_answer, the discussion without one", async () => {
    const model = seededModel();
    const { activity, payloads } = capturing(model);
    const { record } = await activity.openDiscussion(REPO, { user: "noor", title: "How?", category: "Q&A" });
    const { record: answer } = await activity.commentOnDiscussion(REPO, record.number, { user: "maya", body: "Like so" });
    await activity.markDiscussionAnswer(REPO, record.number, answer.id, { by: "noor" });
    await activity.unmarkDiscussionAnswer(REPO, record.number, { by: "noor", at: "2024-03-02T00:00:00Z" });
    const unanswered = payloads.at(-1)!;
    expect(keys(unanswered["old_answer"])).toEqual(keys(examplePayload("discussion", "unanswered")["old_answer"]));
    expect(unanswered).toMatchObject({
      action: "unanswered",
      discussion: { answer_html_url: null, answer_chosen_at: null, answer_chosen_by: null, updated_at: "2024-03-02T00:00:00Z" },
      old_answer: { id: answer.id, user: { login: "maya" }, body: "Like so", parent_id: null },
      sender: { login: "noor" },
    });
  });

  it("category_changed names the category left in changes.category.from", async () => {
    const model = seededModel();
    const { activity, payloads } = capturing(model);
    const { record } = await activity.openDiscussion(REPO, { user: "noor", title: "Idea" });
    await activity.moveDiscussion(REPO, record.number, { category: "Ideas", by: "maya" });
    const moved = payloads.at(-1)!;
    const template = examplePayload("discussion", "category_changed") as { changes: { category: { from: object } } };
    const changes = moved["changes"] as { category: { from: object } };
    expect(keys(changes.category.from)).toEqual(keys(template.changes.category.from));
    expect(moved).toMatchObject({
      action: "category_changed",
      discussion: { category: { name: "Ideas", slug: "ideas" } },
      changes: { category: { from: { name: "General", slug: "general", is_answerable: false } } },
      sender: { login: "maya" },
    });
  });

  it("deleted carries the discussion as it was, comments counted; a refused verb sends nothing", async () => {
    const model = seededModel();
    const { activity, payloads } = capturing(model);
    const { record } = await activity.openDiscussion(REPO, { user: "noor", title: "Spam" });
    await activity.commentOnDiscussion(REPO, record.number, { user: "maya", body: "Hm" });
    await activity.closeDiscussion(REPO, record.number, { by: "maya" });
    await expect(activity.closeDiscussion(REPO, record.number, { by: "maya" })).rejects.toThrow(/already closed/);
    await activity.deleteDiscussion(REPO, record.number, { by: "maya" });
    expect(payloads.map((p) => p["action"])).toEqual(["created", "created", "closed", "deleted"]);
    expect(payloads.at(-1)).toMatchObject({
      action: "deleted",
      discussion: { number: record.number, comments: 1, state: "closed", state_reason: "resolved" },
      sender: { login: "maya" },
    });
    expect(model.discussions.get(REPO, record.number)).toBeUndefined();
    await expect(activity.deleteDiscussion(REPO, record.number, { by: "maya" })).rejects.toThrow(/no discussion/);
  });
});
