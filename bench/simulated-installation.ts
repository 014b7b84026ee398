import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type RunningSteward, startSteward } from "../src/app/start-steward.js";
import { parseEnv } from "../src/config/env.js";
import type { WritePacer } from "../src/effects/write-pacer.js";
import { runBackfill } from "../src/metrics/run-backfill.js";
import { createInstallationActivity, createSandbox, createWebhookSender, type Sandbox } from "../src/sandbox/index.js";
import { listUnfinishedBackfillRepositories } from "../src/store/backfill-state.js";
import { listRepositories } from "../src/store/installations.js";

const APP_ID = 7;
const SECRET = "simulated-installation-secret";

export interface SimulatedInstallationOptions {
  /** How many repositories the installation (`acme`) serves: `acme/repo-0` ... */
  repositories: number;
  /** The simulated clock: the jobs' `now` and the sandbox model's. */
  now: () => Date;
  /** Writes a repository's history into the sandbox before the installation. */
  seed(sandbox: Sandbox, fullName: string, index: number): void;
  /** The pacer every Steward client shares; production's own when omitted. */
  writePacer?: WritePacer;
  /**
   * The sandbox's primary rate limit per hour (5,000 by default). Its windows run on real time: a
   * long simulation packs hours of requests into a few real minutes, and an answer saying none
   * remain makes Probot's throttling wait for the real reset. A simulation sets it out of reach and
   * counts its requests per simulated hour itself.
   */
  primaryLimit?: number;
  /** Where to say how long the installation and the backfill took. */
  progress?(line: string): void;
  /** A temporary directory name's prefix, e.g. "steward-api-budget-". */
  name: string;
}

export interface SimulatedInstallation {
  sandbox: Sandbox;
  steward: RunningSteward;
  close(): Promise<void>;
}

/**
 * Steward as production composes it (`startSteward`, in process, every schedule off so the
 * benchmark runs the jobs at their times on its clock) against a sandbox GitHub whose one
 * installation serves N seeded repositories, installed at the clock's `now` and back-filled.
 */
export async function startSimulatedInstallation(options: SimulatedInstallationOptions): Promise<SimulatedInstallation> {
  const keys = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    publicKeyEncoding: { type: "spki", format: "pem" },
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
  });
  const sandbox = createSandbox({
    appId: APP_ID,
    publicKeyPem: keys.publicKey,
    now: options.now,
    onViolation: () => {},
    ...(options.primaryLimit === undefined ? {} : { rateLimit: options.primaryLimit }),
  });
  const address = await sandbox.listen();
  for (let i = 0; i < options.repositories; i++) {
    const fullName = `acme/repo-${i}`;
    sandbox.model.addRepository({ fullName, ownerType: "Organization", license: "AGPL-3.0" });
    options.seed(sandbox, fullName, i);
  }
  const dir = mkdtempSync(join(tmpdir(), options.name));
  const processEnv: NodeJS.ProcessEnv = {
    APP_ID: String(APP_ID),
    PRIVATE_KEY: keys.privateKey,
    WEBHOOK_SECRET: SECRET,
    GHE_HOST: address.host,
    GHE_PROTOCOL: "http",
    PORT: "0",
    HOST: "127.0.0.1",
    LOG_LEVEL: "silent",
    DATABASE_URL: join(dir, "steward.db"),
    STEWARD_SCHEDULES: "*=off",
  };
  const pacer = options.writePacer ? { writePacer: options.writePacer } : {};
  const steward = await startSteward({ env: parseEnv(processEnv), processEnv, clock: options.now, ...pacer });
  const close = async () => {
    await steward.close();
    await sandbox.close();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const sender = createWebhookSender({ url: `${steward.url}/api/github/webhooks`, secret: SECRET, appId: APP_ID });
    let started = Date.now();
    await createInstallationActivity(sandbox, sender).install("acme", { at: options.now() });
    options.progress?.(`installed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    started = Date.now();
    for (const repository of await listRepositories(steward.jobs.db)) await runBackfill(steward.jobs, { repository, since: null });
    options.progress?.(`${options.repositories} repositories back-filled in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    // A paused backfill leaves the store without the history (and its waiting items): nothing to measure.
    const unfinished = await listUnfinishedBackfillRepositories(steward.jobs.db);
    if (unfinished.length > 0) throw new Error(`the backfill of ${unfinished.length} repositories did not finish`);
  } catch (error) {
    await close();
    throw error;
  }
  return { sandbox, steward, close };
}
