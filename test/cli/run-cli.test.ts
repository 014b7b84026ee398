import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run-cli.js";
import { toLedgerEntry } from "../../src/ingest/to-ledger-entry.js";
import { registerInstallation } from "../../src/store/installations.js";
import { recordDelivery } from "../../src/store/ledger.js";
import { captureIo } from "../helpers/capture-io.js";
import { createTestStore } from "../helpers/test-store.js";
import { examplePayload, forRepository } from "../helpers/webhook-examples.js";

describe("the steward command", () => {
  let store: Awaited<ReturnType<typeof createTestStore>>;
  let env: NodeJS.ProcessEnv;
  beforeEach(async () => {
    store = await createTestStore();
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
  ])("exits 2 with a one-line reason for %j", async (argv, reason) => {
    const io = captureIo(env);
    expect(await runCli(argv, io)).toBe(2);
    expect(io.stderr).toMatch(reason);
    expect(io.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("exits 2 when the environment is wrong, naming the variable", async () => {
    const io = captureIo({ DATABASE_URL: "mysql://db" });
    expect(await runCli(["migrate"], io)).toBe(2);
    expect(io.stderr).toContain("DATABASE_URL");
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
    await recordDelivery(store.db, { id: "d1", event: "issues", action: "opened", receivedAt: new Date() }, entry);

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

  it("says which repository it does not know", async () => {
    const io = captureIo(env);
    expect(await runCli(["report", "--repo", "acme/nothing"], io)).toBe(2);
    expect(io.stderr).toContain('no repository "acme/nothing"');
  });
});
