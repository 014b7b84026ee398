import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run-cli.js";
import { defaultConfig } from "../../src/config/schema.js";
import { collectCommunityFigures } from "../../src/metrics/collect-community-figures.js";
import { runDailyMetrics } from "../../src/metrics/run-daily-metrics.js";
import { createInstallationActivity, createWebhookSender } from "../../src/sandbox/index.js";
import { listBackfillProgress } from "../../src/store/backfill-state.js";
import { readDailySeries } from "../../src/store/daily-metrics.js";
import { findRepository } from "../../src/store/installations.js";
import type { RepositoryRecord } from "../../src/domain/repository.js";
import { listCrossings } from "../../src/store/milestone-crossings.js";
import { findRepositoryFacts } from "../../src/store/repository-facts.js";
import { captureIo } from "../helpers/capture-io.js";
import { startE2E, WEBHOOK_SECRET, type E2E } from "../helpers/e2e-harness.js";
import { sandboxJobDeps } from "../metrics/sandbox-history.js";

const now = new Date("2026-11-30T06:00:00Z");
const clock = () => now;
const day = (n: number) => new Date(now.getTime() - n * 86_400_000).toISOString();

async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe("backfill on installation, the daily metrics job and the community figures", () => {
  let e2e: E2E;
  let lib: RepositoryRecord;

  beforeAll(async () => {
    e2e = await startE2E({ now: clock });
    const model = e2e.sandbox.model;
    model.addUser({ login: "octo", type: "Organization" });
    model.addRepository({ fullName: "octo/lib", license: "AGPL-3.0", ownerType: "Organization" });
    model.setFile("octo/lib", "README.md", "# lib");
    model.setFile("octo/lib", "CONTRIBUTING.md", "PRs welcome");
    // 150 stars over the last 150 days; 12 contributors with merged PRs (and one bot).
    for (let i = 0; i < 150; i++) model.addStargazer("octo/lib", `fan-${i}`, day(150 - i));
    for (let i = 0; i < 13; i++) {
      const user = i === 12 ? "renovate[bot]" : `dev-${i}`;
      model.addPullRequest("octo/lib", { user, createdAt: day(100 - i * 5), merged: true, mergedBy: "octo", mergedAt: day(99 - i * 5) });
    }
    model.addRepository({ fullName: "octo/lib-fork", parent: "octo/lib", ownerType: "Organization" });

    const sender = createWebhookSender({ url: `${e2e.server.url}/api/github/webhooks`, secret: WEBHOOK_SECRET, appId: e2e.sandbox.app.id });
    const installs = createInstallationActivity(e2e.sandbox, sender);
    const { record } = await installs.install("octo", { repositories: ["octo/lib"] });
    await until(async () => (await findRepository(e2e.db, "octo/lib")) !== undefined, "the installation");
    lib = (await findRepository(e2e.db, "octo/lib"))!;
    await until(async () => {
      const progress = await listBackfillProgress(e2e.db, lib.id);
      return progress.length === 5 && progress.every((p) => p.status === "done");
    }, "the backfill started by installation.created");
    await installs.addRepository(record.id, "octo/lib-fork");
  }, 30_000);
  afterAll(() => e2e.close());

  it("backfilled the granted repositories by itself, numbering the contributors", async () => {
    const fork = await findRepository(e2e.db, "octo/lib-fork");
    expect(fork).toBeDefined();
    await until(async () => (await listBackfillProgress(e2e.db, fork!.id)).every((p) => p.status === "done"), "the added repository's backfill");
    expect(Object.fromEntries((await listBackfillProgress(e2e.db, lib.id)).map((p) => [p.kind, p.done]))).toEqual({
      stars: 150,
      issues: 0,
      pulls: 13,
      discussions: 0,
      contributors: 12,
    });
  });

  it("stores the day's facts and values, notes the traffic 403, and records each milestone once with its date", async () => {
    const deps = sandboxJobDeps(e2e.db, e2e.sandbox, clock);
    await runDailyMetrics(deps, {});
    const facts = await findRepositoryFacts(e2e.db, lib.id);
    expect(facts?.data).toMatchObject({
      stars: 150,
      license: "AGPL-3.0",
      fork: false,
      traffic: { available: false, reason: expect.stringContaining("403") },
      community: { readme: true, contributing: true, codeOfConduct: false },
    });
    const series = await readDailySeries(e2e.db, lib.id, "stars", "2026-11-30", "2026-11-30");
    expect(series.get("2026-11-30")).toBe(150);
    const crossings = await listCrossings(e2e.db, lib.id);
    expect(crossings.map((c) => [c.metric, c.threshold, c.crossedAt.toISOString(), c.login])).toEqual([
      ["contributors", 10, day(99 - 9 * 5), "dev-9"],
      ["stars", 100, day(150 - 99), null],
    ]);

    // A star taken back and given again later does not celebrate 100 a second time.
    e2e.sandbox.model.removeStargazer("octo/lib", "fan-0");
    e2e.sandbox.model.removeStargazer("octo/lib", "fan-1");
    await runDailyMetrics(deps, { repository: lib });
    e2e.sandbox.model.addStargazer("octo/lib", "fan-0", now);
    await runDailyMetrics(deps, { repository: lib });
    expect(await listCrossings(e2e.db, lib.id)).toEqual(crossings);

    const fork = (await findRepository(e2e.db, "octo/lib-fork"))!;
    expect((await findRepositoryFacts(e2e.db, fork.id))?.data).toMatchObject({
      fork: true,
      community: null,
      communityNote: "a fork has no community profile",
    });
  });

  it("gives the report's community figures: changes, a 12-week series, milestones with a forecast, readiness", async () => {
    const period = { start: new Date("2026-11-23T00:00:00Z"), end: new Date("2026-11-30T00:00:00Z") };
    const figures = await collectCommunityFigures(e2e.db, lib, period, now, defaultConfig);
    expect(figures.stars).toEqual({ now: 149, before: 142 });
    expect(figures.contributors).toEqual({ now: 12, before: 12 });
    expect(figures.series).toHaveLength(84);
    expect(figures.series.at(-1)).toMatchObject({ day: "2026-11-29" });
    expect(figures.series[0]!.stars).toBeLessThan(figures.series.at(-1)!.stars);
    const stars = figures.milestones.find((m) => m.metric === "stars");
    expect(stars).toMatchObject({ previous: 100, next: 1000 });
    expect(stars!.forecast!.getTime()).toBeGreaterThan(now.getTime());
    const readiness = Object.fromEntries(figures.readiness.map((r) => [r.id, r.state]));
    expect(readiness).toMatchObject({
      license: "met",
      readme: "met",
      "code-of-conduct": "missing",
      "stars-1000": "missing",
      "contributors-10": "met",
    });
    expect(figures.backfill).toEqual({ state: "done", kinds: [] });
  });

  it("steward backfill resumes or re-reads from the command line, and refuses bad input with exit 2", async () => {
    const io = captureIo({ ...e2e.processEnv });
    expect(await runCli(["backfill", "--repo", "octo/lib", "--json"], io)).toBe(0);
    expect(JSON.parse(io.stdout)).toMatchObject({ repository: "octo/lib", complete: true });
    const bad = captureIo({ ...e2e.processEnv });
    expect(await runCli(["backfill", "--repo", "octo/lib", "--since", "yesterday"], bad)).toBe(2);
    expect(bad.stderr).toContain("--since must be a date");
    // A repository Steward does not hold is a failure (1), not a usage mistake (2).
    expect(await runCli(["backfill", "--repo", "octo/nope"], bad)).toBe(1);
    expect(await runCli(["backfill", "--repo", "octo/lib", "--frobnicate"], bad)).toBe(2);
  });
});
