import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startProductionWorld, sweepSentAt, type ProductionWorld } from "../helpers/production-world.js";
import { eventually } from "../helpers/steward-process.js";

const REPO = "acme/widget";
const HOUR = 3_600_000;
const REACTIONS = "/repos/{owner}/{repo}/issues/comments/{comment_id}/reactions";

/**
 * Issue 18: maintainer commands through the production entry point (`node dist/src/main.js` as a
 * child process against the sandbox process), the sweep through bin/steward.js.
 */
describe("node dist/src/main.js, end to end: maintainer commands in comments", () => {
  let world: ProductionWorld;

  const sweepAt = (at: Date) => sweepSentAt(world, REPO, at);
  const commandReplies = async (number: number) =>
    (await world.stewardComments(REPO, number)).filter((body) => body.includes("<!-- steward:command."));

  beforeAll(async () => {
    world = await startProductionWorld();
    await world.github.model.addRepository({ fullName: REPO, ownerType: "Organization" });
    await world.github.model.addOrgMember("acme", "mia");
    // The schedules are off: the sweeps below run from the CLI at chosen instants.
    await world.startSteward("node dist/src/main.js", { STEWARD_SCHEDULES: "sweep=off;digests=off;daily-metrics=off;backfill=off" });
    const installed = await world.github.installations.install("acme");
    expect(installed.delivery.status).toBe(200);
  }, 120_000);
  afterAll(async () => {
    await world?.close();
  });

  it("a maintainer's /steward snooze 2d stops the reminder, gets a 👍, and a redelivery applies nothing twice", async () => {
    const now = Date.now();
    const opened = await world.github.activity.openIssue(REPO, {
      user: "waiting-wu",
      title: "Crash on an empty config",
      at: new Date(now - 20 * HOUR).toISOString(),
    });
    const said = await world.github.activity.comment(REPO, opened.record.number, { user: "mia", body: "/steward snooze 2d" });
    expect(said.delivery.status).toBe(200);
    const reactions = await eventually("the 👍 on the command", async () => {
      const found = await world.github.model.listReactions(REPO, said.record.id);
      return found.length > 0 ? found : undefined;
    });
    expect(reactions.map((r) => [r.user, r.content])).toEqual([["steward[bot]", "+1"]]);

    // GitHub's redelivery of the same delivery: no second fact, reaction or request.
    const again = await world.github.sandbox.redeliver(said.delivery.id);
    expect(again.status).toBe(200);
    expect(world.query("select kind from events where kind like 'command.%'")).toEqual([{ kind: "command.snooze" }]);
    expect(world.query("select state from side_effects where kind = 'command.reaction'")).toEqual([{ state: "done" }]);
    expect(await world.github.sandbox.requests("POST", REACTIONS)).toHaveLength(1);
    expect(await world.github.model.listReactions(REPO, said.record.id)).toHaveLength(1);

    // At risk now (20 h of 24), yet snoozed: nothing; the command was no first response either.
    expect((await sweepAt(new Date(now))).filter((a) => a.number === opened.record.number)).toEqual([]);
    expect((await sweepAt(new Date(now + 47 * HOUR))).filter((a) => a.number === opened.record.number)).toEqual([]);
    // Once the snooze ends, the reminder its stage calls for comes: breached by then.
    const after = (await sweepAt(new Date(now + 49 * HOUR))).filter((a) => a.number === opened.record.number);
    expect(after.map((a) => a.action)).toEqual(["breached", "label-added"]);
  });

  it("answers someone who is not a maintainer with one polite reply, however often they try", async () => {
    const opened = await world.github.activity.openIssue(REPO, { user: "eager-ed", title: "Please prioritise" });
    const first = await world.github.activity.comment(REPO, opened.record.number, { user: "eager-ed", body: "/steward exempt" });
    const second = await world.github.activity.comment(REPO, opened.record.number, { user: "eager-ed", body: "/steward snooze 3d" });
    expect([first.delivery.status, second.delivery.status]).toEqual([200, 200]);
    const replies = await eventually("the refusal", async () => {
      const found = await commandReplies(opened.record.number);
      return found.length > 0 ? found : undefined;
    });
    await world.github.sandbox.redeliver(second.delivery.id);
    expect(replies[0]).toContain("Only maintainers of this repository can use Steward commands");
    expect(await commandReplies(opened.record.number)).toHaveLength(1);
    expect(await world.github.model.listReactions(REPO, first.record.id)).toEqual([]);
    expect(await world.github.model.listReactions(REPO, second.record.id)).toEqual([]);
  });
});
