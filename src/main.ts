import { existsSync } from "node:fs";
import { run } from "probot";
import { EnvError, parseEnv } from "./config/env.js";
import { startStewardServer } from "./http/steward-server.js";
import { JOBS } from "./scheduler/jobs.js";
import { startScheduler } from "./scheduler/start-scheduler.js";
import { openSqliteStore } from "./store/db.js";
import { applyMigrations } from "./store/migrate.js";

/**
 * `npm start`. With an APP_ID: migrate the database and serve webhooks. Without one: Probot's setup
 * flow, which registers the GitHub App from app.yml and writes its credentials to `.env`.
 */
async function main(): Promise<void> {
  // Probot's setup flow writes the app's credentials to .env; variables already set win.
  if (existsSync(".env")) process.loadEnvFile(".env");
  const env = parseEnv(process.env);
  if (env.appId === null) {
    // Probot would otherwise fetch smee-client with npx for a webhook proxy, which needs the network.
    process.env.NO_SMEE_SETUP ??= "true";
    console.log(
      `No APP_ID set: starting Probot's setup. Open http://${env.host}:${env.port} to register Steward as a GitHub App;\n` +
        "the credentials are written to .env. Then stop this process and run `npm start` again.",
    );
    await run(() => {});
    return;
  }
  const store = openSqliteStore(env.databasePath);
  await applyMigrations(store.db);
  const running = await startStewardServer({ env, processEnv: process.env, db: store.db });
  const scheduler = startScheduler(running.jobs, JOBS);
  // A backfill interrupted by the last shutdown continues now rather than at the next hourly tick.
  void scheduler.runNow("backfill");
  const stop = async () => {
    await scheduler.stop();
    await running.close();
    store.close();
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof EnvError ? error.message : error);
  process.exit(error instanceof EnvError ? 2 : 1);
});
