import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createSandbox, type ContentCreationLimit, type Sandbox } from "../src/sandbox/index.js";
import { compiledServers } from "./compiled-servers.js";
import { ledgerCounts, type LedgerCounts } from "./ledger-counts.js";
import { registeredInstallation } from "./registered-installation.js";
import { logFileIn, startServerProcess, type ServerProcess } from "./server-process.js";
import { MIXED_EVENTS, type DeliveryTarget } from "./signed-deliveries.js";

export const BENCH_SECRET = "bench-secret";
export const WEBHOOK_PATH = "/api/github/webhooks";
export const BENCH_APP_ID = 4242;

/** Steward's production server under test, plus what its database holds. */
export interface StewardServer extends ServerProcess {
  /** Its DATABASE_URL: a SQLite file in the world's directory, or the postgres:// URL it was given. */
  database: string;
  /** The ledger's row counts, read from the server's database. */
  ledger(): Promise<LedgerCounts>;
}

/** The GitHub a benchmark's servers talk to: a sandbox in the bench process, and where to write. */
export interface BenchWorld {
  sandbox: Sandbox;
  target: DeliveryTarget;
  /** A temporary directory for SQLite files and server logs, removed by `close`. */
  dir: string;
  profileDir: string | null;
  /**
   * Steward as the Docker image runs it (`node dist/src/main.js`, configured by env alone) against
   * the sandbox and a fresh SQLite file, or the PostgreSQL database `options.database` names
   * (several servers may share one, as replicas do). Its jobs are off (STEWARD_SCHEDULES=*=off)
   * unless `env` says otherwise, so a cron tick cannot land inside a measure of the webhook path.
   */
  startSteward(env?: NodeJS.ProcessEnv, options?: { database?: string }): Promise<StewardServer>;
  /** A do-nothing Probot app with the same env, compiled the same way; `handlers: "none"` subscribes to nothing. */
  startDoNothing(handlers?: "events" | "none"): Promise<ServerProcess>;
  close(): Promise<void>;
}

export interface BenchWorldOptions {
  /** GitHub's secondary limit on content creation, enforced by the sandbox; none by default. */
  contentCreationLimit?: ContentCreationLimit;
}

/**
 * A sandbox GitHub holding one installation and one repository (so Steward's config reads and
 * token requests are answered), served from the bench process: the servers under test run in
 * their own processes, compiled, and stay lean.
 */
export async function createBenchWorld(profileDir: string | null, options: BenchWorldOptions = {}): Promise<BenchWorld> {
  const keys = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    publicKeyEncoding: { type: "spki", format: "pem" },
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
  });
  const sandbox = createSandbox({
    appId: BENCH_APP_ID,
    publicKeyPem: keys.publicKey,
    onViolation: () => {},
    ...(options.contentCreationLimit ? { contentCreationLimit: options.contentCreationLimit } : {}),
  });
  const address = await sandbox.listen(0, "127.0.0.1");
  const installation = sandbox.model.addInstallation({ id: 77, account: "acme", accountType: "Organization", repositorySelection: "all" });
  const repository = sandbox.model.addRepository({ fullName: "acme/widget", ownerType: "Organization" });
  const target: DeliveryTarget = { installationId: installation.id, repositoryId: repository.id, owner: "acme", name: "widget" };
  const dir = mkdtempSync(join(tmpdir(), "steward-bench-"));
  // The image's settings (NODE_ENV, LOG_FORMAT) and nothing from the bench's own environment.
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH ?? "",
    HOME: dir,
    NODE_ENV: "production",
    LOG_FORMAT: "json",
    LOG_LEVEL: "info",
    HOST: "127.0.0.1",
    APP_ID: String(BENCH_APP_ID),
    PRIVATE_KEY: keys.privateKey,
    WEBHOOK_SECRET: BENCH_SECRET,
    WEBHOOK_PATH,
    GHE_HOST: address.host,
    GHE_PROTOCOL: "http",
  };
  let started = 0;
  const start = async (label: string, pick: "steward" | "doNothing", extra: NodeJS.ProcessEnv) => {
    const compiled = await compiledServers();
    return startServerProcess({
      label,
      entry: compiled[pick],
      answers: compiled.answers,
      env: { ...env, ...extra },
      cwd: dir,
      logFile: logFileIn(dir, label),
      profileDir,
    });
  };
  return {
    sandbox,
    target,
    dir,
    profileDir,
    async startSteward(extra = {}, options = {}) {
      const label = `steward-${++started}`;
      const database = options.database ?? join(dir, `${label}.db`);
      await registeredInstallation(database, target);
      const server = await start(label, "steward", { DATABASE_URL: database, STEWARD_SCHEDULES: "*=off", ...extra });
      return { ...server, database, ledger: () => ledgerCounts(database) };
    },
    startDoNothing: (handlers = "events") =>
      start(`do-nothing-${handlers}-${++started}`, "doNothing", {
        REFERENCE_EVENTS: MIXED_EVENTS.join(","),
        REFERENCE_HANDLERS: handlers,
      }),
    async close() {
      await sandbox.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
