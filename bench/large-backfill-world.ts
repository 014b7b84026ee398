import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createSandbox, type Sandbox } from "../src/sandbox/index.js";
import { registeredInstallation } from "./registered-installation.js";
import type { DeliveryTarget } from "./signed-deliveries.js";

const APP_ID = 4343;

/** A sandbox whose rate-limit windows run on a clock the benchmark can move to a reset. */
export interface LargeBackfillWorld {
  sandbox: Sandbox;
  /** Where Steward's SQLite file and logs live; removed by `close`. */
  dir: string;
  /** Steward's DATABASE_URL, migrated, both repositories registered. */
  database: string;
  /** The environment of `steward backfill`: the production variables and nothing of the bench's. */
  env: NodeJS.ProcessEnv;
  /** Adds an installation with one repository, in the sandbox and in Steward's database. */
  addRepository(installationId: number, owner: string, name: string): Promise<DeliveryTarget>;
  /** Moves the rate-limit clock forward (waiting for a reset without waiting). */
  skip(ms: number): void;
  /** The rate-limit clock: real time plus what was skipped. */
  rateClock(): number;
  close(): Promise<void>;
}

/**
 * The sandbox GitHub in the bench process, reporting `limit` GraphQL points per hour and
 * installation. Its rate-limit windows follow real time plus the time skipped; app JWTs and
 * installation tokens keep real time, since the CLI signs them with its own clock.
 */
export async function createLargeBackfillWorld(limit: number): Promise<LargeBackfillWorld> {
  const keys = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    publicKeyEncoding: { type: "spki", format: "pem" },
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
  });
  let skipped = 0;
  const rateClock = () => Date.now() + skipped;
  const sandbox = createSandbox({ appId: APP_ID, publicKeyPem: keys.publicKey, onViolation: () => {}, rateLimit: limit, rateLimitClock: rateClock });
  const address = await sandbox.listen(0, "127.0.0.1");
  const dir = mkdtempSync(join(tmpdir(), "steward-large-backfill-"));
  const database = join(dir, "steward.db");
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH ?? "",
    HOME: dir,
    NODE_ENV: "production",
    LOG_FORMAT: "json",
    LOG_LEVEL: "info",
    APP_ID: String(APP_ID),
    WEBHOOK_SECRET: "bench-secret",
    PRIVATE_KEY: keys.privateKey,
    GHE_HOST: address.host,
    GHE_PROTOCOL: "http",
    DATABASE_URL: database,
  };
  return {
    sandbox,
    dir,
    database,
    env,
    async addRepository(installationId, owner, name) {
      sandbox.model.addInstallation({ id: installationId, account: owner, accountType: "Organization", repositorySelection: "all" });
      const repository = sandbox.model.addRepository({ fullName: `${owner}/${name}`, ownerType: "Organization" });
      const target: DeliveryTarget = { installationId, repositoryId: repository.id, owner, name };
      await registeredInstallation(database, target);
      return target;
    },
    skip(ms) {
      skipped += Math.max(0, ms);
    },
    rateClock,
    async close() {
      await sandbox.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
