import { describe, expect, it } from "vitest";
import { stewardConfigSchema, type StewardConfig } from "../../src/config/schema.js";
import type { ClockEvent, ClockItem } from "../../src/domain/clock.js";
import { computeResponseClock } from "../../src/sla/response-clock.js";
import { clockFact, clockItem, type Tail } from "../helpers/clock-fixtures.js";

const H = 3_600_000;
const T0 = new Date("2024-06-03T08:00:00Z"); // a Monday
const at = (hours: number) => new Date(T0.getTime() + hours * H);

const item = (overrides: Partial<ClockItem> = {}): ClockItem => clockItem(T0, overrides);

const event = (kind: string, hours: number, ...who: Tail<Parameters<typeof clockFact>>): ClockEvent => clockFact(kind, at(hours), ...who);

const config = (raw: Record<string, unknown> = {}): StewardConfig => stewardConfigSchema.parse(raw);

describe("computeResponseClock", () => {
  it("runs from opening: waiting, at risk at 75% of the goal, breached past it", () => {
    expect(computeResponseClock(item(), [], config(), at(10)).stage).toBe("waiting");
    expect(computeResponseClock(item(), [], config(), at(18)).stage).toBe("at-risk");
    const late = computeResponseClock(item(), [], config(), at(25));
    expect(late).toMatchObject({ stage: "breached", clockMs: 25 * H, firstResponse: null, onClock: true });
  });

  it("stops at a maintainer's comment, which gives who and how long", () => {
    const clock = computeResponseClock(item(), [event("issue_comment.created", 5)], config(), at(30));
    expect(clock.stage).toBe("answered");
    expect(clock.firstResponse).toMatchObject({ by: "mia", clockMs: 5 * H, kind: "issue_comment.created" });
  });

  it("ignores the author's own comments, bots, Steward and community members", () => {
    const events = [
      event("issue_comment.created", 1, "carol", "NONE"),
      event("issue_comment.created", 2, "dependabot[bot]", "NONE", null, "Bot"),
      event("issue_comment.created", 3, "steward[bot]", "NONE", null, "Bot"),
      event("issue_comment.created", 4, "dave", "CONTRIBUTOR"),
    ];
    expect(computeResponseClock(item(), events, config(), at(25)).stage).toBe("breached");
  });

  it("counts a maintainer listed in the config, reviews and review comments", () => {
    const listed = computeResponseClock(item(), [event("issue_comment.created", 3, "zoe", "NONE")], config({ maintainers: ["zoe"] }), at(30));
    expect(listed.firstResponse?.by).toBe("zoe");
    const pr = item({ isPull: true });
    expect(
      computeResponseClock(pr, [event("pull_request_review.submitted", 2, "mia", "COLLABORATOR", { state: "approved" })], config(), at(30))
        .firstResponse?.clockMs,
    ).toBe(2 * H);
    expect(computeResponseClock(pr, [event("pull_request_review_comment.created", 4, "mia", "OWNER")], config(), at(30)).firstResponse?.clockMs).toBe(
      4 * H,
    );
  });

  it("counts a maintainer closing without a comment, and a merge by someone else, but not the author closing", () => {
    const closed = item({ state: "closed", closedAt: at(6) });
    expect(computeResponseClock(closed, [event("issues.closed", 6, "mia", null)], config(), at(30)).firstResponse).toMatchObject({
      by: "mia",
      clockMs: 6 * H,
    });
    const merged = item({ isPull: true, state: "closed", closedAt: at(7) });
    expect(
      computeResponseClock(merged, [event("pull_request.merged", 7, "carol", "NONE", { mergedBy: "mia" })], config(), at(30)).firstResponse?.by,
    ).toBe("mia");
    const own = computeResponseClock(closed, [event("issues.closed", 6, "carol", null)], config(), at(30));
    expect(own).toMatchObject({ stage: "closed-unanswered", clockMs: 6 * H, firstResponse: null });
  });

  it("puts maintainers' and bots' own items off the clock", () => {
    expect(computeResponseClock(item({ authorAssociation: "MEMBER" }), [], config(), at(40)).stage).toBe("not-on-clock");
    expect(computeResponseClock(item({ authorLogin: "renovate[bot]", authorType: "Bot" }), [], config(), at(40)).stage).toBe("not-on-clock");
  });

  it("takes events in time order, whatever order they arrive in", () => {
    const events = [event("issue_comment.created", 9, "ann", "OWNER"), event("issue_comment.created", 4, "mia")];
    expect(computeResponseClock(item(), events, config(), at(30)).firstResponse).toMatchObject({ by: "mia", clockMs: 4 * H });
  });

  it("pauses while the waiting-for-author label is on, and says so while it is", () => {
    const events = [
      event("issues.labeled", 2, "mia", null, { target: "waiting-for-author" }),
      event("issues.unlabeled", 12, "mia", null, { target: "waiting-for-author" }),
    ];
    const resumed = computeResponseClock(item(), events, config(), at(30));
    expect(resumed).toMatchObject({ stage: "at-risk", clockMs: 20 * H });
    const paused = computeResponseClock(item({ labels: ["waiting-for-author"], updatedAt: at(2) }), events.slice(0, 1), config(), at(40));
    expect(paused).toMatchObject({ stage: "paused", clockMs: 2 * H });
  });

  it("keeps items with an exempt label and draft PRs off the clock while so", () => {
    const exempt = computeResponseClock(item({ labels: ["discussion"] }), [], config({ response: { exemptLabels: ["discussion"] } }), at(50));
    expect(exempt).toMatchObject({ stage: "exempt", clockMs: 0 });
    const draftThenReady = [
      event("pull_request.opened", 0, "carol", "NONE", { draft: true }),
      event("pull_request.ready_for_review", 30, "carol", null),
    ];
    const pr = item({ isPull: true, updatedAt: at(30) });
    expect(computeResponseClock(pr, draftThenReady, config(), at(40))).toMatchObject({ stage: "waiting", clockMs: 10 * H });
    expect(computeResponseClock(item({ isPull: true, draft: true }), [], config(), at(40)).stage).toBe("exempt");
  });

  it("counts only working time with business hours, across a weekend", () => {
    const hours = { response: { goalHours: 8, businessHours: { enabled: true, timezone: "Europe/Berlin", start: "09:00", end: "17:00" } } };
    // Friday 2024-06-07 15:00 Berlin (13:00Z) to Monday 11:00 Berlin: 2 h Friday + 2 h Monday.
    const friday = item({ createdAt: new Date("2024-06-07T13:00:00Z") });
    const clock = computeResponseClock(friday, [], config(hours), new Date("2024-06-10T09:00:00Z"));
    expect(clock).toMatchObject({ clockMs: 4 * H, stage: "waiting" });
    expect(computeResponseClock(friday, [], config(hours), new Date("2024-06-10T13:00:00Z")).stage).toBe("breached");
  });

  it("skips holidays and keeps to local time across a DST change and in other zones", () => {
    const hours = (tz: string, holidays: string[] = []) =>
      config({ response: { businessHours: { enabled: true, timezone: tz, start: "09:00", end: "17:00", holidays } } });
    // New York, DST starts Sunday 2024-03-10: Friday 16:00 EST (21:00Z) to Monday 10:00 EDT (14:00Z) = 1 h + 1 h.
    const ny = item({ createdAt: new Date("2024-03-08T21:00:00Z") });
    expect(computeResponseClock(ny, [], hours("America/New_York"), new Date("2024-03-11T14:00:00Z")).clockMs).toBe(2 * H);
    // With Monday a holiday, only Friday's hour counts.
    expect(computeResponseClock(ny, [], hours("America/New_York", ["2024-03-11"]), new Date("2024-03-11T14:00:00Z")).clockMs).toBe(1 * H);
    // Kolkata (UTC+5:30): 03:30Z is 09:00 local, so 04:30Z is one working hour in.
    const kolkata = item({ createdAt: new Date("2024-06-03T00:00:00Z") });
    expect(computeResponseClock(kolkata, [], hours("Asia/Kolkata"), new Date("2024-06-03T04:30:00Z")).clockMs).toBe(1 * H);
  });

  it("flags a follow-up when a community reply waits followUpDays for a maintainer, from the first unanswered reply", () => {
    const events = [
      event("issue_comment.created", 2, "mia"),
      event("issue_comment.created", 24, "carol", "NONE"),
      event("issue_comment.created", 30, "dave", "NONE"),
    ];
    const early = computeResponseClock(item(), events, config(), at(24 + 6 * 24));
    expect(early).toMatchObject({ stage: "answered", openWait: { since: at(24), by: "carol", due: false } });
    const due = computeResponseClock(item(), events, config(), at(24 + 7 * 24));
    expect(due).toMatchObject({ stage: "follow-up-due", openWait: { since: at(24), due: true } });
    const answered = computeResponseClock(item(), [...events, event("issue_comment.created", 40, "ann", "OWNER")], config(), at(300));
    expect(answered).toMatchObject({ stage: "answered", openWait: null });
    const bot = computeResponseClock(item(), [events[0]!, event("issue_comment.created", 5, "ci[bot]", "NONE", null, "Bot")], config(), at(300));
    expect(bot.openWait).toBeNull();
  });
});
