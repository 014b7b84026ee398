import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startProductionWorld, type ProductionWorld } from "../helpers/production-world.js";
import { eventually } from "../helpers/steward-process.js";

const DAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

/**
 * The built server (`node dist/src/main.js`) with the `digests` job ticking every two seconds on
 * the real clock: a schedule of today at 00:00 (UTC) makes this week's roll-up due now, whatever
 * day the suite runs. acme/.github turns the roll-up on; its issue appears there once.
 */
describe("node dist/src/main.js: the digests job opens the organization roll-up once", () => {
  let world: ProductionWorld;
  const rollups = async (repo: string) => (await world.github.model.listIssues(repo)).filter((i) => i.labels.includes("organization-digest"));

  beforeAll(async () => {
    world = await startProductionWorld();
    for (const fullName of ["acme/widget", "acme/gadget", "acme/tool", "acme/.github"])
      await world.github.model.addRepository({ fullName, ownerType: "Organization" });
    const today = DAYS[new Date().getUTCDay()]!;
    await world.github.model.setFile(
      "acme/.github",
      ".github/steward.yml",
      `welcome:\n  enabled: false\ndigest:\n  day: ${today}\n  time: "00:00"\n  rollup:\n    enabled: true\n`,
    );
    await world.startSteward("node dist/src/main.js", {
      STEWARD_SCHEDULES: "sweep=off;welcome-retries=off;daily-metrics=off;member-projections=off;digests=*/2 * * * * *",
    });
    expect((await world.github.installations.install("acme")).delivery.status).toBe(200);
  }, 120_000);
  afterAll(async () => {
    await world?.close();
  });

  it("opens one roll-up issue in acme/.github, over the three other repositories, and no second on later ticks", async () => {
    const [issue] = await eventually("the roll-up issue", async () => {
      const found = await rollups("acme/.github");
      return found.length > 0 && found;
    });
    expect(issue!.title).toMatch(/^Organization digest: \d{4}-W\d\d /);
    expect(issue!.body).toContain("| **All 3** |");
    for (const repo of ["acme/widget", "acme/gadget", "acme/tool"]) expect(issue!.body).toContain(`| ${repo} |`);
    // Several more ticks of the job: still one, and none in the repositories that inherit the switch.
    await new Promise((resolve) => setTimeout(resolve, 7_000));
    expect(await rollups("acme/.github")).toHaveLength(1);
    for (const repo of ["acme/widget", "acme/gadget", "acme/tool"]) expect(await rollups(repo)).toEqual([]);
    const claims = world.query<{ n: number }>("select count(*) as n from side_effects where kind = 'digest.rollup' and state = 'done'");
    expect(claims[0]!.n).toBe(1);
  }, 60_000);
});
