import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HealthFigures } from "../../src/domain/figures.js";
import { backfillFinished, startProductionWorld, type ProductionWorld } from "../helpers/production-world.js";
import { eventually, type StewardProcess } from "../helpers/steward-process.js";

const REPO = "acme/health";
const DAY = 86_400_000;
const HOUR = 3_600_000;
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

/** The health figures as `steward report --json` gives them: dates are ISO strings there. */
type HealthJson = { status: "ok"; current: HealthFigures } | { status: "unavailable"; reason: string };

/**
 * The CHAOSS community health figures through the production entry points: a repository with
 * history is installed on `npm start`, live activity arrives as webhooks, and `steward report`
 * (bin/steward.js, a child process) reads them from the server's database.
 */
describe("npm start, end to end: community health in `steward report`", () => {
  let world: ProductionWorld;
  let steward: StewardProcess;

  beforeAll(async () => {
    world = await startProductionWorld();
    const model = world.github.model;
    await model.addRepository({ fullName: REPO, ownerType: "Organization" });
    // The retention cohort: two first merges in the 12th week back (three pulls: 1st and 3rd merged).
    await model.seedHistory({ repo: REPO, pulls: 3, from: ago(83.5 * DAY), to: ago(77.6 * DAY), prefix: "old-" });
    // Ten merged pull requests by ten people, all before the report's week.
    await model.seedHistory({ repo: REPO, pulls: 20, from: ago(25 * DAY), to: ago(8 * DAY), prefix: "h-" });
    // Carla's profile names a company; the stars backfill reads it.
    await model.addUser({ login: "core-carla", company: "@acme-corp" });
    await model.addStargazer(REPO, "core-carla", ago(30 * DAY));
    steward = await world.startSteward("npm start", { STEWARD_SCHEDULES: "sweep=off;digests=off;daily-metrics=off" });
    const installed = await world.github.installations.install("acme");
    expect(installed.delivery.status).toBe(200);
    await backfillFinished(world);

    const activity = world.github.activity;
    // Carla: six pull requests opened and merged this week.
    for (let k = 0; k < 6; k++) {
      const pull = await activity.openPullRequest(REPO, { user: "core-carla", title: `Speed up part ${k + 1}`, at: ago(6 * DAY - k * HOUR) });
      await activity.mergePullRequest(REPO, pull.record.number, { by: "maint", at: ago(5 * DAY - k * HOUR) });
    }
    // Issues this week: two opened, one closed; one of the cohort comes back on it.
    const checklist = await activity.openIssue(REPO, { user: "maint", title: "Release checklist", at: ago(3 * DAY) });
    await activity.comment(REPO, checklist.record.number, { user: "old-contributor-1", body: "I can take the changelog.", at: ago(2.5 * DAY) });
    await activity.closeIssue(REPO, checklist.record.number, { by: "maint", at: ago(2 * DAY) });
    await activity.openIssue(REPO, { user: "maint", title: "Plan the next minor", at: ago(1 * DAY) });
    // Two months without a single fact: the stale backlog.
    await activity.openIssue(REPO, { user: "maint", title: "Forgotten request", at: ago(60 * DAY) });
  }, 180_000);
  afterAll(async () => {
    await world?.close();
  });

  it("reports the bus factors, elephant factor, retention, closure ratios and stale backlog as JSON", async () => {
    const health = await eventually("every live fact in the report", async () => {
      const run = await world.cli(["report", "--repo", REPO, "--json"]);
      expect(run.code).toBe(0);
      const h = (JSON.parse(run.stdout) as { health: HealthJson }).health;
      return h.status === "ok" && h.current.closure.issues.opened === 2 && h.current.busFactor.merges.total === 18 ? h.current : undefined;
    });
    // 18 merges in 90 days: Carla's 6, then three of the twelve people with one each (by name) reach half.
    expect(health.busFactor.merges.factor).toBe(4);
    expect(health.busFactor.merges.people).toEqual([
      { login: "core-carla", count: 6 },
      { login: "h-contributor-1", count: 1 },
      { login: "h-contributor-11", count: 1 },
      { login: "h-contributor-13", count: 1 },
    ]);
    // Every first response (reviews, merges, closes of community items) came from the maintainer.
    expect(health.busFactor.firstResponses.factor).toBe(1);
    expect(health.busFactor.firstResponses.people[0]!.login).toBe("maint");
    expect(health.busFactor.firstResponses.total).toBeGreaterThanOrEqual(18);
    // Only Carla has a known company: far from half of the activity, so no elephant factor.
    expect(health.elephantFactor.factor).toBeNull();
    expect(health.elephantFactor.knownShare).toBeGreaterThan(0);
    expect(health.elephantFactor.knownShare).toBeLessThan(0.5);
    expect(health.retention).toMatchObject({ cohort: 2, retained: 1, share: 0.5 });
    expect(health.closure).toEqual({
      issues: { opened: 2, closed: 1, ratio: 0.5 },
      pullRequests: { opened: 6, closed: 6, ratio: 1 },
    });
    expect(health.staleBacklog).toMatchObject({ idleDays: 30, count: 1, oldest: [{ title: "Forgotten request", isPull: false, idleDays: 60 }] });
  });

  it("shows the same figures in the text report, under their CHAOSS names", async () => {
    const run = await world.cli(["report", "--repo", REPO]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("## Community health (CHAOSS)");
    expect(run.stdout).toContain("**Bus factor** (Contributor Absence Factor): **4** people made half of the 18 merged pull requests");
    expect(run.stdout).toMatch(/Forgotten request \(issue, idle 60 days\)/);
    expect(steward.alive()).toBe(true);
  });
});
