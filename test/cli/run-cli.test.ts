import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run-cli.js";
import { toLedgerEntry } from "../../src/ingest/to-ledger-entry.js";
import { registerInstallation } from "../../src/store/installations.js";
import { recordDelivery } from "../../src/store/ledger.js";
import { captureIo } from "../helpers/capture-io.js";
import { createSqliteTestStore } from "../helpers/test-store.js";
import { examplePayload, forRepository } from "../helpers/webhook-examples.js";

describe("the steward command", () => {
  let store: Awaited<ReturnType<typeof createSqliteTestStore>>;
  let env: NodeJS.ProcessEnv;
  beforeEach(async () => {
    store = await createSqliteTestStore();
    env = { DATABASE_URL: store.path };
  });
  afterEach(() => store.dispose());

  it.each([
    [["frobnicate"], /unknown command "frobnicate"/],
    [["report", "--repo", "a/b", "--colour"], /report: Unknown option '--colour'/],
    [["report"], /--repo owner\/name is required/],
    [["report", "--repo", "not-a-repo"], /--repo must look like owner\/name/],
    [["report", "--repo", "a/b", "extra"], /unexpected argument "extra"/],
    [["migrate", "--force"], /migrate: Unknown option '--force'/],
    [
      ["report", "--repo", "a/b", "--now", "2026-02-31"],
      /^steward report: --now "2026-02-31" is not a real date or time: February 2026 has no day 31 \(it has 28 days\)$/,
    ],
    [
      ["report", "--repo", "a/b", "--now", "2026-01-01junk"],
      /^steward report: --now must be a date or time in ISO 8601 form \(.*\), got "2026-01-01junk"$/,
    ],
    [["report", "--repo", "a/b", "--now", "2026-13-01"], /^steward report: --now "2026-13-01" is not a real date or time: there is no month 13/],
    [
      ["report", "--repo", "a/b", "--now", "2026-01-01T24:00"],
      /^steward report: --now "2026-01-01T24:00" is not a real date or time: hours run from 00 to 23$/,
    ],
    [["report", "--repo", "a/b", "--now", ""], /^steward report: --now is empty/],
    [["report", "--repo", "a/b", "--now"], /^steward report: Option '--now <value>' argument missing/],
    [["sweep", "--now", "2026-02-29T10:00Z"], /^steward sweep: --now "2026-02-29T10:00Z" is not a real date or time: February 2026 has no day 29/],
    [["digest", "--repo", "a/b", "--now", "2026-01-01 10:00", "--dry-run"], /^steward digest: --now must be a date or time in ISO 8601 form/],
    [
      ["backfill", "--repo", "a/b", "--since", "2026-04-31"],
      /^steward backfill: --since "2026-04-31" is not a real date or time: April 2026 has no day 31/,
    ],
    [["leads", "--repo", "a/b", "--since", "last week"], /^steward leads: --since must be a date or time in ISO 8601 form .*, got "last week"$/],
    [
      ["customers", "add", "--repo", "a/b", "--company", "Acme", "--plan", "pro", "--mrr", "5", "--since", "2026-02-30"],
      /^steward customers add: --since "2026-02-30" is not a real date or time/,
    ],
    [
      ["customers", "add", "--repo", "a/b", "--company", "Acme", "--plan", "pro", "--mrr", "5", "--now", "2026-01-01T10:00:60Z"],
      /^steward customers add: --now "2026-01-01T10:00:60Z" is not a real date or time: seconds run from 00 to 59$/,
    ],
    [
      ["customers", "remove", "--repo", "a/b", "--company", "Acme", "--now", "2026-01-01T10:00+24:00"],
      /^steward customers remove: --now "2026-01-01T10:00\+24:00" is not a real date or time/,
    ],
    [["--frobnicate"], /^steward: unknown option "--frobnicate"/],
    [[], /^steward: no command given; run "steward --help"/],
    [["--version", "extra"], /^steward: --version takes no arguments/],
    [["help", "frobnicate"], /^steward help: unknown command "frobnicate"/],
    [["constructor"], /^steward: unknown command "constructor"/],
    [["help", "toString"], /^steward help: unknown command "toString"/],
  ])("exits 2 with a one-line reason for %j", async (argv, reason) => {
    const io = captureIo(env);
    expect(await runCli(argv, io)).toBe(2);
    expect(io.stderr.trimEnd()).toMatch(reason);
    expect(io.stderr.trim().split("\n")).toHaveLength(1);
    expect(io.stdout).toBe("");
  });

  it("exits 2 when the environment is wrong, naming the variable, in one line", async () => {
    const io = captureIo({ DATABASE_URL: "mysql://db" });
    expect(await runCli(["migrate"], io)).toBe(2);
    expect(io.stderr).toMatch(/^steward migrate: invalid environment: .*DATABASE_URL/);
    expect(io.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("migrates the database named by DATABASE_URL", async () => {
    const io = captureIo(env);
    expect(await runCli(["migrate"], io)).toBe(0);
    expect(io.stdout).toContain(store.path);
  });

  it("reports what the ledger holds, as text and as JSON", async () => {
    const target = { installationId: 7, repositoryId: 70, owner: "acme", name: "widget" };
    await registerInstallation(
      store.db,
      { id: 7, accountLogin: "acme", accountType: "Organization" },
      [{ id: 70, installationId: 7, owner: "acme", name: "widget", fullName: "acme/widget", private: false }],
      new Date(),
    );
    const payload = forRepository(examplePayload("issues", "opened"), target);
    const issue = payload.issue as { author_association: string; created_at: string; number: number };
    // From the community, so the response clock runs on it.
    issue.author_association = "NONE";
    const entry = toLedgerEntry({ id: "d1", name: "issues", payload, receivedAt: new Date() });
    await recordDelivery(store.db, { id: "d1", event: "issues", action: "opened", receivedAt: new Date(), payload: "{}" }, entry);

    const opened = new Date(issue.created_at);
    const now = new Date(opened.getTime() + 30 * 3_600_000).toISOString();
    const json = captureIo(env);
    expect(await runCli(["report", "--repo", "acme/widget", "--now", now, "--json"], json)).toBe(0);
    const report = JSON.parse(json.stdout);
    expect(report).toMatchObject({
      repository: "acme/widget",
      ledger: { deliveries: 1, events: 1, eventsByKind: { "issues.opened": 1 } },
      items: { openIssues: 1 },
      config: null,
      configSource: "defaults",
      period: { end: now },
      response: { status: "ok", current: { goalHours: 24, waiting: [{ number: issue.number, overGoal: true }] } },
      community: { status: "ok", current: { openCommunityItems: { now: 1 } } },
      contributors: { status: "ok", current: { total: 0 } },
      conversion: { status: "ok" },
    });

    const text = captureIo(env);
    expect(await runCli(["report", "--repo", "acme/widget"], text)).toBe(0);
    expect(text.stdout).toContain("issues.opened");
    expect(text.stdout).toContain("Issues: 1 open, 0 closed");
    expect(text.stdout).toContain("## First responses");
  });

  it("fails (exit 1, not 2) on a repository it does not hold, saying which, for every command that takes --repo", async () => {
    for (const argv of [
      ["report", "--repo", "acme/nothing"],
      ["sweep", "--repo", "acme/nothing", "--dry-run"],
      ["digest", "--repo", "acme/nothing", "--dry-run"],
      ["backfill", "--repo", "acme/nothing"],
      ["leads", "--repo", "acme/nothing"],
      ["customers", "list", "--repo", "acme/nothing"],
      ["customers", "add", "--repo", "acme/nothing", "--company", "Acme", "--plan", "pro", "--mrr", "5"],
      ["customers", "remove", "--repo", "acme/nothing", "--company", "Acme"],
    ]) {
      const io = captureIo(env);
      expect(await runCli(argv, io), argv.join(" ")).toBe(1);
      expect(io.stderr).toMatch(/^steward [a-z ]+: Steward holds no repository "acme\/nothing" \(is the app installed on it\?\)\n$/);
    }
  });

  it("reads a --now without a zone as UTC, whatever the process's time zone", async () => {
    await registerInstallation(
      store.db,
      { id: 7, accountLogin: "acme", accountType: "Organization" },
      [{ id: 70, installationId: 7, owner: "acme", name: "widget", fullName: "acme/widget", private: false }],
      new Date(),
    );
    const zone = process.env.TZ;
    process.env.TZ = "America/New_York";
    try {
      for (const [now, end] of [
        ["2026-11-30T09:00", "2026-11-30T09:00:00.000Z"],
        ["2026-11-30", "2026-11-30T00:00:00.000Z"],
        ["2026-11-30T09:00:00+01:00", "2026-11-30T08:00:00.000Z"],
      ]) {
        const io = captureIo(env);
        expect(await runCli(["report", "--repo", "acme/widget", "--now", now!, "--json"], io)).toBe(0);
        expect(JSON.parse(io.stdout).period.end).toBe(end);
      }
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });
});
