import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import Database from "better-sqlite3";
import { startSandboxProcess, type SandboxProcess } from "./sandbox-process.js";
import { eventually, startStewardProcess, type EntryPoint, type StewardProcess } from "./steward-process.js";

export const SECRET = "production-suite-secret";
const ROOT = resolve(import.meta.dirname, "..", "..");

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * The world of the production suite: GitHub is the sandbox in its own process (`npm run sandbox`),
 * Steward is started as users start it (`npm start` or `node dist/src/main.js`) with environment
 * variables only, and the CLI is `node bin/steward.js`. Several Steward processes may be started
 * one after another on the same database file, as a restart would.
 */
export async function startProductionWorld() {
  const sandbox: SandboxProcess = await startSandboxProcess({ env: { APP_ID: "4242", WEBHOOK_SECRET: SECRET } });
  const dir = mkdtempSync(join(tmpdir(), "steward-production-"));
  const baseEnv: Record<string, string> = {
    APP_ID: String(sandbox.appId),
    PRIVATE_KEY_PATH: sandbox.privateKeyPath!,
    WEBHOOK_SECRET: SECRET,
    GHE_HOST: sandbox.host,
    GHE_PROTOCOL: "http",
    DATABASE_URL: join(dir, "steward.db"),
    LOG_LEVEL: "info",
  };
  const running: StewardProcess[] = [];

  return {
    sandbox,
    github: sandbox.client,
    databasePath: baseEnv.DATABASE_URL!,
    env: baseEnv,
    /** Starts Steward and points the sandbox's webhooks at it. */
    async startSteward(entry: EntryPoint, env: Record<string, string> = {}): Promise<StewardProcess> {
      const steward = await startStewardProcess(entry, { ...baseEnv, ...env });
      running.push(steward);
      await sandbox.client.sandbox.setWebhookTarget({ url: `${steward.url}/api/github/webhooks`, secret: SECRET });
      return steward;
    },
    /** Runs `node bin/steward.js ...args` with the same environment as the server. */
    cli(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
      return new Promise((done) => {
        const child = spawn(process.execPath, ["bin/steward.js", ...args], {
          cwd: ROOT,
          env: { PATH: process.env.PATH ?? "", ...baseEnv, ...env },
          stdio: ["ignore", "pipe", "pipe"],
        });
        let stdout = "";
        let stderr = "";
        child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
        child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
        child.once("exit", (code) => done({ code, stdout, stderr }));
      });
    },
    /** Reads the database file as an outside observer (read-only, its own connection). */
    query<T>(sql: string, ...params: unknown[]): T[] {
      const db = new Database(baseEnv.DATABASE_URL!, { readonly: true, fileMustExist: true });
      try {
        return db.prepare(sql).all(...params) as T[];
      } finally {
        db.close();
      }
    },
    /** Steward's comments on an item, as GitHub (the sandbox) holds them. */
    async stewardComments(repo: string, number: number): Promise<string[]> {
      const comments = await sandbox.client.model.listComments(repo, number);
      return comments.filter((comment) => comment.user === "steward[bot]").map((comment) => comment.body);
    },
    async close() {
      await Promise.all(running.map((steward) => steward.kill()));
      await sandbox.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type ProductionWorld = Awaited<ReturnType<typeof startProductionWorld>>;

/** What `bin/steward.js sweep --json` printed as sent, for its first repository. */
interface SweepJson {
  repositories: Array<{ sent: Array<{ action: string; number: number }> }>;
}

/** Runs `bin/steward.js sweep` on `repo` at the instant `at` and gives what it sent; a failed run throws. */
export async function sweepSentAt(world: ProductionWorld, repo: string, at: Date): Promise<SweepJson["repositories"][number]["sent"]> {
  const run = await world.cli(["sweep", "--repo", repo, "--now", at.toISOString(), "--json"]);
  if (run.code !== 0) throw new Error(`steward sweep exited with ${run.code}: ${run.stderr}`);
  return (JSON.parse(run.stdout) as SweepJson).repositories[0]!.sent;
}

/** Waits until the server's backfill has begun and every kind of it is done. */
export async function backfillFinished(world: ProductionWorld, timeoutMs = 60_000): Promise<void> {
  await eventually(
    "the backfill to finish",
    () =>
      world.query<{ n: number }>("select count(*) as n from backfill_state")[0]!.n > 0 &&
      world.query("select kind from backfill_state where status != 'done'").length === 0,
    timeoutMs,
  );
}
