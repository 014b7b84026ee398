import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { JOBS } from "../../src/scheduler/jobs.js";
import { createActivity, createWebhookSender, type Activity } from "../../src/sandbox/index.js";
import { serveRepository } from "../../src/store/installations.js";
import { startE2E, WEBHOOK_SECRET, type E2E } from "../helpers/e2e-harness.js";

const ROLLUP = "acme/.github";
const PROJECTS = ["acme/widget", "acme/gadget", "acme/tool"] as const;
const TITLE = "Organization digest: 2026-W48 (Nov 23 - Nov 29)";

/**
 * Three served repositories and the organization's `.github` repository, which turns the roll-up
 * on in its own steward.yml (the others inherit that file, and so the switch, through Probot's
 * fallback): one roll-up issue, there, once, from the hourly `digests` job.
 */
describe("the organization roll-up, end to end against the sandbox", () => {
  let e2e: E2E;
  let activity: Activity;
  let clock = new Date("2026-11-23T00:00:00Z");
  const digestsJob = JOBS.find((job) => job.id === "digests")!;
  const rollups = (repo: string) => e2e.sandbox.model.listIssues(repo).filter((i) => i.labels.includes("organization-digest"));
  // acme/.github has its own weekly digest too: only the roll-up's issue creations count here.
  const rollupPosts = () =>
    e2e.sandbox
      .requestsMatching("POST", "/repos/acme/.github/issues")
      .filter((r) => (r.body as { title?: string }).title?.startsWith("Organization digest")).length;

  beforeAll(async () => {
    e2e = await startE2E({ now: () => clock });
    activity = createActivity(
      e2e.sandbox,
      createWebhookSender({ url: `${e2e.server.url}/api/github/webhooks`, secret: WEBHOOK_SECRET, appId: e2e.sandbox.app.id }),
    );
    for (const fullName of [...PROJECTS.slice(1), ROLLUP]) {
      const repo = e2e.sandbox.model.addRepository({ fullName, ownerType: "Organization" });
      const [owner, name] = fullName.split("/") as [string, string];
      await serveRepository(e2e.db, { id: repo.id, installationId: e2e.target.installationId, owner, name, fullName, private: false }, clock);
    }
    e2e.sandbox.model.setFile(ROLLUP, ".github/steward.yml", "welcome:\n  enabled: false\ndigest:\n  rollup:\n    enabled: true\n");
    clock = new Date("2026-11-24T10:00:00Z");
    // ada is new in two repositories, bob in one; carol contributed to the tool before the week.
    const merge = async (repo: string, user: string) => {
      const pr = await activity.openPullRequest(repo, { user, title: `Fix by ${user}`, at: clock });
      await activity.mergePullRequest(repo, pr.record.number, { by: "acme-lead", at: clock });
    };
    clock = new Date("2026-11-10T10:00:00Z");
    await merge("acme/tool", "carol");
    clock = new Date("2026-11-24T10:00:00Z");
    await merge("acme/widget", "ada");
    await merge("acme/gadget", "ada");
    await merge("acme/tool", "bob");
    await activity.star("acme/widget", "fan-1", clock);
    await activity.star("acme/gadget", "fan-1", clock);
    await activity.openIssue("acme/gadget", { user: "buyer-bo", title: "Enterprise plan", body: "We need SAML SSO and pricing.", at: clock });
  });
  afterAll(() => e2e.close());

  it("opens one roll-up in acme/.github with the table and people counted once; leads only as a count", async () => {
    clock = new Date("2026-11-30T09:05:00Z");
    await digestsJob.run(e2e.server.jobs);
    const [issue, ...others] = rollups(ROLLUP);
    expect(others).toEqual([]);
    expect(issue!.title).toBe(TITLE);
    const body = issue!.body ?? "";
    expect(body).toContain("| Repository | Answered within goal | Waiting now | New contributors | Stars | This week |");
    expect(body).toContain("| **All 3** |");
    expect(body).toMatch(/\| acme\/widget \| [^|]+ \| \d+ \| 1 \| 1 \| \+1 \|/);
    expect(body).toMatch(/\| acme\/gadget \| [^|]+ \| \d+ \| 1 \| 1 \| \+1 \|/);
    expect(body).toMatch(/\| acme\/tool \| [^|]+ \| \d+ \| 1 \| 0 \| ±0 \|/);
    // Per repository 1 + 1 + 1 new contributors; as people, 2.
    expect(body).toMatch(/\| \*\*All 3\*\* \| [^|]+ \| \d+ \| 2 people \| 2 \| \+2 \|/);
    expect(body).toContain("2 people had a first contribution merged in one of the repositories this week, 2 of them new to the whole organization.");
    expect(body).toContain("- @\u200bada in acme/gadget, acme/widget");
    expect(body).toContain("**Contributors (distinct people across the repositories):** 3 / 10");
    expect(body).toContain(
      "1 person showed interest this week in 1 repository, each counted once. Names are shown only when the roll-up repository is private.",
    );
    expect(body).not.toContain("buyer-bo");
    expect(body).not.toContain("acme/.github |");
    // The repositories inheriting the switch from acme/.github open no roll-up of their own.
    for (const repo of PROJECTS) expect(rollups(repo)).toEqual([]);
  });

  it("opens no second roll-up when the job runs again, concurrently, or at the next hour", async () => {
    await Promise.all([digestsJob.run(e2e.server.jobs), digestsJob.run(e2e.server.jobs)]);
    clock = new Date("2026-11-30T10:05:00Z");
    await digestsJob.run(e2e.server.jobs);
    expect(rollups(ROLLUP).map((i) => i.title)).toEqual([TITLE]);
    expect(rollupPosts()).toBe(1);
  });

  it("closes last week's roll-up with a link to the next one", async () => {
    clock = new Date("2026-12-07T09:05:00Z");
    await digestsJob.run(e2e.server.jobs);
    const [previous, latest] = rollups(ROLLUP);
    expect(latest!.title).toBe("Organization digest: 2026-W49 (Nov 30 - Dec 6)");
    expect(latest!.body).toContain(`Previous roll-up: #${previous!.number} (2026-W48).`);
    expect(previous!.state).toBe("closed");
    const comments = e2e.sandbox.model.listComments(ROLLUP, previous!.number).map((c) => c.body);
    expect(comments).toEqual([expect.stringContaining(`This week's organization roll-up is #${latest!.number}; closing this one.`)]);
  });
});
