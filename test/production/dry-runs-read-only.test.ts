import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backfillFinished, startProductionWorld, type ProductionWorld } from "../helpers/production-world.js";
import { eventually } from "../helpers/steward-process.js";
import { tableChecksums } from "../helpers/table-checksums.js";

const REPO = "acme/widget";
const HOUR = 3_600_000;

interface SweepJson {
  repositories: Array<{ sent: Array<{ action: string; number: number }>; wouldSend: Array<{ action: string; number: number }> }>;
}

/** A sweep's actions as sortable "action #number" strings. */
const actions = (list: Array<{ action: string; number: number }>) => list.map((a) => `${a.action} #${a.number}`).sort();

/**
 * The read-only commands (`digest --dry-run`, `sweep --dry-run`, `report`) run as users run them,
 * `node bin/steward.js`, on a database the server filled (a backfill, welcomes, a lead, reminders
 * due): every table of the schema is the same, row for row, before and after each. And a dry
 * sweep lists what a real sweep would send now: what it then sends, and nothing once it is sent.
 */
describe("dry runs and the report, as child processes, write nothing", () => {
  let world: ProductionWorld;
  /** The issues waiting 20 and 30 hours for a first response: at risk and breached now. */
  let atRisk: number;
  let breached: number;
  const checksums = () => tableChecksums((sql) => world.query(sql));

  beforeAll(async () => {
    world = await startProductionWorld();
    await world.github.model.addRepository({ fullName: REPO, ownerType: "Organization" });
    await world.github.model.seedHistory({ repo: REPO, stars: 60, issues: 4, pulls: 2, prefix: "past-" });
    const steward = await world.startSteward("node dist/src/main.js", { STEWARD_SCHEDULES: "*=off" });
    expect((await world.github.installations.install("acme")).delivery.status).toBe(200);
    await backfillFinished(world);
    const opened = [
      await world.github.activity.openIssue(REPO, { user: "newcomer-ana", title: "Docs link is broken" }),
      await world.github.activity.openIssue(REPO, { user: "buyer-bo", title: "SSO", body: "We need SAML SSO and an audit log for 4,000 engineers." }),
      await world.github.activity.openIssue(REPO, { user: "waiting-wu", title: "Crash", at: new Date(Date.now() - 20 * HOUR).toISOString() }),
      await world.github.activity.openIssue(REPO, { user: "late-lu", title: "Hangs", at: new Date(Date.now() - 30 * HOUR).toISOString() }),
    ];
    atRisk = opened[2]!.record.number;
    breached = opened[3]!.record.number;
    await world.github.activity.star(REPO, "fan-fi");
    for (const { record } of opened) {
      await eventually(`the welcome on #${record.number}`, async () => (await world.stewardComments(REPO, record.number)).length > 0);
    }
    await eventually("the lead", () => world.query("select 1 from lead_signals where login = 'buyer-bo'").length > 0);
    // Nothing else writes from here on: the commands below are the only ones on the database.
    await steward.kill();
  }, 180_000);
  afterAll(async () => {
    await world?.close();
  });

  it("leaves every table as it was: digest --dry-run, sweep --dry-run, report", async () => {
    const start = Date.now();
    const tables = Object.keys(checksums());
    expect(tables).toEqual(expect.arrayContaining(["config_status", "community_members", "projection_watermarks", "side_effects"]));
    // The tables each command changed, by command: none, for every one of them. Each runs at its
    // own --now, so that a command writing what the one before wrote still shows (a later checked_at).
    const changed: Record<string, string[]> = {};
    const commands = [["sweep", "--dry-run"], ["report"], ["report", "--json"], ["digest", "--dry-run"]];
    for (const [i, command] of commands.entries()) {
      const before = checksums();
      const run = await world.cli([...command, "--repo", REPO, "--now", new Date(start + i * 1000).toISOString()]);
      expect(run.code, `${command.join(" ")}: ${run.stderr}`).toBe(0);
      const after = checksums();
      changed[command.join(" ")] = tables.filter((table) => after[table] !== before[table]);
    }
    expect(changed).toEqual({ "sweep --dry-run": [], report: [], "report --json": [], "digest --dry-run": [] });
    // The figures still count the facts no fold has stored yet (the server's fold job never ran).
    expect(world.query("select 1 from community_members")).toEqual([]);
    const report = JSON.parse((await world.cli(["report", "--repo", REPO, "--json"])).stdout);
    expect(report.conversion.current.funnel[0]).toMatchObject({ stage: "stargazers", count: 61 });
  });

  it("lists in a dry sweep what the real sweep then sends, and nothing of it afterwards", async () => {
    const now = new Date().toISOString();
    const sweep = async (...flags: string[]) => {
      const run = await world.cli(["sweep", "--repo", REPO, "--now", now, "--json", ...flags]);
      expect(run.code, run.stderr).toBe(0);
      return (JSON.parse(run.stdout) as SweepJson).repositories[0]!;
    };
    const planned = await sweep("--dry-run");
    const real = await sweep();
    expect(actions(real.sent)).toEqual(expect.arrayContaining([`at-risk #${atRisk}`, `breached #${breached}`, `label-added #${breached}`]));
    expect.soft(actions(planned.wouldSend)).toEqual(actions(real.sent));
    const after = await sweep("--dry-run");
    expect.soft(after.wouldSend).toEqual([]);
  });
});
