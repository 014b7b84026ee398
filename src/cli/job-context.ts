import { pino } from "pino";
import type { Logger } from "probot";
import { createRepoConfigLoader } from "../runtime/repo-config-loader.js";
import { parseEnv } from "../config/env.js";
import { writePacerFor } from "../effects/shared-write-pacer.js";
import { appClient, installationClient } from "../github/app-client.js";
import type { GitHubClient } from "../github/octokit.js";
import { stewardOctokit } from "../github/steward-octokit.js";
import type { JobDeps } from "../runtime/job-deps.js";
import { stewardIdentitySource } from "../runtime/steward-identity.js";
import type { Store } from "../store/db.js";
import { withStore, type CliIo } from "./context.js";

const NO_APP_ID = "APP_ID is not set: the CLI authenticates as the app, like the server";

export interface JobRun {
  /** The command's name, for its one-line failures. */
  command: string;
  /** The command's `--now` (or the real time): the clock every job reads. */
  now: Date;
  /**
   * A command that only reads (`report`, a `--dry-run`): the config loader then stores nothing
   * (docs/architecture.md, "Scheduled jobs": dry runs write nothing).
   */
  readOnly?: boolean;
}

/**
 * Runs `use` with what a job needs (store, clock, log, config loader, GitHub clients, who Steward
 * is), built from the same environment the server reads. The log goes to stderr so that stdout
 * stays the command's output. The database must exist already (see StoreOptions in context.ts).
 */
export async function withJobDeps<T>(io: CliIo, run: JobRun, use: (deps: JobDeps, store: Store) => Promise<T>): Promise<T> {
  const env = parseEnv(io.env, io.cwd);
  const log = pino({ level: env.logLevel, base: undefined }, pino.destination(2)) as unknown as Logger;
  const clients = new Map<number, Promise<GitHubClient>>();
  return withStore(io, { command: run.command }, (store) => {
    // The server's client class and pace: a CLI sweep or digest writes like a scheduled one.
    const Octokit = stewardOctokit(writePacerFor(store, env.writePacePerMinute));
    const clock = () => run.now;
    const steward = env.appId === null ? null : stewardIdentitySource(env.appId, () => appClient(io.env, { log, Octokit }), log);
    const deps: JobDeps = {
      db: store.db,
      now: clock,
      log,
      configs: createRepoConfigLoader({ db: store.db, log, now: clock, readOnly: run.readOnly === true }),
      github(installationId) {
        if (env.appId === null) throw new Error(NO_APP_ID);
        let client = clients.get(installationId);
        if (!client) {
          client = installationClient(io.env, installationId, { log, Octokit });
          clients.set(installationId, client);
        }
        return client;
      },
      steward: () => (steward ? steward() : Promise.reject(new Error(NO_APP_ID))),
    };
    return use(deps, store);
  });
}
