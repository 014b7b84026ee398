import { describe, expect, it } from "vitest";
import { stewardConfigSchema } from "../../src/config/schema.js";
import type { ClockEvent, ClockItem } from "../../src/domain/clock.js";
import type { Period } from "../../src/domain/figures.js";
import { flowTimes } from "../../src/sla/flow-times.js";
import { loginAt } from "../../src/sla/login-at.js";
import { isAuthorReply } from "../../src/sla/off-clock-spans.js";
import { computeResponseClock, respondent } from "../../src/sla/response-clock.js";
import { clockItem } from "../helpers/clock-fixtures.js";

/**
 * Issue 14: the clock knows people by account id. The author (id 7) was "alice" and is "alicia"
 * since a rename; the maintainer "mia" (id 3) took the login "alice" afterwards.
 */
const H = 3_600_000;
const T0 = new Date("2026-11-02T08:00:00Z");
const at = (hours: number) => new Date(T0.getTime() + hours * H);
const config = stewardConfigSchema.parse({});
const WAITING = "waiting-for-author";

const item = (overrides: Partial<ClockItem> = {}): ClockItem => clockItem(T0, { authorLogin: "alice", authorId: 7, ...overrides });

function event(kind: string, hours: number, actorLogin: string, actorId: number | null, association: string | null, target?: string): ClockEvent {
  return { kind, actorLogin, actorId, actorType: "User", association, occurredAt: at(hours), data: target ? { target } : null };
}

describe("the response clock after a rename", () => {
  it("lifts the waiting pause with the author's reply under the new login on an item stored under the old one", () => {
    const paused = item({ labels: [WAITING], updatedAt: at(2) });
    const events = [event("issues.labeled", 2, "mia", 3, null, WAITING), event("issue_comment.created", 10, "alicia", 7, "NONE")];
    const clock = computeResponseClock(paused, events, config, at(20));
    expect(clock).toMatchObject({ stage: "waiting", clockMs: 12 * H, waitingReplyAt: at(10) });
  });

  it("never takes the author's own comment or close under another login for a first response", () => {
    // Their association on a comment is what GitHub says then; a listed maintainer login is config.
    const ownComment = event("issue_comment.created", 3, "alicia", 7, "MEMBER");
    expect(respondent(ownComment, item(), config)).toBeNull();
    const ownClose = event("issues.closed", 4, "alice", 7, null);
    expect(respondent(ownClose, item({ authorLogin: "alicia" }), config)).toBeNull();
    const clock = computeResponseClock(item({ authorLogin: "alicia" }), [ownClose, event("issues.reopened", 5, "alicia", 7, null)], config, at(30));
    expect(clock).toMatchObject({ stage: "breached", firstResponse: null });
  });

  it("takes the maintainer who now goes by the author's old login for a responder", () => {
    expect(respondent(event("issue_comment.created", 3, "alice", 3, "MEMBER"), item(), config)).toBe("alice");
    expect(respondent(event("issues.closed", 3, "ALICE", 3, null), item(), config)).toBe("ALICE");
    const review = event("pull_request_review.submitted", 3, "alice", 3, "MEMBER");
    const period: Period = { start: T0, end: at(24) };
    expect(flowTimes(item({ isPull: true }), [review], config, period).firstReviewMs).toBe(3 * H);
  });

  it("compares logins, without case, where an id is missing", () => {
    expect(isAuthorReply({ kind: "issue_comment.created", actorLogin: "ALICE", actorId: null }, { authorLogin: "alice", authorId: 7 })).toBe(true);
    expect(isAuthorReply({ kind: "issue_comment.created", actorLogin: "alice", actorId: 3 }, { authorLogin: "alice", authorId: 7 })).toBe(false);
    expect(isAuthorReply({ kind: "issue_comment.created", actorLogin: "alicia", actorId: 7 }, { authorLogin: "alice", authorId: 7 })).toBe(true);
  });
});

describe("loginAt", () => {
  const stored = { login: "alice", at: at(5) };
  it("names a person by the newest login seen by the instant, the stored one when nothing newer was", () => {
    expect(loginAt(stored, [{ login: "alicia", at: at(8) }], at(10))).toBe("alicia");
    expect(loginAt(stored, [{ login: "alicia", at: at(8) }], at(6))).toBe("alice");
    expect(loginAt(stored, [{ login: "old-alice", at: at(1) }], at(10))).toBe("alice");
    expect(loginAt(stored, [undefined], at(10))).toBe("alice");
    // Seen at the same moment: the greater login, as the ledger's labels break ties.
    expect(loginAt(stored, [{ login: "alicia", at: at(5) }], at(10))).toBe("alicia");
  });
});
