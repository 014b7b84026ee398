import type { Octokit } from "@octokit/rest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedWidgets, start, type Started } from "./helpers.js";

const repo = { owner: "octo-org", repo: "widgets" };

describe("fault injection", () => {
  let started: Started;
  let octokit: Octokit;
  let issueNumber: number;

  beforeAll(async () => {
    started = await start();
    ({ octokit } = seedWidgets(started));
    issueNumber = started.sandbox.model.addIssue("octo-org/widgets", { user: "alice" }).number;
  });
  afterAll(() => started.sandbox.close());

  const comments = () => started.sandbox.model.listComments("octo-org/widgets", issueNumber).map((c) => c.body);

  it("afterSideEffect: the comment is written but the answer is a 502", async () => {
    started.sandbox.failNext({ method: "POST", path: /\/comments$/, status: 502, afterSideEffect: true });
    await expect(octokit.rest.issues.createComment({ ...repo, issue_number: issueNumber, body: "lost answer" })).rejects.toMatchObject({
      status: 502,
    });
    expect(comments()).toEqual(["lost answer"]);
    expect(started.sandbox.requests.at(-1)).toMatchObject({ method: "POST", status: 502, body: { body: "lost answer" } });
    // One use only: the next POST goes through.
    expect((await octokit.rest.issues.createComment({ ...repo, issue_number: issueNumber, body: "second" })).status).toBe(201);
    expect(comments()).toEqual(["lost answer", "second"]);
  });

  it("without afterSideEffect nothing is written; `times` and template paths work", async () => {
    started.sandbox.failNext({
      method: "POST",
      path: "/repos/{owner}/{repo}/issues/{issue_number}/comments",
      status: 500,
      times: 2,
      headers: { "x-injected": "yes" },
    });
    const failure = octokit.rest.issues.createComment({ ...repo, issue_number: issueNumber, body: "never" });
    await expect(failure).rejects.toMatchObject({ status: 500, response: { headers: expect.objectContaining({ "x-injected": "yes" }) } });
    await expect(octokit.rest.issues.createComment({ ...repo, issue_number: issueNumber, body: "never" })).rejects.toMatchObject({ status: 500 });
    expect(started.sandbox.pendingFaults()).toEqual([]);
    expect(comments()).not.toContain("never");
  });

  it("filters and resets the request log, with authorization redacted", async () => {
    await octokit.rest.issues.get({ ...repo, issue_number: issueNumber });
    const get = started.sandbox.requestsMatching("GET", "/repos/{owner}/{repo}/issues/{issue_number}").at(-1);
    expect(get?.headers["authorization"]).toBe("token [redacted]");
    expect(JSON.stringify(started.sandbox.requests)).not.toMatch(/ghs_/);
    const log = started.sandbox.requests;
    started.sandbox.resetRequests();
    expect(log).toHaveLength(0);
  });
});

describe("secondary rate limit on content creation", () => {
  let started: Started;
  afterAll(() => started.sandbox.close());
  beforeAll(async () => {
    started = await start({ contentCreationLimit: { perMinute: 2, perHour: 10 } });
  });

  it("answers 403 with retry-after and GitHub's wording once over the limit", async () => {
    const { octokit } = seedWidgets(started);
    const number = started.sandbox.model.addIssue("octo-org/widgets", { user: "alice" }).number;
    await octokit.rest.issues.createComment({ ...repo, issue_number: number, body: "1" });
    await octokit.rest.issues.addLabels({ ...repo, issue_number: number, labels: ["not-content"] });
    await octokit.rest.issues.createComment({ ...repo, issue_number: number, body: "2" });
    const error = await octokit.rest.issues.createComment({ ...repo, issue_number: number, body: "3" }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 403, message: expect.stringMatching(/secondary rate limit/) });
    const retryAfter = Number((error as { response: { headers: Record<string, string> } }).response.headers["retry-after"]);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(started.sandbox.model.listComments("octo-org/widgets", number).map((c) => c.body)).toEqual(["1", "2"]);
  });
});
