import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backfillFinished, startProductionWorld, type ProductionWorld } from "../helpers/production-world.js";
import { eventually, type StewardProcess } from "../helpers/steward-process.js";

const REPO = "acme/widget";
const BROKEN = "acme/gadget";
const HOUR = 3_600_000;

/**
 * Steward as users run it: `npm start` as a child process, configured by environment variables
 * only, against the sandbox in its own process. A first install on repositories with history, then
 * each feature's webhooks, a broken steward.yml, the scheduled sweep on a short schedule, and the
 * CLI through bin/steward.js.
 */
describe("npm start, end to end: a first install and every feature's webhooks", () => {
  let world: ProductionWorld;
  let steward: StewardProcess;

  beforeAll(async () => {
    world = await startProductionWorld();
    await world.github.model.addRepository({ fullName: REPO, ownerType: "Organization" });
    await world.github.model.addRepository({ fullName: BROKEN, ownerType: "Organization" });
    await world.github.model.seedHistory({ repo: REPO, stars: 450, issues: 60, pulls: 20, prefix: "past-" });
    await world.github.model.setFile(REPO, "CONTRIBUTING.md", "# How to contribute\n");
    // A steward.yml that is not even YAML, and one with bad values: neither may cost a welcome.
    await world.github.model.setFile(BROKEN, ".github/steward.yml", "welcome:\n  enabled: [yes\nresponse:\n  goalHours: -3\n");
    steward = await world.startSteward("npm start", {
      // The sweep every two seconds; the digests and the daily job stay off.
      STEWARD_SCHEDULES: "sweep=*/2 * * * * *;digests=off;daily-metrics=off",
    });
  }, 120_000);
  afterAll(async () => {
    await world?.close();
  });

  it("backfills the history of a first install and stays up", async () => {
    const installed = await world.github.installations.install("acme");
    expect(installed.delivery.status).toBe(200);
    await backfillFinished(world);
    const stars = world.query<{ n: number }>("select count(*) as n from events where kind = 'star.created'")[0]!.n;
    expect(stars).toBe(450);
    expect(steward.alive()).toBe(true);
    expect((await fetch(`${steward.url}/healthz`)).status).toBe(200);
    // Progress was logged through Steward's own logger (the call that used to crash the process).
    expect(steward.logs().some((line) => /backfill acme\/widget/.test(String(line.msg)))).toBe(true);
    expect(steward.logs().filter((line) => (line.level ?? 0) >= 50)).toEqual([]);
  });

  it("welcomes a first-time contributor", async () => {
    const opened = await world.github.activity.openIssue(REPO, { user: "newcomer-ana", title: "The docs link is broken" });
    expect(opened.delivery.status).toBe(200);
    const comments = await eventually("the welcome", async () => {
      const found = await world.stewardComments(REPO, opened.record.number);
      return found.length > 0 ? found : undefined;
    });
    expect(comments).toHaveLength(1);
    expect(comments[0]).toContain("Welcome to acme/widget, @newcomer-ana");
    expect(comments[0]).toContain("CONTRIBUTING.md");
  });

  it("records a lead, which the CLI lists", async () => {
    const opened = await world.github.activity.openIssue(REPO, {
      user: "buyer-bo",
      title: "Single sign-on",
      body: "We are rolling this out to 4,000 engineers and need SAML SSO and an audit log.",
    });
    expect(opened.delivery.status).toBe(200);
    const leads = await eventually("the lead in `steward leads`", async () => {
      const run = await world.cli(["leads", "--repo", REPO, "--json"]);
      expect(run.code).toBe(0);
      const rows = (JSON.parse(run.stdout) as { leads: Array<{ login: string }> }).leads;
      return rows.some((row) => row.login === "buyer-bo") ? rows : undefined;
    });
    expect(leads.filter((row) => row.login === "buyer-bo")).toHaveLength(1);
  });

  it("reminds maintainers of an item near the response goal, from the scheduled sweep, once", async () => {
    const opened = await world.github.activity.openIssue(REPO, {
      user: "waiting-wu",
      title: "Crash when the config is empty",
      at: new Date(Date.now() - 20 * HOUR).toISOString(),
    });
    expect(opened.delivery.status).toBe(200);
    const reminders = await eventually("the at-risk reminder", async () => {
      const found = (await world.stewardComments(REPO, opened.record.number)).filter((body) => body.includes("first response"));
      return found.length > 0 ? found : undefined;
    });
    expect(reminders[0]).toMatch(/has waited 20 hours for a first response/);
    // Several more sweeps run; the reminder stays single.
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    expect((await world.stewardComments(REPO, opened.record.number)).filter((body) => body.includes("first response"))).toHaveLength(1);
  });

  it("runs a repository whose steward.yml is broken on defaults, says why, and loses no welcome", async () => {
    const opened = await world.github.activity.openIssue(BROKEN, { user: "newcomer-cy", title: "Question about the API" });
    expect(opened.delivery.status).toBe(200);
    const comments = await eventually("the welcome on the broken-config repository", async () => {
      const found = await world.stewardComments(BROKEN, opened.record.number);
      return found.length > 0 ? found : undefined;
    });
    expect(comments[0]).toContain("Welcome to acme/gadget, @newcomer-cy");
    expect(steward.logs().some((line) => String(line.msg).includes("acme/gadget: .github/steward.yml"))).toBe(true);
    expect(steward.alive()).toBe(true);
  });

  it("answers the CLI through bin/steward.js on the server's database", async () => {
    const report = await world.cli(["report", "--repo", REPO, "--json"]);
    expect(report.code).toBe(0);
    expect(JSON.parse(report.stdout)).toMatchObject({ repository: REPO });
    const dry = await world.cli(["sweep", "--repo", REPO, "--dry-run", "--json"]);
    expect(dry.code).toBe(0);
    const unknown = await world.cli(["report", "--repo", "acme/nothing"]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr.trim().split("\n")).toHaveLength(1);
  });
});
