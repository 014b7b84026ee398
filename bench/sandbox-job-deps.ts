import { pino } from "pino";
import type { Logger } from "probot";
import { createRepoConfigLoader } from "../src/runtime/repo-config-loader.js";
import type { GitHubClient } from "../src/github/octokit.js";
import type { Sandbox } from "../src/sandbox/index.js";
import { unthrottledOctokit } from "../src/sandbox/unthrottled-octokit.js";
import type { JobDeps } from "../src/runtime/job-deps.js";
import type { DB } from "../src/store/db.js";

export interface BenchJobDepsOptions {
  /** The jobs' logical clock (`deps.now`). */
  now: () => Date;
  /** The sandbox's wall clock, for renewing the installation token before it expires; Date.now by default. */
  wallClock?: () => number;
}

const TOKEN_RENEW_MS = 50 * 60_000;
const quiet = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

/**
 * Steward's JobDeps against a sandbox, as the end-to-end tests build them: Probot's Octokit with its
 * pacing and retries off (an installation token, renewed on the sandbox's clock so a long simulated
 * run does not outlive it), the real configuration loader and a silent log. Writes are not paced:
 * the write-pacing benchmark measures the production server's pacing instead.
 */
export function benchJobDeps(db: DB, sandbox: Sandbox, options: BenchJobDepsOptions): JobDeps {
  const log = pino({ level: "silent" }) as unknown as Logger;
  const wallClock = options.wallClock ?? Date.now;
  const clients = new Map<number, GitHubClient>();
  return {
    db,
    now: options.now,
    log,
    configs: createRepoConfigLoader({ db, log, now: options.now }),
    steward: async () => ({ appId: sandbox.app.id, botLogin: sandbox.app.botLogin }),
    async github(installationId) {
      const existing = clients.get(installationId);
      if (existing) return existing;
      let token = sandbox.createInstallationToken(installationId);
      let issuedAt = wallClock();
      const Octokit = unthrottledOctokit();
      const client = new Octokit({ baseUrl: `${sandbox.address()?.url}/api/v3`, log: quiet }) as unknown as GitHubClient;
      client.hook.before("request", (request) => {
        if (wallClock() - issuedAt > TOKEN_RENEW_MS) {
          token = sandbox.createInstallationToken(installationId);
          issuedAt = wallClock();
        }
        request.headers.authorization = `token ${token}`;
      });
      clients.set(installationId, client);
      return client;
    },
  };
}
