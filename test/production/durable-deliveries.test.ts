import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startProductionWorld, type ProductionWorld } from "../helpers/production-world.js";
import { eventually, type StewardProcess } from "../helpers/steward-process.js";

const REPO = "acme/widget";
const NEWCOMERS = 40;
const SCHEDULES = { STEWARD_SCHEDULES: "digests=off;daily-metrics=off;backfill=off" };

/**
 * A delivery is handled at least once and its effects exactly once, whatever dies when: 40
 * first-time contributors open issues (ten asking about SSO), Steward is stopped while it welcomes
 * them, started again on the same database, and GitHub redelivers all 40.
 */
describe("nothing lost when Steward dies mid-burst (npm start)", () => {
  let world: ProductionWorld;

  beforeAll(async () => {
    world = await startProductionWorld();
    await world.github.model.addRepository({ fullName: REPO, ownerType: "Organization" });
    // Leads get a label too, so a label is among the effects that must happen exactly once.
    await world.github.model.setFile(REPO, ".github/steward.yml", "conversion:\n  labelLeads: true\n");
    // The installation event is what registers the repository with Steward.
    const first = await world.startSteward("npm start", SCHEDULES);
    expect((await world.github.installations.install("acme")).delivery.status).toBe(200);
    await eventually("the repository registered", () => world.query<{ n: number }>("select count(*) as n from repositories")[0]!.n === 1);
    await first.kill();
  }, 120_000);
  afterAll(async () => {
    await world?.close();
  });

  async function burst(prefix: string, stop: (steward: StewardProcess) => Promise<void>) {
    const steward = await world.startSteward("npm start", SCHEDULES);
    // Every API answer takes 250 ms, so the welcomes are under way when the stop comes.
    await world.github.sandbox.setLatency(250);
    const opened = Array.from({ length: NEWCOMERS }, (_, i) =>
      world.github.activity.openIssue(REPO, {
        user: `${prefix}-${i}`,
        title: `Question ${i}`,
        ...(i % 4 === 0 ? { body: "Does it support SSO with SAML? We would buy an enterprise plan." } : {}),
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 900));
    await stop(steward);
    const results = await Promise.all(opened);
    await world.github.sandbox.setLatency(0);
    return results;
  }

  async function restartAndRedeliver(results: Awaited<ReturnType<typeof burst>>) {
    const restarted = await world.startSteward("npm start", SCHEDULES);
    // GitHub's redelivery of each (same delivery ids), as a maintainer would click "Redeliver".
    const again = await Promise.all(results.map((r) => world.github.sandbox.redeliver(r.delivery.id)));
    expect(again.every((d) => d.status === 200)).toBe(true);
    const numbers = results.map((r) => r.record.number);
    const welcomes = await eventually(
      "every newcomer welcomed",
      async () => {
        const counts = await Promise.all(numbers.map(async (n) => (await world.stewardComments(REPO, n)).length));
        return counts.every((c) => c >= 1) ? counts : undefined;
      },
      60_000,
    );
    return { restarted, welcomes, numbers };
  }

  it("SIGKILL: every newcomer gets exactly one welcome, every lead is recorded once", async () => {
    const results = await burst("kill", (steward) => steward.kill());
    const { restarted, welcomes, numbers } = await restartAndRedeliver(results);
    // Some time for anything doubled to show.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const final = await Promise.all(numbers.map(async (n) => (await world.stewardComments(REPO, n)).length));
    expect(welcomes.every((c) => c === 1)).toBe(true);
    expect(final).toEqual(numbers.map(() => 1));
    const leads = await world.cli(["leads", "--repo", REPO, "--json"]);
    const logins = (JSON.parse(leads.stdout) as { leads: Array<{ login: string }> }).leads.map((l) => l.login).filter((l) => l.startsWith("kill-"));
    expect(logins.sort()).toEqual(Array.from({ length: NEWCOMERS / 4 }, (_, i) => `kill-${i * 4}`).sort());
    const labelled = await Promise.all(numbers.map(async (n) => (await world.github.model.issueLabels(REPO, n)).map((l) => l.name)));
    expect(labelled).toEqual(numbers.map((_, i) => (i % 4 === 0 ? ["enterprise-interest"] : [])));
    const labelEffects = world.query<{ n: number }>("select count(*) as n from side_effects where kind like 'conversion%' and state = 'done'")[0]!.n;
    expect(labelEffects).toBe(NEWCOMERS / 4);
    expect(world.query<{ n: number }>("select count(*) as n from unhandled_deliveries")[0]!.n).toBe(0);
    await restarted.kill();
  });

  it("SIGTERM: the same, whatever the grace period let finish", async () => {
    const results = await burst("term", async (steward) => {
      steward.signal("SIGTERM");
      await steward.exited;
    });
    const { restarted, numbers } = await restartAndRedeliver(results);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const final = await Promise.all(numbers.map(async (n) => (await world.stewardComments(REPO, n)).length));
    expect(final).toEqual(numbers.map(() => 1));
    await restarted.kill();
  });
});
