import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backfillFinished, startProductionWorld, type ProductionWorld } from "../helpers/production-world.js";
import { eventually } from "../helpers/steward-process.js";

const REPO = "acme/history-leads";
const DAY = 86_400_000;
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

interface SignalRow {
  natural_key: string;
  login: string;
}

/**
 * Leads from history through the production entry points: an issue and a comment written before
 * Steward was installed are read by the backfill of `node dist/src/main.js` (configured by
 * environment only) and become lead signals, which `bin/steward.js leads` lists. A comment that
 * arrived as a webhook first and is read again by a later backfill pass, or redelivered, stays
 * one signal; a maintainer's matching words never make a lead.
 */
describe("node dist/src/main.js, end to end: lead signals from the backfilled history", () => {
  let world: ProductionWorld;
  let liveDelivery: string;
  let liveCommentKey: string;

  const signals = () => world.query<SignalRow>("select natural_key, login from lead_signals where kind = 'interest' order by natural_key");
  const leadLogins = async () => {
    const run = await world.cli(["leads", "--repo", REPO, "--json"]);
    expect(run.code).toBe(0);
    return (JSON.parse(run.stdout) as { leads: Array<{ login: string }> }).leads.map((lead) => lead.login).sort();
  };

  beforeAll(async () => {
    world = await startProductionWorld();
    const model = world.github.model;
    await model.addRepository({ fullName: REPO, ownerType: "Organization" });
    await model.addUser({ login: "hist-buyer", company: "Globex" });
    const asked = await model.addIssue(REPO, {
      user: "hist-buyer",
      title: "Central login",
      body: "We run this for 3,000 engineers and need SAML single sign-on before we can roll it out.",
      createdAt: ago(40 * DAY),
    });
    await model.addComment(REPO, asked.number, {
      user: "hist-auditor",
      body: "Same here: an audit log is a must for our compliance team.",
      createdAt: ago(39 * DAY),
    });
    // The owner's own words match the terms too, but a maintainer is no lead.
    await model.addComment(REPO, asked.number, { user: "acme", body: "SSO and an audit log are on the roadmap.", createdAt: ago(38 * DAY) });
    await world.startSteward("node dist/src/main.js", { STEWARD_SCHEDULES: "sweep=off;digests=off;daily-metrics=off" });
    const installed = await world.github.installations.install("acme");
    expect(installed.delivery.status).toBe(200);
    await backfillFinished(world);
  }, 120_000);
  afterAll(async () => {
    await world?.close();
  });

  it("turns the history's matching words into leads and posts nothing", async () => {
    expect(await leadLogins()).toEqual(["hist-auditor", "hist-buyer"]);
    expect(signals().map((s) => s.login)).toEqual(["hist-auditor", "hist-buyer"]);
    const issue = await world.github.model.listComments(REPO, 1);
    expect(issue.filter((comment) => comment.user === "steward[bot]")).toEqual([]);
  });

  it("keeps a webhook's signal single when a later backfill pass and a redelivery see it again", async () => {
    const comment = await world.github.activity.comment(REPO, 1, {
      user: "live-lena",
      body: "Is there an enterprise plan with SLA-backed support? We have 800 seats.",
    });
    expect(comment.delivery.status).toBe(200);
    liveDelivery = comment.delivery.id;
    liveCommentKey = `comment:${comment.record.id}:created`;
    await eventually("the live signal", () => signals().some((s) => s.natural_key === liveCommentKey));

    const pass = await world.cli(["backfill", "--repo", REPO, "--json"]);
    expect(pass.code, pass.stderr).toBe(0);
    const again = await world.github.sandbox.redeliver(liveDelivery);
    expect(again.status).toBe(200);

    expect(signals().filter((s) => s.natural_key === liveCommentKey)).toHaveLength(1);
    expect(signals()).toHaveLength(3);
    expect(await leadLogins()).toEqual(["hist-auditor", "hist-buyer", "live-lena"]);
  });
});
