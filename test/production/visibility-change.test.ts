import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startProductionWorld, type ProductionWorld } from "../helpers/production-world.js";
import { eventually } from "../helpers/steward-process.js";

const REPO = "acme/vault";
const CONFIG = "welcome:\n  enabled: false\nresponse:\n  enabled: false\ndigest:\n  showConversionNames: true\n";
const SCHEDULES = { STEWARD_SCHEDULES: "sweep=off;welcome-retries=off;digests=off;daily-metrics=off" };
/** Three past weeks: the lead asks on a Tuesday, the digest is made the Monday after. */
const WEEKS = [
  { key: "2026-W46", asks: "2026-11-10T10:00:00Z", digestAt: "2026-11-16T09:05:00Z" },
  { key: "2026-W47", asks: "2026-11-17T10:00:00Z", digestAt: "2026-11-23T09:05:00Z" },
  { key: "2026-W48", asks: "2026-11-24T10:00:00Z", digestAt: "2026-11-30T09:05:00Z" },
] as const;

/** The lead's login and company where a digest would name them: its conversion section, or a company anywhere. */
function leadNames(body: string): string[] {
  const conversion = body.slice(body.indexOf("## Conversion")).split(/\n## /)[0] ?? "";
  return ["buyer-bo", "Initech"].filter((name) => conversion.includes(name) || (name === "Initech" && body.includes(name)));
}

/**
 * The built server (`node dist/src/main.js`) and the CLI (`node bin/steward.js`) against the sandbox
 * process: a private repository's digest names its lead (opted in); once the repository is public,
 * by a delivered `repository.publicized` or with that webhook lost, its digests name none.
 */
describe("node dist/src/main.js: a repository made public names no lead in its digest", () => {
  let world: ProductionWorld;

  beforeAll(async () => {
    world = await startProductionWorld();
    await world.github.model.addRepository({ fullName: REPO, ownerType: "Organization", private: true });
    await world.github.model.setFile(REPO, ".github/steward.yml", CONFIG);
    await world.github.model.addUser({ login: "buyer-bo", company: "Initech" });
    await world.startSteward("node dist/src/main.js", SCHEDULES);
    expect((await world.github.installations.install("acme")).delivery.status).toBe(200);
    await eventually("the install's backfill", () => {
      const rows = world.query<{ status: string }>("select status from backfill_state");
      return rows.length > 0 && rows.every((row) => row.status === "done");
    });
  }, 120_000);
  afterAll(async () => {
    await world?.close();
  });

  const storedPrivate = () => world.query<{ private: number }>("select private from repositories where full_name = ?", REPO)[0]?.private;
  /** The lead asks again in `week`, and Steward has recorded it. */
  const leadAsks = async (week: number) => {
    const { asks } = WEEKS[week]!;
    if (week === 0) await world.github.activity.openIssue(REPO, { user: "buyer-bo", title: "Enterprise plan", body: "We need SAML SSO.", at: asks });
    else await world.github.activity.comment(REPO, 1, { user: "buyer-bo", body: "Still need SSO, and an audit log.", at: asks });
    await eventually(`lead signal ${week + 1}`, () => world.query<{ n: number }>("select count(*) as n from lead_signals")[0]!.n === week + 1);
  };
  /** Runs `steward digest` for `week`: the digest issue's body as GitHub holds it, and what the command logged. */
  const digest = async (week: number): Promise<{ body: string; log: string }> => {
    const { key, digestAt } = WEEKS[week]!;
    const run = await world.cli(["digest", "--repo", REPO, "--now", digestAt]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`digest ${key} opened #`);
    const issues = await world.github.model.listIssues(REPO);
    const issue = issues.find((i) => i.title.startsWith(`Community digest: ${key}`));
    expect(issue).toBeDefined();
    return { body: issue!.body ?? "", log: run.stderr };
  };

  it("names the lead and their company while the repository is private", async () => {
    await leadAsks(0);
    expect(storedPrivate()).toBe(1);
    expect(leadNames((await digest(0)).body)).toEqual(["buyer-bo", "Initech"]);
  });

  it("names neither once repository.publicized was delivered", async () => {
    const publicized = await world.github.activity.publicize(REPO);
    expect(publicized.delivery.status).toBe(200);
    expect(storedPrivate()).toBe(0);
    await leadAsks(1);
    const { body } = await digest(1);
    expect(body).toContain("New enterprise leads this week");
    expect(leadNames(body)).toEqual([]);
  });

  it("names neither when the webhook was lost: the read at publish time decides, and is stored", async () => {
    expect((await world.github.activity.privatize(REPO)).delivery.status).toBe(200);
    expect(storedPrivate()).toBe(1);
    // Public again on GitHub, and no webhook says so.
    await world.github.model.setRepositoryVisibility(REPO, false);
    await leadAsks(2);
    const { body, log } = await digest(2);
    expect(body).toContain("New enterprise leads this week");
    expect(leadNames(body)).toEqual([]);
    expect(storedPrivate()).toBe(0);
    expect(log).toContain("acme/vault: GitHub says it is public now; stored");
  });
});
