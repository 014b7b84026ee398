import { count, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { customersCommand } from "../../src/cli/commands/customers.js";
import { leadsCommand } from "../../src/cli/commands/leads.js";
import { collectConversionFigures } from "../../src/conversion/collect-conversion-figures.js";
import { defaultConfig } from "../../src/config/schema.js";
import { createActivity, createWebhookSender, playScenario, SCENARIO_PEOPLE, type Activity } from "../../src/sandbox/index.js";
import { contributors, leadSignals } from "../../src/store/schema.js";
import { findRepository } from "../../src/store/installations.js";
import { listCrossings } from "../../src/store/milestone-crossings.js";
import { saveUserProfiles } from "../../src/store/user-profiles.js";
import { captureIo } from "../helpers/capture-io.js";
import { startE2E, WEBHOOK_SECRET, type E2E } from "../helpers/e2e-harness.js";

const NOW = new Date("2024-04-20T12:00:00Z");
const REPO = "acme/widget";

/** A small RFC 4180 reader: quoted cells with doubled quotes, commas and line breaks inside. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") row.push(cell), (cell = "");
    else if (c === "\r" && text[i + 1] === "\n") {
      row.push(cell), rows.push(row), (row = []), (cell = ""), i++;
    } else cell += c;
  }
  if (cell !== "" || row.length > 0) row.push(cell), rows.push(row);
  return rows;
}

describe("conversion, end to end: webhooks -> leads -> customers -> funnel", () => {
  let e2e: E2E;
  let activity: Activity;
  beforeEach(async () => {
    e2e = await startE2E({ now: () => NOW });
    const sender = createWebhookSender({ url: `${e2e.server.url}/api/github/webhooks`, secret: WEBHOOK_SECRET, appId: e2e.sandbox.app.id });
    activity = createActivity(e2e.sandbox, sender);
    // Welcomes and reminders are other features; this repository labels its leads.
    e2e.sandbox.model.setFile(
      REPO,
      ".github/steward.yml",
      "welcome:\n  enabled: false\nresponse:\n  enabled: false\nconversion:\n  labelLeads: true\n",
    );
  });
  afterEach(() => e2e.close());

  const signals = () => e2e.db.select().from(leadSignals).all();
  // The commands themselves (runCli adds only the dispatch and the exit codes, tested in test/cli).
  const cli = async (name: "customers" | "leads", ...argv: string[]) => {
    const io = captureIo(e2e.processEnv);
    const code = await (name === "customers" ? customersCommand : leadsCommand)(argv, io);
    return { code, stdout: io.stdout, stderr: io.stderr };
  };

  it("records the scenario's lead once, not maintainers, bots, code or quotes; customers close it and the funnel shows it", async () => {
    const summary = await playScenario(activity, { start: "2024-04-01T00:00:00Z", repo: REPO });
    expect(summary.failures).toEqual([]);
    const lead = SCENARIO_PEOPLE.lead;
    // Negative cases: code, a quote, a bot, a maintainer, a word that merely contains a term.
    activity.model.addUser({ login: "dana", company: "Initech" });
    const typo = (await activity.openIssue(REPO, { user: "dana", title: "Typo", body: "```\npricing page typo\n```", at: "2024-04-15T10:00:00Z" }))
      .record.number;
    await activity.comment(REPO, typo, { user: "dana", body: "> Do you offer SSO?\nI would not know.", at: "2024-04-15T11:00:00Z" });
    await activity.comment(REPO, typo, { user: "dana", body: "This API feels enterprisey.", at: "2024-04-15T11:30:00Z" });
    await activity.comment(REPO, typo, { user: SCENARIO_PEOPLE.bot, body: "Enterprise pricing available.", at: "2024-04-15T12:00:00Z" });
    await activity.comment(REPO, typo, { user: SCENARIO_PEOPLE.maintainer, body: "We sell SSO!", at: "2024-04-15T12:30:00Z" });
    // A second lead, in a comment, from someone whose profile read fails once.
    activity.model.addUser({ login: "erin", company: "@initech" });
    e2e.sandbox.failNext({ method: "GET", path: "/users/{username}", status: 502 });
    const asked = await activity.comment(REPO, typo, { user: "erin", body: "We need\nSSO and audit logs, on prem.", at: "2024-04-16T09:00:00Z" });

    const rows = signals();
    expect(rows.map((s) => [s.login, s.terms])).toEqual([
      [lead, ["SSO", "SAML", "enterprise", "pricing", "SLA", "commercial license"]],
      ["erin", ["SSO", "audit log", "on-prem"]],
    ]);
    expect(rows[0]!.occurredAt.getTime()).toBeLessThan(NOW.getTime());
    expect(e2e.logLines.some((l) => l.includes("could not read the profile of erin (HTTP 502)"))).toBe(true);

    // A redelivery adds nothing.
    await activity.sender.redeliver(asked.delivery.id);
    expect(signals()).toHaveLength(2);
    // Each lead's item got the label once, the redelivery did not add it again.
    const labelPosts = e2e.sandbox.requests.filter((r) => r.method === "POST" && r.path.endsWith("/labels"));
    expect(labelPosts.map((r) => r.path).sort()).toEqual(
      [`/repos/${REPO}/issues/${rows[0]!.itemNumber}/labels`, `/repos/${REPO}/issues/${typo}/labels`].sort(),
    );
    expect(activity.model.getIssue(REPO, typo)?.labels).toContain("enterprise-interest");

    // Backfill would have stored the stargazers' profiles (per account id); here the test does.
    const idOf = (login: string) => e2e.sandbox.model.getUser(login)!.id;
    await saveUserProfiles(
      e2e.db,
      [
        { login: "noor", userId: idOf("noor"), type: "User", company: "@acme-corp" },
        { login: "li-wei", userId: idOf("li-wei"), type: "User", company: "ACME, Inc." },
      ],
      NOW,
    );

    const added = await cli(
      "customers",
      "add",
      "--repo",
      REPO,
      "--company",
      "Globex",
      "--plan",
      "enterprise",
      "--mrr",
      "1200",
      "--since",
      "2024-04-18",
      "--now",
      NOW.toISOString(),
    );
    expect(added.stderr).toBe("");
    expect(added.code).toBe(0);
    expect(added.stdout).toContain("milestone: MRR reached $1,000 on 2024-04-18");
    expect((await listCrossings(e2e.db, e2e.target.repositoryId, "mrr")).map((c) => [c.threshold, c.value])).toEqual([[1000, 1200]]);

    const json = await cli("leads", "--repo", REPO, "--json");
    const leads = JSON.parse(json.stdout).leads as Array<Record<string, string>>;
    expect(leads.map((l) => [l.login, l.company, l.status])).toEqual([
      ["erin", "", "open"],
      [lead, "Globex Corporation", "converted"],
    ]);
    expect(leads[0]!.item_url).toBe(`http://${e2e.processEnv.GHE_HOST}/${REPO}/issues/${typo}#issuecomment-${asked.record.id}`);

    const csv = await cli("leads", "--repo", REPO, "--csv");
    const [header, ...body] = parseCsv(csv.stdout);
    expect(header).toEqual(["login", "company", "first_seen", "last_seen", "item_url", "terms", "status"]);
    expect(body.map((cells) => Object.fromEntries(header!.map((h, i) => [h, cells[i]])))).toEqual(leads);

    const repository = (await findRepository(e2e.db, REPO))!;
    const figures = await collectConversionFigures(
      e2e.db,
      repository,
      { start: new Date("2024-04-15T00:00:00Z"), end: new Date("2024-04-22T00:00:00Z") },
      NOW,
      defaultConfig,
    );
    const contributorCount = e2e.db.select({ n: count() }).from(contributors).where(eq(contributors.repositoryId, repository.id)).get()!.n;
    // noor, li-wei, ines, mateo and yuki still star or forked; kofi unstarred (at arrival, before NOW).
    // Participants: noor, rosa, li-wei, sam-k, jordan-globex, tomas, dana, erin (maya is a maintainer, the bot a bot).
    expect(figures.funnel.map((s) => [s.stage, s.count])).toEqual([
      ["stargazers", 5],
      ["participants", 8],
      ["contributors", contributorCount],
      ["leads", 2],
      ["customers", 1],
    ]);
    expect(figures.funnel[1]!.rateFromPrevious).toBeCloseTo(8 / 5);
    expect(figures.funnel[4]!.rateFromPrevious).toBeCloseTo(1 / 2);
    expect(figures).toMatchObject({ leadsTotal: 2, leadsNew: 1, customers: 1, mrrUsd: 1200 });
    // Active: everyone but the bot, kofi included (his star and unstar are recent): 13.
    expect(figures.customersPerActiveMember).toBeCloseTo(1 / 13);
    expect(figures.topCompanies).toEqual([
      { company: "Globex", stargazers: 0, participants: 1, leads: 1 },
      { company: "ACME, Inc.", stargazers: 2, participants: 2, leads: 0 },
    ]);
    expect(figures.leads.map((l) => l.login)).toEqual(["erin"]);
    expect(e2e.sandbox.violations).toEqual([]);
  });
});
