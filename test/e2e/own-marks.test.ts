import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { makeDigest } from "../../src/digest/run-digests.js";
import type { RepositoryRecord } from "../../src/domain/repository.js";
import { createActivity, createWebhookSender } from "../../src/sandbox/index.js";
import { listRepositories } from "../../src/store/installations.js";
import { hiddenMarker } from "../../src/text/index.js";
import { retryUnfinishedWelcomes } from "../../src/welcome/retry-unfinished-welcomes.js";
import { startE2E, WEBHOOK_SECRET, type E2E } from "../helpers/e2e-harness.js";
import { openIssue, subjectOf } from "../welcome/welcome-payloads.js";

const REPO = "acme/widget";
const COMMENTS = "/repos/{owner}/{repo}/issues/{issue_number}/comments";
const LABEL = "community-digest";

/**
 * A hidden marker counts only in what Steward's own app wrote (docs/architecture.md, "Exactly
 * once"): another bot echoing it, in a comment or in an issue with the digest's label, must not
 * make a resumed effect think it is done, nor have Steward adopt, comment on and close its issue.
 */
describe("markers in another bot's comments and issues", () => {
  let e2e: E2E;
  let clock: Date;

  beforeEach(async () => {
    clock = new Date("2026-11-30T09:10:00Z");
    e2e = await startE2E({ now: () => clock });
  });
  afterEach(() => e2e.close());

  it("posts a retried welcome although github-actions[bot] echoed its marker", async () => {
    const issue = openIssue(e2e, "alice", "NONE", "2026-11-30T08:00:00Z");
    e2e.sandbox.failNext({ method: "POST", path: COMMENTS, status: 502 });
    expect((await e2e.deliver("issues", issue.payload)).status).toBe(200);
    // A workflow quoting the thread (or echoing markers on purpose) before the retry runs: the
    // marker of the claim (by account id) and the one of a claim from before ids (by login).
    e2e.sandbox.model.addComment(REPO, issue.number, {
      user: "github-actions[bot]",
      body: `Triage bot: seen.\n\n${hiddenMarker("welcome.first-issue", subjectOf("alice"))}\n${hiddenMarker("welcome.first-issue", "alice")}`,
    });

    const report = await retryUnfinishedWelcomes(e2e.server.jobs, {});
    expect(report.retries.map((r) => [r.kind, r.subject, r.outcome])).toEqual([["welcome.first-issue", subjectOf("alice"), "posted"]]);
    const comments = e2e.sandbox.model.listComments(REPO, issue.number);
    expect(comments.map((c) => c.user)).toEqual(["github-actions[bot]", e2e.sandbox.app.botLogin]);
    expect(comments[1]!.body).toContain("Welcome to acme/widget, @alice");
  });

  it("opens its own digest beside another bot's issue with the digest's marker and label, and leaves that issue alone", async () => {
    const sender = createWebhookSender({ url: `${e2e.server.url}/api/github/webhooks`, secret: WEBHOOK_SECRET, appId: e2e.sandbox.app.id });
    e2e.sandbox.model.setFile(REPO, ".github/steward.yml", "welcome:\n  enabled: false\n");
    // The harness's repository is registered by its first delivery.
    await createActivity(e2e.sandbox, sender).star(REPO, "first-fan", new Date("2026-11-24T10:00:00Z"));
    const [repository] = (await listRepositories(e2e.db)) as [RepositoryRecord];

    // The first attempt fails before GitHub made anything: the claim is left for a retry, which looks first.
    e2e.sandbox.failNext({ method: "POST", path: "/repos/acme/widget/issues", status: 502 });
    expect((await makeDigest(e2e.server.jobs, repository, { dryRun: false })).published?.status).toBe("failed");
    const impostor = e2e.sandbox.model.addIssue(REPO, {
      user: "other-app[bot]",
      title: "Community digest: 2026-W48 (Nov 23 - Nov 29)",
      body: `Not Steward's.\n\n${hiddenMarker("digest", "2026-W48")}`,
      labels: [LABEL],
    });

    const retried = await makeDigest(e2e.server.jobs, repository, { dryRun: false });
    expect(retried.published?.status).toBe("created");
    expect(retried.published?.issueNumber).not.toBe(impostor.number);

    // Next week's digest closes the previous one: Steward's, not the impostor.
    clock = new Date("2026-12-07T09:10:00Z");
    expect((await makeDigest(e2e.server.jobs, repository, { dryRun: false })).published?.status).toBe("created");
    const digests = e2e.sandbox.model.listIssues(REPO).filter((i) => i.labels.includes(LABEL));
    expect(digests.map((i) => [i.user, i.state])).toEqual([
      ["other-app[bot]", "open"],
      [e2e.sandbox.app.botLogin, "closed"],
      [e2e.sandbox.app.botLogin, "open"],
    ]);
    expect(e2e.sandbox.model.listComments(REPO, impostor.number)).toEqual([]);
    expect(e2e.sandbox.requestsMatching("PATCH", `/repos/acme/widget/issues/${impostor.number}`)).toEqual([]);
  });
});
