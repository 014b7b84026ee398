import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startProductionWorld, type ProductionWorld } from "../helpers/production-world.js";

const REPO = "acme/widget";
const LABEL = "community-digest";
const W48 = "2026-11-30T09:10:00Z";
const W49 = "2026-12-07T09:10:00Z";

/**
 * `steward digest` (node bin/steward.js) against a repository where another app's bot opened an
 * issue with the digest's label and Steward's hidden digest marker in its body. A retried digest
 * looks for its marker first: it must open its own issue, and Steward must never comment on or
 * close the other bot's issue.
 */
describe("steward digest, as a child process, next to another bot's fake digest", () => {
  let world: ProductionWorld;
  let impostor: number;

  beforeAll(async () => {
    world = await startProductionWorld();
    await world.github.model.addRepository({ fullName: REPO, ownerType: "Organization" });
    await world.github.model.setFile(REPO, ".github/steward.yml", "welcome:\n  enabled: false\n");
    // The server registers the installation and its repository; its own schedules stay off.
    const steward = await world.startSteward("node dist/src/main.js", { STEWARD_SCHEDULES: "*=off" });
    expect((await world.github.installations.install("acme")).delivery.status).toBe(200);
    await steward.kill();
    const issue = await world.github.model.addIssue(REPO, {
      user: "other-app[bot]",
      title: "Community digest: 2026-W48 (Nov 23 - Nov 29)",
      body: "A digest by another app.\n\n<!-- steward:digest:2026-W48 -->",
      labels: [LABEL],
    });
    impostor = issue.number;
  }, 120_000);
  afterAll(async () => {
    await world?.close();
  });

  it("opens its own digest on the retry after a failed attempt, not adopting the other bot's issue", async () => {
    // GitHub fails the first POST before creating anything: the claim waits for a retry, which looks first.
    await world.github.sandbox.failNext({ method: "POST", path: `/repos/${REPO}/issues`, status: 502 });
    const failed = await world.cli(["digest", "--repo", REPO, "--now", W48]);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain("2026-W48 not opened");

    const retried = await world.cli(["digest", "--repo", REPO, "--now", W48, "--json"]);
    expect(retried.code).toBe(0);
    const published = (JSON.parse(retried.stdout) as { published: { status: string; issueNumber: number } }).published;
    expect(published.status).toBe("created");
    expect(published.issueNumber).not.toBe(impostor);
    const stored = world.query<{ issue_number: number }>("select issue_number from digests where week = '2026-W48'");
    expect(stored).toEqual([{ issue_number: published.issueNumber }]);
  });

  it("closes its own previous digest next week and leaves the other bot's issue open and uncommented", async () => {
    const next = await world.cli(["digest", "--repo", REPO, "--now", W49]);
    expect(next.code).toBe(0);
    expect(next.stdout).toMatch(/digest 2026-W49 opened #\d+/);
    const digests = (await world.github.model.listIssues(REPO)).filter((issue) => issue.labels.includes(LABEL));
    expect(digests.map((issue) => [issue.user, issue.state])).toEqual([
      ["other-app[bot]", "open"],
      ["steward[bot]", "closed"],
      ["steward[bot]", "open"],
    ]);
    expect(await world.github.model.listComments(REPO, impostor)).toEqual([]);
    expect(await world.github.sandbox.requests("PATCH", `/repos/${REPO}/issues/${impostor}`)).toEqual([]);
  });
});
