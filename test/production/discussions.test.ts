import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startProductionWorld, sweepSentAt, type ProductionWorld } from "../helpers/production-world.js";
import { eventually } from "../helpers/steward-process.js";

const REPO = "acme/widget";
const HOUR = 3_600_000;

/**
 * Issue 18, discussions: the welcome of a first discussion and the at-risk reminder through the
 * production entry point (`node dist/src/main.js` against the sandbox process), the sweep through
 * bin/steward.js, the comments read back from the sandbox as GitHub holds them.
 */
describe("node dist/src/main.js, end to end: a first Q&A discussion", () => {
  let world: ProductionWorld;

  const sweepAt = (at: Date) => sweepSentAt(world, REPO, at);
  const stewardComments = async (number: number) =>
    (await world.github.model.listDiscussionComments(REPO, number)).filter((c) => c.user === "steward[bot]").map((c) => c.body);

  beforeAll(async () => {
    world = await startProductionWorld();
    await world.github.model.addRepository({ fullName: REPO, ownerType: "Organization" });
    await world.github.model.addOrgMember("acme", "mia");
    // The schedules are off: the sweeps below run from the CLI at chosen instants.
    await world.startSteward("node dist/src/main.js", { STEWARD_SCHEDULES: "sweep=off;digests=off;daily-metrics=off;backfill=off" });
    const installed = await world.github.installations.install("acme");
    expect(installed.delivery.status).toBe(200);
    // What app.yml asks for; the sandbox refuses addDiscussionComment without it.
    await world.github.model.setInstallationPermission(installed.record.id, "discussions", "write");
  }, 120_000);
  afterAll(async () => {
    await world?.close();
  });

  it("welcomes the first discussion once, reminds once at risk, and a redelivery changes nothing", async () => {
    const openedAt = new Date(Date.now() - 20 * HOUR);
    const opened = await world.github.activity.openDiscussion(REPO, {
      user: "quinn",
      title: "How do I configure the digest?",
      category: "Q&A",
      at: openedAt.toISOString(),
    });
    expect(opened.delivery.status).toBe(200);
    const number = opened.record.number;
    const welcomes = await eventually("the welcome", async () => {
      const found = await stewardComments(number);
      return found.length > 0 ? found : undefined;
    });
    expect(welcomes).toEqual([expect.stringContaining("thank you for starting your first one here")]);

    const at = new Date(openedAt.getTime() + 19 * HOUR + 60_000);
    expect(await sweepAt(at)).toMatchObject([{ action: "at-risk", number }]);
    expect(await sweepAt(new Date(at.getTime() + 60_000))).toEqual([]);

    const again = await world.github.sandbox.redeliver(opened.delivery.id);
    expect(again.status).toBe(200);
    const bodies = await stewardComments(number);
    expect(bodies).toHaveLength(2);
    expect(bodies[0]).toContain("<!-- steward:discussion.welcome:");
    expect(bodies[1]).toContain(`<!-- steward:response.at-risk:${number} -->`);
    expect(world.query("select kind, state from side_effects order by kind")).toEqual([
      { kind: "discussion.welcome", state: "done" },
      { kind: "response.at-risk", state: "done" },
    ]);
    expect(world.query("select count(*) as n from events where kind = 'discussion.created'")).toEqual([{ n: 1 }]);
  });
});
