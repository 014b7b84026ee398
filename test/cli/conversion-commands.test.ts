import { count } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CommandFailure } from "../../src/cli/command-failure.js";
import { customersCommand } from "../../src/cli/commands/customers.js";
import { leadsCommand } from "../../src/cli/commands/leads.js";
import { UsageError } from "../../src/cli/usage-error.js";
import { registerInstallation } from "../../src/store/installations.js";
import { recordLeadSignal } from "../../src/store/leads.js";
import { listCrossings } from "../../src/store/milestone-crossings.js";
import { customers } from "../../src/store/schema.js";
import { saveUserProfiles } from "../../src/store/user-profiles.js";
import { captureIo } from "../helpers/capture-io.js";
import { createSqliteTestStore } from "../helpers/test-store.js";

const REPO = { id: 10, installationId: 1, owner: "acme", name: "widget", fullName: "acme/widget", private: false };
const NOW = "2026-03-01T00:00:00Z";

describe("steward customers and steward leads", () => {
  let store: Awaited<ReturnType<typeof createSqliteTestStore>>;
  let env: NodeJS.ProcessEnv;
  beforeEach(async () => {
    store = await createSqliteTestStore();
    env = { DATABASE_URL: store.path };
    await registerInstallation(store.db, { id: 1, accountLogin: "acme", accountType: "Organization" }, [REPO], new Date(NOW));
  });
  afterEach(() => store.dispose());

  const customers_ = async (...argv: string[]) => {
    const io = captureIo(env);
    const code = await customersCommand(argv, io);
    return { code, out: io.stdout, err: io.stderr };
  };
  const stored = () => store.db.select({ n: count() }).from(customers).get()!.n;

  it.each([
    [
      ["add", "--repo", "acme/widget", "--company", "Acme", "--plan", "pro", "--mrr", "-5"],
      /--mrr must be an amount in USD of zero or more, like 500 or 99.50, got "-5"/,
    ],
    [["add", "--repo", "acme/widget", "--company", "Acme", "--plan", "pro", "--mrr=-5"], /--mrr must be an amount in USD of zero or more/],
    [["add", "--repo", "acme/widget", "--company", "Acme", "--plan", "pro", "--mrr", "lots"], /--mrr must be an amount/],
    [["add", "--repo", "acme/widget", "--company", "Acme", "--plan", "pro", "--mrr", "1.999"], /--mrr must be an amount/],
    [["add", "--repo", "acme/widget", "--company", "Acme", "--plan", "pro"], /--mrr is required/],
    [["add", "--repo", "acme/widget", "--plan", "pro", "--mrr", "5"], /--company is required/],
    [["add", "--repo", "acme/widget", "--company", "  ", "--plan", "pro", "--mrr", "5"], /--company is required/],
    [["add", "--repo", "acme/widget", "--company", "@ ,", "--plan", "pro", "--mrr", "5"], /no letters or digits/],
    [["add", "--repo", "acme/widget", "--company", "Acme", "--mrr", "5"], /--plan is required/],
    [
      ["add", "--repo", "acme/widget", "--company", "Acme", "--plan", "pro", "--mrr", "5", "--login", "not a login"],
      /--login must be a GitHub login/,
    ],
    [["add", "--repo", "acme/widget", "--company", "Acme", "--plan", "pro", "--mrr", "5", "--since", "yesterday"], /--since must be a date/],
    [
      ["add", "--repo", "acme/widget", "--company", "Acme", "--plan", "pro", "--mrr", "5", "--since", "2026-02-31"],
      /--since "2026-02-31" is not a real date or time: February 2026 has no day 31/,
    ],
    [
      ["add", "--repo", "acme/widget", "--company", "Acme", "--plan", "pro", "--mrr", "5", "--now", "2026-03-01junk"],
      /--now must be a date or time in ISO 8601 form/,
    ],
    [["add", "--repo", "acme/widget", "--company", "Acme", "--plan", "pro", "--mrr", "5", "--seats", "3"], /Unknown option '--seats'/],
    [["upgrade", "--repo", "acme/widget"], /expected one of add, list, remove, got "upgrade"/],
    [[], /expected one of add, list, remove/],
  ])("refuses %j with the reason, writing nothing", async (...args) => {
    const [argv, reason] = args as [string[], RegExp];
    await expect(customers_(...argv)).rejects.toThrow(UsageError);
    await expect(customers_(...argv)).rejects.toThrow(reason);
    expect(stored()).toBe(0);
  });

  it.each([
    [["add", "--repo", "acme/gadget", "--company", "Acme", "--plan", "pro", "--mrr", "5"], /no repository "acme\/gadget"/],
    [["remove", "--repo", "acme/widget", "--company", "Nobody"], /^customers remove: acme\/widget has no customer "Nobody"$/],
  ])("fails on %j (exit 1: called rightly, but there is nothing to act on), writing nothing", async (...args) => {
    const [argv, reason] = args as [string[], RegExp];
    await expect(customers_(...argv)).rejects.toThrow(CommandFailure);
    await expect(customers_(...argv)).rejects.toThrow(reason);
    expect(stored()).toBe(0);
  });

  it("adds, updates, lists and removes customers; milestones are recorded once, on the day they were reached", async () => {
    const first = await customers_(
      "add",
      "--repo",
      "acme/widget",
      "--company",
      "Acme, Inc.",
      "--plan",
      "team",
      "--mrr",
      "600",
      "--since",
      "2026-01-10",
      "--now",
      NOW,
    );
    expect(first).toEqual({ code: 0, out: "added customer Acme, Inc. (team, $600/month) for acme/widget\n", err: "" });
    const second = await customers_(
      "add",
      "--repo",
      "acme/widget",
      "--company",
      "Globex",
      "--plan",
      "enterprise",
      "--mrr",
      "499.50",
      "--login",
      "jordan",
      "--since",
      "2026-02-01",
      "--now",
      NOW,
    );
    expect(second.out).toContain("milestone: MRR reached $1,000 on 2026-02-01");
    const update = await customers_(
      "add",
      "--repo",
      "acme/widget",
      "--company",
      "ACME",
      "--plan",
      "enterprise",
      "--mrr",
      "9600",
      "--since",
      "2026-01-10",
      "--now",
      NOW,
    );
    expect(update.out).toMatch(/^updated customer ACME \(enterprise, \$9,600\/month\)/);
    expect(update.out).toContain("milestone: MRR reached $10,000 on 2026-02-01");
    expect((await listCrossings(store.db, REPO.id, "mrr")).map((c) => [c.threshold, c.crossedAt.toISOString().slice(0, 10), c.value])).toEqual([
      [1000, "2026-02-01", 1099],
      [10000, "2026-02-01", 10099],
    ]);

    const listed = await customers_("list", "--repo", "acme/widget", "--json");
    expect(JSON.parse(listed.out)).toEqual({
      repository: "acme/widget",
      customers: [
        { company: "ACME", plan: "enterprise", mrrUsd: 9600, login: null, since: "2026-01-10T00:00:00.000Z" },
        { company: "Globex", plan: "enterprise", mrrUsd: 499.5, login: "jordan", since: "2026-02-01T00:00:00.000Z" },
      ],
      mrrUsd: 10099.5,
    });
    expect((await customers_("list", "--repo", "acme/widget")).out).toContain("2 customer(s), MRR $10,099.50");

    // Removing and adding again crosses nothing twice.
    expect((await customers_("remove", "--repo", "acme/widget", "--company", "acme inc")).out).toBe("removed customer acme inc from acme/widget\n");
    const again = await customers_("add", "--repo", "acme/widget", "--company", "Acme", "--plan", "team", "--mrr", "9600", "--now", NOW);
    expect(again.out).not.toContain("milestone");
    expect(await listCrossings(store.db, REPO.id, "mrr")).toHaveLength(2);
  });

  it("exports leads as CSV with RFC 4180 quoting and defused formulas, and refuses --csv with --json", async () => {
    const at = (iso: string) => new Date(iso);
    await recordLeadSignal(store.db, {
      repositoryId: REPO.id,
      naturalKey: "issue:1:opened",
      login: "ann",
      userId: 1,
      itemNumber: 4,
      terms: ["SSO"],
      occurredAt: at("2026-02-01T10:00:00Z"),
    });
    await recordLeadSignal(store.db, {
      repositoryId: REPO.id,
      naturalKey: "comment:99:created",
      login: "ann",
      userId: 1,
      itemNumber: 4,
      terms: ["SLA", "sso"],
      occurredAt: at("2026-02-03T10:00:00Z"),
    });
    await recordLeadSignal(store.db, {
      repositoryId: REPO.id,
      naturalKey: "issue:2:opened",
      login: "bob",
      userId: 2,
      itemNumber: 5,
      terms: ["pricing"],
      occurredAt: at("2026-01-05T10:00:00Z"),
    });
    await saveUserProfiles(
      store.db,
      [
        { login: "ann", userId: 1, type: "User", company: 'Acme, "the" Company\nLtd' },
        { login: "bob", userId: 2, type: "User", company: '=HYPERLINK("x")' },
      ],
      at(NOW),
    );
    const io = captureIo(env);
    expect(await leadsCommand(["--repo", "acme/widget", "--csv"], io)).toBe(0);
    expect(io.stdout).toBe(
      "login,company,first_seen,last_seen,item_url,terms,status\r\n" +
        'ann,"Acme, ""the"" Company\nLtd",2026-02-01T10:00:00.000Z,2026-02-03T10:00:00.000Z,https://github.com/acme/widget/issues/4#issuecomment-99,SSO; SLA,open\r\n' +
        `bob,"'=HYPERLINK(""x"")",2026-01-05T10:00:00.000Z,2026-01-05T10:00:00.000Z,https://github.com/acme/widget/issues/5,pricing,open\r\n`,
    );
    const since = captureIo(env);
    expect(await leadsCommand(["--repo", "acme/widget", "--since", "2026-02-02", "--json"], since)).toBe(0);
    expect(JSON.parse(since.stdout).leads.map((l: { login: string }) => l.login)).toEqual(["ann"]);
    await expect(leadsCommand(["--repo", "acme/widget", "--csv", "--json"], captureIo(env))).rejects.toThrow(/choose one of --csv and --json/);
    await expect(leadsCommand(["--repo", "acme/nothing"], captureIo(env))).rejects.toThrow(CommandFailure);
    await expect(leadsCommand(["--repo", "acme/nothing"], captureIo(env))).rejects.toThrow(/no repository "acme\/nothing"/);
  });
});
