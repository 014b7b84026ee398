import { describe, expect, it } from "vitest";
import { toLedgerEntry } from "../../src/ingest/to-ledger-entry.js";
import { examplePayload } from "../helpers/webhook-examples.js";

const receivedAt = new Date("2030-01-01T00:00:00Z");

/** An `issue_comment` delivery of GitHub's example payload with another body and action. */
function delivery(action: string, body: string) {
  const payload = examplePayload("issue_comment", "created");
  const comment = payload.comment as Record<string, unknown>;
  const edited = { ...comment, body, updated_at: "2019-05-15T15:30:00Z" };
  return toLedgerEntry({ id: `d-${action}`, name: "issue_comment", payload: { ...payload, action, comment: edited }, receivedAt });
}

describe("a command in a new comment becomes a ledger fact", () => {
  it("records the command, keyed by the comment, by the comment's author with their association, a snooze with its end", () => {
    const payload = examplePayload("issue_comment", "created");
    const comment = payload.comment as { id: number; created_at: string; user: { login: string }; author_association: string };
    const [said, command] = delivery("created", "/steward snooze 2d").events;
    expect(said).toMatchObject({ kind: "issue_comment.created", data: { commentId: comment.id, onlyCommands: true } });
    expect(command).toMatchObject({
      kind: "command.snooze",
      naturalKey: `comment:${comment.id}:command`,
      actorLogin: comment.user.login,
      association: comment.author_association,
      occurredAt: new Date(comment.created_at),
      data: { commentId: comment.id, until: new Date(new Date(comment.created_at).getTime() + 48 * 3_600_000).toISOString() },
    });
  });

  it("records nothing from an edit, a deletion or a comment without a command", () => {
    expect(delivery("edited", "/steward exempt").events.map((e) => e.kind)).toEqual(["issue_comment.edited"]);
    expect(delivery("deleted", "/steward exempt").events.map((e) => e.kind)).toEqual(["issue_comment.deleted"]);
    const plain = delivery("created", "Thanks, looking into it").events;
    expect(plain.map((e) => e.kind)).toEqual(["issue_comment.created"]);
    expect(plain[0]!.data).toEqual({ commentId: expect.any(Number) });
  });

  it("marks a comment with other words as conversation, while still recording its command", () => {
    const [said, command] = delivery("created", "I will look at it next week.\n/steward snooze 1w").events;
    expect(said!.data).not.toHaveProperty("onlyCommands");
    expect(command).toMatchObject({ kind: "command.snooze" });
  });
});
