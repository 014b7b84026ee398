import { existsSync } from "node:fs";
import { run } from "probot";
import { EnvError, parseEnv } from "./config/env.js";
import { StartupError } from "./app/open-server-store.js";
import { setupFlowMessage } from "./app/setup-flow.js";
import { startSteward } from "./app/start-steward.js";

/**
 * `npm start` and the Docker image's `node dist/src/main.js`. With an APP_ID: migrate the database,
 * serve webhooks and run the schedules until SIGTERM or SIGINT, which stop it gracefully. Without
 * one: Probot's setup flow, which registers the GitHub App from app.yml and writes `.env`.
 */
async function main(): Promise<void> {
  // Probot's setup flow writes the app's credentials to .env; variables already set win.
  if (existsSync(".env")) process.loadEnvFile(".env");
  const env = parseEnv(process.env);
  if (env.appId === null) {
    // Probot would otherwise fetch smee-client with npx for a webhook proxy, which needs the network.
    process.env.NO_SMEE_SETUP ??= "true";
    console.log(setupFlowMessage(env, process.env));
    await run(() => {});
    return;
  }
  const steward = await startSteward({ env, processEnv: process.env });
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    steward.log.info(`${signal}: finishing the work under way, then exiting`);
    steward.close().then(
      () => process.exit(0),
      (error: unknown) => {
        steward.log.error({ err: error }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

main().catch((error: unknown) => {
  const oneLine = error instanceof EnvError || error instanceof StartupError;
  console.error(oneLine ? `steward: ${(error as Error).message}` : error);
  process.exit(oneLine ? 2 : 1);
});
