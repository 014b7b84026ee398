import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startProductionWorld, type ProductionWorld } from "../helpers/production-world.js";
import { startProxyChannel } from "../helpers/proxy-channel.js";
import { eventually, runToExit } from "../helpers/steward-process.js";

const REPO = "acme/widget";

/** The Docker image's command, `node dist/src/main.js`, built from this tree by the global setup. */
describe("node dist/src/main.js, as the image runs it", () => {
  let world: ProductionWorld;

  beforeAll(async () => {
    world = await startProductionWorld();
    await world.github.model.addRepository({ fullName: REPO, ownerType: "Organization" });
    await world.github.model.seedHistory({ repo: REPO, stars: 120, issues: 15, pulls: 5, prefix: "past-" });
  }, 120_000);
  afterAll(async () => {
    await world?.close();
  });

  it("refuses unsafe or broken settings with one line and no stack trace", async () => {
    const aFile = join(mkdtempSync(join(tmpdir(), "steward-not-a-folder-")), "file");
    writeFileSync(aFile, "");
    const cases: Array<[Record<string, string>, RegExp]> = [
      [{ NODE_ENV: "production", WEBHOOK_SECRET: "" }, /WEBHOOK_SECRET is required when NODE_ENV=production/],
      // A folder that cannot be made (its parent is a file): the same path as a read-only file.
      [{ DATABASE_URL: join(aFile, "steward.db") }, /^steward: cannot use the database at .*\/file\/steward\.db: \S/],
      [{ STEWARD_SCHEDULES: "swep=off" }, /STEWARD_SCHEDULES names no job "swep"/],
    ];
    for (const [env, reason] of cases) {
      const run = await runToExit("node dist/src/main.js", { ...world.env, ...env });
      expect(run.code).toBe(2);
      expect(run.output.some((line) => reason.test(line))).toBe(true);
      expect(run.output.join("\n")).not.toMatch(/\n\s+at /);
    }
  });

  it("installs, welcomes, answers 503 while the database is locked, and exits 0 on SIGTERM", async () => {
    const steward = await world.startSteward("node dist/src/main.js", { STEWARD_SCHEDULES: "digests=off;daily-metrics=off" });
    expect((await world.github.installations.install("acme")).delivery.status).toBe(200);
    const opened = await world.github.activity.openIssue(REPO, { user: "newcomer-dee", title: "Typo in the README" });
    expect(opened.delivery.status).toBe(200);
    await eventually("the welcome", async () => (await world.stewardComments(REPO, opened.record.number)).length === 1);

    // Another process holds the write lock past the busy timeout: the server cannot write.
    const locker = new Database(world.databasePath);
    locker.exec("BEGIN EXCLUSIVE");
    try {
      expect((await fetch(`${steward.url}/healthz`)).status).toBe(503);
    } finally {
      locker.exec("ROLLBACK");
      locker.close();
    }
    expect((await fetch(`${steward.url}/healthz`)).status).toBe(200);

    steward.signal("SIGTERM");
    expect(await steward.exited).toBe(0);
  });

  it("serves /metrics only to a request with METRICS_TOKEN as its bearer token", async () => {
    const steward = await world.startSteward("node dist/src/main.js", { METRICS_TOKEN: "production-metrics-token", STEWARD_SCHEDULES: "*=off" });
    const metrics = (authorization?: string) => fetch(`${steward.url}/metrics`, authorization ? { headers: { authorization } } : {});
    expect((await metrics()).status).toBe(401);
    expect((await metrics("Bearer not-the-token")).status).toBe(401);
    const forged = await fetch(`${steward.url}/api/github/webhooks`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-github-event": "issues", "x-github-delivery": "forged", "x-hub-signature-256": "sha256=00" },
      body: "{}",
    });
    expect(forged.status).toBe(400);
    const served = await metrics("Bearer production-metrics-token");
    expect(served.status).toBe(200);
    const text = await served.text();
    expect(text).toContain('steward_webhook_refused_total{reason="signature"} 1');
    expect(text).toMatch(/^steward_process_start_time_seconds \d+$/m);
    await steward.kill();
  });

  it("receives deliveries through a webhook proxy channel (WEBHOOK_PROXY_URL)", async () => {
    const channel = await startProxyChannel();
    try {
      const steward = await world.startSteward("node dist/src/main.js", { WEBHOOK_PROXY_URL: channel.url, STEWARD_SCHEDULES: "*=off" });
      await eventually("Steward to listen on the channel", () => channel.listeners() === 1);
      // GitHub (the sandbox) posts to the channel, never to Steward itself.
      await world.github.sandbox.setWebhookTarget({ url: channel.url });
      const opened = await world.github.activity.openIssue(REPO, { user: "newcomer-eve", title: "Proxy me" });
      expect(opened.delivery.status).toBe(200);
      await eventually("the welcome through the channel", async () => (await world.stewardComments(REPO, opened.record.number)).length === 1);
      expect(channel.posted()).toBe(1);
      await steward.kill();
    } finally {
      await channel.close();
    }
  });
});
