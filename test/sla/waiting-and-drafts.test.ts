import { describe, expect, it } from "vitest";
import { stewardConfigSchema, type StewardConfig } from "../../src/config/schema.js";
import type { ClockEvent, ClockItem } from "../../src/domain/clock.js";
import { offClockSpans } from "../../src/sla/off-clock-spans.js";
import { computeResponseClock } from "../../src/sla/response-clock.js";
import { waitingLabelToRemove } from "../../src/sla/waiting-label.js";
import { clockFact, clockItem, type Tail } from "../helpers/clock-fixtures.js";

/** Issue 14, defects 5 (the waiting pause never ended) and 4 (a response to a draft stopped the clock). */
const H = 3_600_000;
const T0 = new Date("2024-06-03T08:00:00Z");
const at = (hours: number) => new Date(T0.getTime() + hours * H);
const WAITING = { target: "waiting-for-author" };

const item = (overrides: Partial<ClockItem> = {}): ClockItem => clockItem(T0, overrides);

const event = (kind: string, hours: number, ...who: Tail<Parameters<typeof clockFact>>): ClockEvent => clockFact(kind, at(hours), ...who);

const config = (raw: Record<string, unknown> = {}): StewardConfig => stewardConfigSchema.parse(raw);
const labelled = (hours: number, by = "mia", type = "User") => event("issues.labeled", hours, by, null, WAITING, type);
const authorReply = (hours: number, kind = "issue_comment.created") => event(kind, hours, "carol", "NONE");

describe("the waiting-for-author pause", () => {
  const cases: Array<{ name: string; labeller: [string, string]; reply: string }> = [
    { name: "a maintainer", labeller: ["mia", "User"], reply: "issue_comment.created" },
    { name: "a bot", labeller: ["triage[bot]", "Bot"], reply: "issue_comment.created" },
    { name: "a maintainer (reply in a review thread)", labeller: ["mia", "User"], reply: "pull_request_review_comment.created" },
  ];

  it.each(cases)("ends with the author's reply when $name put the label on, though the label stays", ({ labeller, reply }) => {
    // Labelled at 2 h, the author replies at 10 h: on the clock 0-2 h and from 10 h.
    const events = [labelled(2, ...labeller), authorReply(10, reply)];
    const still = item({ labels: ["waiting-for-author"], updatedAt: at(10) });
    expect(computeResponseClock(still, events, config(), at(20))).toMatchObject({ stage: "waiting", clockMs: 12 * H, firstResponse: null });
    expect(computeResponseClock(still, events, config(), at(26))).toMatchObject({ stage: "at-risk", clockMs: 18 * H });
    expect(computeResponseClock(still, events, config(), at(33))).toMatchObject({ stage: "breached", clockMs: 25 * H });
  });

  it("pauses while the author has not replied, even for days", () => {
    const events = [labelled(2)];
    const still = item({ labels: ["waiting-for-author"], updatedAt: at(2) });
    expect(computeResponseClock(still, events, config(), at(200))).toMatchObject({ stage: "paused", clockMs: 2 * H });
  });

  it("does not let the author's reply before the label lift the later pause", () => {
    const events = [authorReply(1), labelled(2)];
    const still = item({ labels: ["waiting-for-author"], updatedAt: at(2) });
    expect(computeResponseClock(still, events, config(), at(50))).toMatchObject({ stage: "paused", clockMs: 2 * H });
  });

  it("pauses again when the label is put on again after the reply, and a second reply lifts that too", () => {
    const events = [labelled(2), authorReply(4), event("issues.unlabeled", 5, "mia", null, WAITING), labelled(6)];
    const again = item({ labels: ["waiting-for-author"], updatedAt: at(6) });
    // On the clock 0-2 and 4-6: 4 h, paused since 6 h.
    expect(computeResponseClock(again, events, config(), at(40))).toMatchObject({ stage: "paused", clockMs: 4 * H });
    expect(computeResponseClock(again, [...events, authorReply(30)], config(), at(40))).toMatchObject({ stage: "waiting", clockMs: 14 * H });
  });

  it("ignores other people's comments: only the author lifts it", () => {
    const events = [
      labelled(2),
      event("issue_comment.created", 5, "dave", "NONE"),
      event("issue_comment.created", 6, "ci[bot]", "NONE", null, "Bot"),
    ];
    const still = item({ labels: ["waiting-for-author"], updatedAt: at(6) });
    expect(computeResponseClock(still, events, config(), at(40))).toMatchObject({ stage: "paused", clockMs: 2 * H });
  });

  it("lifts a label from before Steward (no labelled event) with the author's first reply", () => {
    const old = item({ labels: ["waiting-for-author"], updatedAt: at(7) });
    expect(computeResponseClock(old, [authorReply(7)], config(), at(17))).toMatchObject({ stage: "waiting", clockMs: 10 * H });
  });

  it("tells the sweep which reply lifted a label still on the item", () => {
    const rules = config().response;
    const still = item({ labels: ["waiting-for-author"], updatedAt: at(10) });
    expect(offClockSpans(still, [labelled(2), authorReply(10)], rules, at(20))).toMatchObject({
      pausedNow: false,
      spans: [{ start: at(2).getTime(), end: at(10).getTime() }],
      waitingLiftedAt: at(10).getTime(),
    });
    const removed = item({ labels: [], updatedAt: at(11) });
    const off = offClockSpans(
      removed,
      [labelled(2), authorReply(10), event("issues.unlabeled", 11, "steward[bot]", null, WAITING, "Bot")],
      rules,
      at(20),
    );
    expect(off.waitingLiftedAt).toBeNull();
  });
});

describe("draft pull requests", () => {
  const pr = (overrides: Partial<ClockItem> = {}) => item({ isPull: true, ...overrides });
  const openedDraft = event("pull_request.opened", 0, "carol", "NONE", { draft: true });
  const ready = (hours: number) => event("pull_request.ready_for_review", hours, "carol", null);

  it("starts the clock at ready for review for a PR opened as a draft; a response before does not stop it", () => {
    const events = [openedDraft, event("issue_comment.created", 3, "mia"), event("pull_request_review.submitted", 5, "ann", "OWNER"), ready(30)];
    const clock = computeResponseClock(pr({ updatedAt: at(30) }), events, config(), at(50));
    expect(clock).toMatchObject({ firstResponse: null, stage: "at-risk", clockMs: 20 * H, startedAt: at(30) });
    expect(computeResponseClock(pr({ updatedAt: at(30) }), events, config(), at(55)).stage).toBe("breached");
  });

  it("stops at the first response after ready for review, measured from it", () => {
    const events = [openedDraft, event("issue_comment.created", 3, "mia"), ready(30), event("issue_comment.created", 34, "mia")];
    const clock = computeResponseClock(pr({ updatedAt: at(34) }), events, config(), at(60));
    expect(clock.firstResponse).toMatchObject({ at: at(34), by: "mia", clockMs: 4 * H });
  });

  it("keeps a draft never marked ready off the clock, whatever maintainers said", () => {
    const events = [openedDraft, event("issue_comment.created", 3, "mia")];
    const clock = computeResponseClock(pr({ draft: true }), events, config(), at(100));
    expect(clock).toMatchObject({ stage: "exempt", clockMs: 0, firstResponse: null });
  });

  it("starts at the last update when the ready event was lost but the PR is no longer a draft", () => {
    const clock = computeResponseClock(pr({ updatedAt: at(40) }), [openedDraft, event("issue_comment.created", 3, "mia")], config(), at(50));
    expect(clock).toMatchObject({ stage: "waiting", clockMs: 10 * H, firstResponse: null });
  });

  it("leaves PRs opened for review as they were: time back in draft is off the clock", () => {
    const events = [event("pull_request.opened", 0, "carol", "NONE", null), event("pull_request.converted_to_draft", 2, "carol", null), ready(12)];
    expect(computeResponseClock(pr({ updatedAt: at(12) }), events, config(), at(20))).toMatchObject({ stage: "waiting", clockMs: 10 * H });
    expect(
      computeResponseClock(pr({ updatedAt: at(12) }), [...events, event("issue_comment.created", 14, "mia")], config(), at(20)).firstResponse
        ?.clockMs,
    ).toBe(4 * H);
  });

  it("puts drafts on the clock from opening with response.draftsOnClock", () => {
    const on = config({ response: { draftsOnClock: true } });
    const events = [openedDraft, event("issue_comment.created", 3, "mia"), ready(30)];
    expect(computeResponseClock(pr({ updatedAt: at(30) }), events, on, at(50)).firstResponse).toMatchObject({ by: "mia", clockMs: 3 * H });
    expect(computeResponseClock(pr({ draft: true }), [openedDraft], on, at(30))).toMatchObject({ stage: "breached", clockMs: 30 * H });
  });

  it("defaults response.draftsOnClock to false and removeWaitingLabelOnReply to true", () => {
    expect(config().response).toMatchObject({ draftsOnClock: false, removeWaitingLabelOnReply: true });
    expect(config({ response: { removeWaitingLabelOnReply: false } }).response.removeWaitingLabelOnReply).toBe(false);
  });
});

describe("waitingLabelToRemove", () => {
  const events = [labelled(2), authorReply(10)];
  const still = item({ labels: ["waiting-for-author"], updatedAt: at(10) });
  const decide = (target: ClockItem, raw: Record<string, unknown> = {}) =>
    waitingLabelToRemove(target, computeResponseClock(target, events, config(raw), at(12)), config(raw));

  it("names the reply whose label comes off, on an open item still carrying it", () => {
    expect(decide(still)).toEqual(at(10));
  });

  it("keeps the label with removeWaitingLabelOnReply: false, on closed items and once it is gone", () => {
    expect(decide(still, { response: { removeWaitingLabelOnReply: false } })).toBeNull();
    expect(decide({ ...still, state: "closed", closedAt: at(11) })).toBeNull();
    expect(decide({ ...still, labels: [], updatedAt: at(11) })).toBeNull();
  });
});
