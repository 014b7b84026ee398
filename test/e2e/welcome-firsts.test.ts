import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { backfillState, sideEffects } from "../../src/store/schema.js";
import { listContributors } from "../../src/store/contributors.js";
import { startE2E, type E2E } from "../helpers/e2e-harness.js";
import { examplePayload, forRepository } from "../helpers/webhook-examples.js";
import { hiddenMarker } from "../../src/text/index.js";
import { mergePull, openIssue, openPull, subjectOf } from "../welcome/welcome-payloads.js";

/** Steward's comments on item `number`, as the sandbox holds them. */
const stewardComments = (e2e: E2E, number: number) =>
  e2e.sandbox.model
    .listComments("acme/widget", number)
    .filter((c) => c.user === "steward[bot]")
    .map((c) => c.body);

describe("welcomes before the history is known (association + one API read)", () => {
  let e2e: E2E;
  beforeEach(async () => {
    e2e = await startE2E();
    e2e.sandbox.model.setFile("acme/widget", "CONTRIBUTING.md", "# How to contribute\n");
  });
  afterEach(async () => {
    await e2e.close();
  });

  it("welcomes a first issue and a first PR once each, never maintainers, bots or mannequins, and gives no number", async () => {
    const issue1 = openIssue(e2e, "alice", "NONE", "2026-03-02T10:00:00Z");
    const issue2 = openIssue(e2e, "alice", "NONE", "2026-03-02T11:00:00Z");
    const pr1 = openPull(e2e, "bob", "FIRST_TIME_CONTRIBUTOR", "2026-03-02T12:00:00Z");
    const pr2 = openPull(e2e, "bob", "FIRST_TIME_CONTRIBUTOR", "2026-03-02T13:00:00Z");
    const byOwner = openIssue(e2e, "acme-lead", "OWNER", "2026-03-02T14:00:00Z");
    const byBot = openPull(e2e, "renovate[bot]", "NONE", "2026-03-02T15:00:00Z", "Bot");
    const byMannequin = openIssue(e2e, "imported-user", "MANNEQUIN", "2026-03-02T16:00:00Z");
    const firstTimer = openIssue(e2e, "cleo", "FIRST_TIMER", "2026-03-02T17:00:00Z");
    for (const opened of [issue1, issue2, byOwner, byMannequin, firstTimer]) {
      expect((await e2e.deliver("issues", opened.payload)).status).toBe(200);
    }
    for (const opened of [pr1, pr2, byBot]) expect((await e2e.deliver("pull_request", opened.payload)).status).toBe(200);

    const issueWelcome = stewardComments(e2e, issue1.number);
    expect(issueWelcome).toHaveLength(1);
    expect(issueWelcome[0]).toContain("Welcome to acme/widget, @alice, and thank you for opening your first issue here!");
    expect(issueWelcome[0]).toContain("](http://");
    expect(issueWelcome[0]).toContain("/acme/widget/blob/main/CONTRIBUTING.md)");
    expect(issueWelcome[0]).not.toContain("code of conduct");
    // Claimed per account id, so a rename cannot bring a second welcome (test/e2e/welcome-renamed-account.test.ts).
    expect(issueWelcome[0]).toContain(hiddenMarker("welcome.first-issue", subjectOf("alice")));
    expect(stewardComments(e2e, issue2.number)).toEqual([]);
    expect(stewardComments(e2e, pr1.number)[0]).toContain("Thank you for your first pull request to acme/widget, @bob!");
    expect(stewardComments(e2e, pr2.number)).toEqual([]);
    expect(stewardComments(e2e, byOwner.number)).toEqual([]);
    expect(stewardComments(e2e, byBot.number)).toEqual([]);
    expect(stewardComments(e2e, byMannequin.number)).toEqual([]);
    expect(stewardComments(e2e, firstTimer.number)).toHaveLength(1);

    // bob's first PR is merged: congratulated, without a number (the history is unknown).
    expect((await e2e.deliver("pull_request", mergePull(e2e, pr1, "2026-03-03T09:00:00Z"))).status).toBe(200);
    const congratulation = stewardComments(e2e, pr1.number)[1];
    expect(congratulation).toContain("Congratulations on your first merged pull request to acme/widget, @bob!");
    expect(congratulation).not.toMatch(/#\u200B?\d/);
    expect((await listContributors(e2e.db, e2e.target.repositoryId)).map((c) => [c.login, c.number])).toEqual([["bob", null]]);

    // His second merge is no first.
    expect((await e2e.deliver("pull_request", mergePull(e2e, pr2, "2026-03-04T09:00:00Z"))).status).toBe(200);
    expect(stewardComments(e2e, pr2.number)).toEqual([]);
  });

  it("posts once under redelivery and two concurrent deliveries of the same event", async () => {
    const issue = openIssue(e2e, "dana", "NONE", "2026-03-02T10:00:00Z");
    await e2e.deliver("issues", issue.payload, { id: "same-id" });
    await e2e.deliver("issues", issue.payload, { id: "same-id" });
    const pr = openPull(e2e, "dana", "NONE", "2026-03-02T11:00:00Z");
    const answers = await Promise.all([
      e2e.deliver("pull_request", pr.payload, { id: "first-id" }),
      e2e.deliver("pull_request", pr.payload, { id: "second-id" }),
    ]);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    const merged = mergePull(e2e, pr, "2026-03-03T09:00:00Z");
    await Promise.all([e2e.deliver("pull_request", merged, { id: "merge-1" }), e2e.deliver("pull_request", merged, { id: "merge-2" })]);
    expect(stewardComments(e2e, issue.number)).toHaveLength(1);
    const onPr = stewardComments(e2e, pr.number);
    expect(onPr).toHaveLength(2);
    expect(onPr[0]).toContain("first pull request");
    expect(onPr[1]).toContain("first merged pull request");
    expect(
      e2e.db
        .select()
        .from(sideEffects)
        .all()
        .map((e) => [e.kind, e.subject, e.state])
        .sort(),
    ).toEqual([
      ["welcome.first-issue", subjectOf("dana"), "done"],
      ["welcome.first-merge", subjectOf("dana"), "done"],
      ["welcome.first-pr", subjectOf("dana"), "done"],
    ]);
  });

  it("welcomes no one when the API read fails, leaves no claim, and welcomes on the next delivery", async () => {
    const issue = openIssue(e2e, "eve", "NONE", "2026-03-02T10:00:00Z");
    e2e.sandbox.failNext({ method: "GET", path: "/repos/{owner}/{repo}/issues", status: 502 });
    await e2e.deliver("issues", issue.payload);
    expect(stewardComments(e2e, issue.number)).toEqual([]);
    expect(e2e.db.select().from(sideEffects).all()).toEqual([]);
    expect(e2e.logLines.some((line) => line.includes("could not read eve's earlier items"))).toBe(true);
    await e2e.deliver("issues", issue.payload);
    expect(stewardComments(e2e, issue.number)).toHaveLength(1);
  });

  it("a repository with welcome disabled gets nothing", async () => {
    e2e.sandbox.model.setFile("acme/widget", ".github/steward.yml", "welcome:\n  enabled: false\n");
    const issue = openIssue(e2e, "fay", "NONE", "2026-03-02T10:00:00Z");
    const pr = openPull(e2e, "fay", "NONE", "2026-03-02T11:00:00Z");
    await e2e.deliver("issues", issue.payload);
    await e2e.deliver("pull_request", pr.payload);
    await e2e.deliver("pull_request", mergePull(e2e, pr, "2026-03-03T09:00:00Z"));
    expect(e2e.sandbox.model.listRepoComments("acme/widget")).toEqual([]);
    // The contribution is still recorded: the contributors list is data, not a message.
    expect((await listContributors(e2e.db, e2e.target.repositoryId)).map((c) => c.login)).toEqual(["fay"]);
  });

  it("ignores the unmodified example payloads (their author is the repository's OWNER)", async () => {
    await e2e.deliver("issues", forRepository(examplePayload("issues", "opened"), e2e.target));
    await e2e.deliver("pull_request", forRepository(examplePayload("pull_request", "opened"), e2e.target));
    await e2e.deliver("pull_request", forRepository(examplePayload("pull_request", "closed"), e2e.target));
    expect(e2e.sandbox.model.listRepoComments("acme/widget")).toEqual([]);
    expect(e2e.db.select().from(backfillState).all()).toEqual([]);
  });
});
