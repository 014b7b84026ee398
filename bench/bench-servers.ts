import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createSandbox, type Sandbox } from "../src/sandbox/index.js";
import { logFileIn, startServerProcess, type ServerProcess } from "./server-process.js";
import { MIXED_EVENTS, type DeliveryTarget } from "./signed-deliveries.js";

export const BENCH_SECRET = "bench-secret";
export const WEBHOOK_PATH = "/api/github/webhooks";

/** The GitHub a benchmark's servers talk to: a sandbox in the bench process, and where to write. */
export interface BenchWorld {
  sandbox: Sandbox;
  target: DeliveryTarget;
  /** A temporary directory for SQLite files and server logs, removed by `close`. */
  dir: string;
  profileDir: string | null;
  /** Steward, as `npm start` runs it, against the sandbox and a fresh SQLite file. */
  startSteward(): Promise<ServerProcess>;
  /** A do-nothing Probot app with the same secret; `handlers: "none"` subscribes to nothing. */
  startDoNothing(handlers?: "events" | "none"): Promise<ServerProcess>;
  close(): Promise<void>;
}

/**
 * A sandbox GitHub holding one installation and one repository (so Steward's config reads and
 * token requests are answered), served from the bench process: the servers under test run in
 * their own processes and stay lean.
 */
export async function createBenchWorld(profileDir: string | null): Promise<BenchWorld> {
  const keys = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    publicKeyEncoding: { type: "spki", format: "pem" },
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
  });
  const appId = 4242;
  const sandbox = createSandbox({ appId, publicKeyPem: keys.publicKey, onViolation: () => {} });
  const address = await sandbox.listen(0, "127.0.0.1");
  const installation = sandbox.model.addInstallation({ id: 77, account: "acme", accountType: "Organization", repositorySelection: "all" });
  const repository = sandbox.model.addRepository({ fullName: "acme/widget", ownerType: "Organization" });
  const target: DeliveryTarget = { installationId: installation.id, repositoryId: repository.id, owner: "acme", name: "widget" };
  const dir = mkdtempSync(join(tmpdir(), "steward-bench-"));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    APP_ID: String(appId),
    PRIVATE_KEY: keys.privateKey,
    WEBHOOK_SECRET: BENCH_SECRET,
    WEBHOOK_PATH,
    GHE_HOST: address.host,
    GHE_PROTOCOL: "http",
    LOG_LEVEL: "info",
    HOST: "127.0.0.1",
    PORT: "0",
  };
  let started = 0;
  const entry = (file: string) => fileURLToPath(new URL(`./servers/${file}`, import.meta.url));
  const start = (label: string, file: string, extra: NodeJS.ProcessEnv) =>
    startServerProcess({ label, entry: entry(file), env: { ...env, ...extra }, logFile: logFileIn(dir, label), profileDir });
  return {
    sandbox,
    target,
    dir,
    profileDir,
    startSteward: () =>
      start(`steward-${++started}`, "steward-server-process.ts", { DATABASE_URL: join(dir, `steward-${started}.db`) }),
    startDoNothing: (handlers = "events") =>
      start(`do-nothing-${handlers}-${++started}`, "do-nothing-probot-process.ts", {
        REFERENCE_EVENTS: MIXED_EVENTS.join(","),
        REFERENCE_HANDLERS: handlers,
      }),
    async close() {
      await sandbox.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
