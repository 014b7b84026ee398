import type { Octokit } from "@octokit/rest";
import { ProbotOctokit } from "probot";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APP_ID, keys, seedWidgets, start, type Started } from "./helpers.js";

const repo = { owner: "octo-org", repo: "widgets" };

describe("REST through Octokit", () => {
  let started: Started;
  let octokit: Octokit;
  let installationId: number;

  beforeAll(async () => {
    started = await start({ now: () => new Date("2024-05-01T12:00:00Z") });
    ({ octokit, installationId } = seedWidgets(started));
  });
  afterAll(() => started.sandbox.close());

  it("creates comments, records their bodies, and pages them with Link headers", async () => {
    const { model } = started.sandbox;
    const issue = model.addIssue("octo-org/widgets", { user: "alice", title: "Crash on start", createdAt: "2024-04-01T00:00:00Z" });
    for (let i = 1; i <= 4; i++) model.addComment("octo-org/widgets", issue.number, { user: "bob", body: `seeded ${i}` });
    const created = await octokit.rest.issues.createComment({ ...repo, issue_number: issue.number, body: "Thanks! <!-- steward:welcome:1 -->" });
    expect(created.status).toBe(201);
    expect(created.data.user).toMatchObject({ login: "steward[bot]", type: "Bot" });
    expect(created.data.created_at).toBe("2024-05-01T12:00:00Z");
    expect(created.data.html_url).toContain(`/octo-org/widgets/issues/${issue.number}#issuecomment-`);
    expect(model.listComments("octo-org/widgets", issue.number).at(-1)?.body).toBe("Thanks! <!-- steward:welcome:1 -->");
    expect(started.sandbox.requestsMatching("POST", /\/comments$/).at(-1)?.body).toEqual({ body: "Thanks! <!-- steward:welcome:1 -->" });

    const first = await octokit.rest.issues.listComments({ ...repo, issue_number: issue.number, per_page: 2 });
    expect(first.data.map((c) => c.body)).toEqual(["seeded 1", "seeded 2"]);
    expect(first.headers.link).toMatch(/<[^>]*[?&]page=2[^>]*>; rel="next"/);
    expect(first.headers.link).toMatch(/page=3[^>]*>; rel="last"/);
    started.sandbox.resetRequests();
    const all = await octokit.paginate(octokit.rest.issues.listComments, { ...repo, issue_number: issue.number, per_page: 2 });
    expect(all.map((c) => c.body)).toEqual(["seeded 1", "seeded 2", "seeded 3", "seeded 4", "Thanks! <!-- steward:welcome:1 -->"]);
    expect(started.sandbox.requests.map((r) => r.query["page"] ?? "1")).toEqual(["1", "2", "3"]);
    await expect(octokit.rest.issues.createComment({ ...repo, issue_number: 999, body: "x" })).rejects.toMatchObject({ status: 404 });
  });

  it("creates, updates and lists issues with filters", async () => {
    const created = await octokit.rest.issues.create({ ...repo, title: "Weekly digest", body: "Numbers", labels: ["digest"] });
    expect(created.data).toMatchObject({ title: "Weekly digest", state: "open", labels: [{ name: "digest" }], author_association: "NONE" });
    const closed = await octokit.rest.issues.update({ ...repo, issue_number: created.data.number, state: "closed", state_reason: "not_planned" });
    expect(closed.data).toMatchObject({ state: "closed", state_reason: "not_planned", closed_at: "2024-05-01T12:00:00Z" });
    expect(closed.data.closed_by?.login).toBe("steward[bot]");
    started.sandbox.model.addPullRequest("octo-org/widgets", { user: "carol", title: "Fix", labels: ["digest"] });
    const open = await octokit.rest.issues.listForRepo({ ...repo, labels: "digest" });
    expect(open.data.map((i) => [i.title, Boolean(i.pull_request)])).toEqual([["Fix", true]]);
    const everything = await octokit.rest.issues.listForRepo({ ...repo, state: "all", direction: "asc" });
    expect(everything.data.map((i) => i.number)).toEqual([1, 2, 3]);
    await expect(octokit.rest.issues.create({ ...repo, title: "x", body: "y".repeat(65_537) })).rejects.toMatchObject({ status: 422 });
  });

  it("adds and removes labels, 404 when the label is not on the issue", async () => {
    const issue = started.sandbox.model.addIssue("octo-org/widgets", { user: "dave" });
    const added = await octokit.rest.issues.addLabels({ ...repo, issue_number: issue.number, labels: ["needs-response", "lead"] });
    expect(added.data.map((l) => l.name)).toEqual(["needs-response", "lead"]);
    const removed = await octokit.rest.issues.removeLabel({ ...repo, issue_number: issue.number, name: "lead" });
    expect(removed.data.map((l) => l.name)).toEqual(["needs-response"]);
    await expect(octokit.rest.issues.removeLabel({ ...repo, issue_number: issue.number, name: "lead" })).rejects.toMatchObject({
      status: 404,
      message: expect.stringContaining("Label does not exist"),
    });
    const label = await octokit.rest.issues.createLabel({ ...repo, name: "steward", color: "#00ff00" });
    expect(label.data).toMatchObject({ name: "steward", color: "00ff00" });
    await expect(octokit.rest.issues.createLabel({ ...repo, name: "STEWARD" })).rejects.toMatchObject({ status: 422 });
    expect((await octokit.rest.issues.getLabel({ ...repo, name: "steward" })).data.name).toBe("steward");
  });

  it("serves contents raw as text/plain (what Probot's config plugin needs) and as base64 JSON", async () => {
    started.sandbox.model.setFile("octo-org/widgets", ".github/steward.yml", "responseGoalHours: 12\n");
    const probot = new ProbotOctokit({
      auth: { appId: APP_ID, privateKey: keys.privateKey, installationId },
      baseUrl: started.baseUrl,
      throttle: { enabled: false },
    });
    const { config } = await probot.config.get({ ...repo, path: ".github/steward.yml" });
    expect(config).toEqual({ responseGoalHours: 12 });
    const raw = started.sandbox.requestsMatching("GET", /\/contents\//).at(-1);
    expect(raw?.path).toBe("/repos/octo-org/widgets/contents/.github%2Fsteward.yml");
    expect(raw?.headers["accept"]).toBe("application/vnd.github.v3.raw");

    const json = await octokit.rest.repos.getContent({ ...repo, path: ".github/steward.yml" });
    expect(json.headers["content-type"]).toBe("application/json; charset=utf-8");
    const data = json.data as { encoding: string; content: string };
    expect(data.encoding).toBe("base64");
    expect(Buffer.from(data.content, "base64").toString("utf8")).toBe("responseGoalHours: 12\n");
    await expect(octokit.rest.repos.getContent({ ...repo, path: "missing.yml" })).rejects.toMatchObject({ status: 404 });
  });

  it("lists stargazers with starred_at under the star media type", async () => {
    const { model } = started.sandbox;
    model.addStargazer("octo-org/widgets", "erin", "2024-01-02T00:00:00Z");
    model.addStargazer("octo-org/widgets", "frank", "2024-01-01T00:00:00Z");
    const plain = await octokit.rest.activity.listStargazersForRepo(repo);
    expect(plain.data.map((u) => ("login" in u ? u.login : null))).toEqual(["frank", "erin"]);
    const starred = await octokit.request("GET /repos/{owner}/{repo}/stargazers", {
      ...repo,
      headers: { accept: "application/vnd.github.star+json" },
    });
    expect(starred.data).toMatchObject([
      { starred_at: "2024-01-01T00:00:00Z", user: { login: "frank" } },
      { starred_at: "2024-01-02T00:00:00Z", user: { login: "erin" } },
    ]);
    expect((await octokit.rest.repos.get(repo)).data.stargazers_count).toBe(2);
  });

  it("serves users, pulls with reviews, community profile (not for forks) and traffic (admin only)", async () => {
    const { model } = started.sandbox;
    model.addUser({ login: "grace", company: "@BigCorp", name: "Grace" });
    expect((await octokit.rest.users.getByUsername({ username: "grace" })).data).toMatchObject({ login: "grace", company: "@BigCorp", type: "User" });
    const pr = model.addPullRequest("octo-org/widgets", { user: "grace", merged: true, mergedAt: "2024-04-20T00:00:00Z" });
    model.addReview("octo-org/widgets", pr.number, { user: "octo-org", state: "APPROVED" });
    const pull = await octokit.rest.pulls.get({ ...repo, pull_number: pr.number });
    expect(pull.data).toMatchObject({ merged: true, merged_at: "2024-04-20T00:00:00Z", state: "closed" });
    expect((await octokit.rest.pulls.listReviews({ ...repo, pull_number: pr.number })).data[0]).toMatchObject({
      state: "APPROVED",
      author_association: "OWNER",
    });
    expect((await octokit.rest.pulls.list({ ...repo, state: "closed" })).data.map((p) => p.number)).toContain(pr.number);

    model.setFile("octo-org/widgets", "README.md", "# Widgets");
    const profile = await octokit.rest.repos.getCommunityProfileMetrics(repo);
    expect(profile.data.files.readme).not.toBeNull();
    model.addFork("octo-org/widgets", "octo-org-fan");
    model.grantRepository(installationId, "octo-org-fan/widgets");
    await expect(octokit.rest.repos.getCommunityProfileMetrics({ owner: "octo-org-fan", repo: "widgets" })).rejects.toMatchObject({ status: 404 });
    await expect(octokit.rest.repos.getViews(repo)).rejects.toMatchObject({ status: 403 });
  });
});

describe("traffic with the Administration permission", () => {
  let started: Started;
  afterAll(() => started.sandbox.close());
  beforeAll(async () => {
    started = await start();
  });

  it("answers views and clones", async () => {
    const { octokit } = seedWidgets(started, { metadata: "read", administration: "read" });
    started.sandbox.model.setTraffic("octo-org/widgets", { views: [{ timestamp: "2024-04-01T00:00:00Z", count: 7, uniques: 3 }] });
    expect((await octokit.rest.repos.getViews(repo)).data).toMatchObject({ count: 7, uniques: 3 });
    expect((await octokit.rest.repos.getClones(repo)).data).toMatchObject({ count: 0, clones: [] });
  });
});
