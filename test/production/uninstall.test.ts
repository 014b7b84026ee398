import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startProductionWorld, type ProductionWorld } from "../helpers/production-world.js";
import { eventually } from "../helpers/steward-process.js";

const REPO = "acme/widget";

/** Rows of every table of the schema that point at a repository id (read from the database itself). */
function rowsAbout(world: ProductionWorld, repositoryId: number): Record<string, number> {
  const tables = world.query<{ name: string }>("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'");
  const found: Record<string, number> = {};
  for (const { name } of tables) {
    const columns = world.query<{ name: string }>(`select name from pragma_table_info('${name}')`).map((c) => c.name);
    const where = [
      columns.includes("repository_id") ? `repository_id = ${repositoryId}` : null,
      name === "repositories" ? `id = ${repositoryId}` : null,
    ].filter(Boolean);
    if (where.length === 0) continue;
    const n = world.query<{ n: number }>(`select count(*) as n from "${name}" where ${where.join(" or ")}`)[0]!.n;
    if (n > 0) found[name] = n;
  }
  return found;
}

/** Removed is removed, on the image's entry point: an uninstall empties every table, and no late delivery brings anything back. */
describe("node dist/src/main.js forgets an uninstalled installation for good", () => {
  let world: ProductionWorld;
  beforeAll(async () => {
    world = await startProductionWorld();
    await world.github.model.addRepository({ fullName: REPO, ownerType: "Organization" });
    await world.github.model.seedHistory({ repo: REPO, stars: 30, issues: 8, pulls: 4, prefix: "past-" });
  }, 120_000);
  afterAll(async () => {
    await world?.close();
  });

  it("leaves zero rows of the repository in any table, and stores nothing from a later redelivery", async () => {
    const steward = await world.startSteward("node dist/src/main.js", { STEWARD_SCHEDULES: "*=off" });
    const installed = await world.github.installations.install("acme");
    const repositoryId = (await world.github.model.getRepository(REPO))!.id;
    await eventually(
      "the history backfilled",
      () => world.query<{ n: number }>("select count(*) as n from backfill_state where status = 'done'")[0]!.n >= 3,
    );
    const opened = await world.github.activity.openIssue(REPO, { user: "buyer-bo", title: "SSO", body: "We need SAML SSO for our enterprise." });
    await eventually("the welcome", async () => (await world.stewardComments(REPO, opened.record.number)).length === 1);
    expect(Object.keys(rowsAbout(world, repositoryId)).length).toBeGreaterThan(4);

    expect((await world.github.installations.uninstall(installed.record.id)).delivery.status).toBe(200);
    await eventually("everything forgotten", () => Object.keys(rowsAbout(world, repositoryId)).length === 0);
    expect(world.query<{ n: number }>("select count(*) as n from installations")[0]!.n).toBe(0);

    // A late or manual redelivery of the old issue: answered 2xx, nothing stored, nothing comes back.
    const late = await world.github.sandbox.redeliver(opened.delivery.id);
    expect(late.status).toBe(200);
    expect(rowsAbout(world, repositoryId)).toEqual({});
    expect(world.query<{ n: number }>("select count(*) as n from user_profiles")[0]!.n).toBe(0);
    expect(steward.alive()).toBe(true);
    await steward.kill();
  });
});
