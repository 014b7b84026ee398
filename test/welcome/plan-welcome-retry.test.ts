import { describe, expect, it } from "vitest";
import { defaultConfig, stewardConfigSchema } from "../../src/config/schema.js";
import { planWelcomeRetry, type RetryItem } from "../../src/welcome/plan-welcome-retry.js";

const item = (number: number, authorLogin = "Ana", authorAssociation = "NONE", authorType = "User"): RetryItem => ({
  number,
  authorLogin,
  authorType,
  authorAssociation,
});
const config = (welcome: Record<string, unknown>, extra: Record<string, unknown> = {}) => stewardConfigSchema.parse({ welcome, ...extra });

describe("planWelcomeRetry: first issue and first pull request", () => {
  it("rebuilds the welcome on the recorded item, with the author's login as recorded", () => {
    expect(planWelcomeRetry({ kind: "welcome.first-issue", subject: "ana" }, { item: item(4) }, defaultConfig)).toEqual({
      action: "post",
      post: { effect: "welcome.first-issue", subject: "ana", message: "firstIssue", issueNumber: 4, facts: { author: "Ana" } },
    });
    const pull = planWelcomeRetry({ kind: "welcome.first-pr", subject: "ana" }, { item: item(9) }, defaultConfig);
    expect(pull).toMatchObject({ action: "post", post: { message: "firstPullRequest", issueNumber: 9 } });
  });

  it("a pull request author who is a CONTRIBUTOR by now still gets the welcome decided earlier", () => {
    expect(planWelcomeRetry({ kind: "welcome.first-pr", subject: "ana" }, { item: item(9, "Ana", "CONTRIBUTOR") }, defaultConfig).action).toBe(
      "post",
    );
  });

  it("closes when switched off, when the item is gone, and for maintainers (by association or config), bots and mannequins", () => {
    const claim = { kind: "welcome.first-issue", subject: "ana" };
    expect(planWelcomeRetry(claim, { item: item(4) }, config({ enabled: false }))).toEqual({ action: "close", reason: "disabled", issueNumber: 4 });
    expect(planWelcomeRetry(claim, { item: item(4) }, config({ firstIssue: false }))).toMatchObject({ reason: "disabled" });
    expect(planWelcomeRetry({ kind: "welcome.first-pr", subject: "ana" }, { item: item(4) }, config({ firstPullRequest: false }))).toMatchObject({
      reason: "disabled",
    });
    expect(planWelcomeRetry(claim, { item: null }, defaultConfig)).toEqual({ action: "close", reason: "item-gone", issueNumber: null });
    expect(planWelcomeRetry(claim, { item: item(4, "Ana", "MEMBER") }, defaultConfig)).toMatchObject({ reason: "maintainer", issueNumber: 4 });
    expect(planWelcomeRetry(claim, { item: item(4) }, config({}, { maintainers: ["ana"] }))).toMatchObject({ reason: "maintainer" });
    expect(planWelcomeRetry(claim, { item: item(4) }, config({}, { ignoreUsers: ["ANA"] }))).toMatchObject({ reason: "bot" });
    expect(planWelcomeRetry(claim, { item: item(4, "old", "MANNEQUIN") }, defaultConfig)).toMatchObject({ reason: "mannequin" });
  });
});

describe("planWelcomeRetry: first merge", () => {
  const claim = { kind: "welcome.first-merge", subject: "ana" };
  const contributor = (number: number | null, firstPullNumber: number | null) => ({ number, firstPullNumber });

  it("numbers the congratulation once the history is known, founding text for the first N", () => {
    const founding = planWelcomeRetry(claim, { item: item(7), contributor: contributor(3, 7), historyKnown: true }, defaultConfig);
    expect(founding).toMatchObject({ action: "post", post: { message: "foundingContributor", issueNumber: 7, facts: { author: "Ana", number: 3 } } });
    const later = planWelcomeRetry(claim, { item: item(7), contributor: contributor(12, 7), historyKnown: true }, defaultConfig);
    expect(later).toMatchObject({ post: { message: "firstMerge", facts: { number: 12 } } });
  });

  it("leaves the number out while the history is unknown", () => {
    const plan = planWelcomeRetry(claim, { item: item(7), contributor: contributor(null, 7), historyKnown: false }, defaultConfig);
    expect(plan).toMatchObject({ post: { message: "firstMergeWithoutNumber", facts: { number: null } } });
  });

  it("closes when switched off, without a contributor record, when a backfill found an earlier contribution, or the item is gone", () => {
    const records = { item: item(7), contributor: contributor(3, 7), historyKnown: true };
    expect(planWelcomeRetry(claim, records, config({ firstMerge: false }))).toMatchObject({ reason: "disabled" });
    expect(planWelcomeRetry(claim, { ...records, contributor: null }, defaultConfig)).toMatchObject({ reason: "no-record" });
    expect(planWelcomeRetry(claim, { item: null, contributor: contributor(3, null), historyKnown: true }, defaultConfig)).toMatchObject({
      reason: "not-first",
    });
    expect(planWelcomeRetry(claim, { ...records, contributor: contributor(3, 5) }, defaultConfig)).toMatchObject({ reason: "not-first" });
    expect(planWelcomeRetry(claim, { ...records, item: null }, defaultConfig)).toMatchObject({ reason: "item-gone", issueNumber: null });
    expect(planWelcomeRetry(claim, { ...records, item: item(7, "Ana", "OWNER") }, defaultConfig)).toMatchObject({ reason: "maintainer" });
  });
});

describe("planWelcomeRetry: milestone announcements and unknown kinds", () => {
  const claim = { kind: "welcome.milestone", subject: "contributors-10" };
  const crossing = { threshold: 10, value: 10, login: "Ana", itemNumber: 7 };
  const announcing = config({ announceMilestones: true });

  it("rebuilds the announcement from the recorded crossing", () => {
    expect(planWelcomeRetry(claim, { item: item(7), crossing }, announcing)).toMatchObject({
      action: "post",
      post: {
        effect: "welcome.milestone",
        subject: "contributors-10",
        message: "milestone",
        issueNumber: 7,
        facts: { author: "Ana", number: 10, threshold: 10 },
      },
    });
  });

  it("closes when announcing is off, without a crossing, or when its pull request is gone", () => {
    expect(planWelcomeRetry(claim, { item: item(7), crossing }, defaultConfig)).toMatchObject({ reason: "disabled", issueNumber: 7 });
    expect(planWelcomeRetry(claim, { item: null, crossing: null }, announcing)).toMatchObject({ reason: "no-record" });
    expect(planWelcomeRetry(claim, { item: null, crossing: { ...crossing, login: null } }, announcing)).toMatchObject({ reason: "no-record" });
    expect(planWelcomeRetry(claim, { item: null, crossing }, announcing)).toMatchObject({ reason: "item-gone" });
  });

  it("closes a claim of a kind it does not know", () => {
    expect(planWelcomeRetry({ kind: "welcome.something-new", subject: "x" }, { item: null }, defaultConfig)).toMatchObject({
      reason: "unknown-kind",
    });
  });
});
