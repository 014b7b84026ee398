import { pino } from "pino";
import { type Logger, ProbotOctokit } from "probot";
import type { GitHubClient } from "../../src/github/octokit.js";
import type { JobDeps } from "../../src/runtime/job-deps.js";
import { createRepoConfigLoader } from "../../src/runtime/repo-config-loader.js";
import type { E2E } from "./e2e-harness.js";

const QuietOctokit = ProbotOctokit.defaults({ throttle: { enabled: false }, retry: { enabled: false } });

/**
 * What a job needs, on the test's clock, against the e2e sandbox: authenticated as the
 * installation without pacing or retries, so a job's own marker checks are what is under test.
 */
export function sandboxJobDeps(e2e: E2E, now: () => Date): JobDeps {
  const log = pino({ level: "silent" }) as unknown as Logger;
  let client: GitHubClient | undefined;
  return {
    db: e2e.db,
    now,
    log,
    configs: createRepoConfigLoader({ db: e2e.db, log, now }),
    steward: e2e.server.jobs.steward,
    async github(installationId) {
      client ??= new QuietOctokit({
        auth: { token: e2e.sandbox.createInstallationToken(installationId) },
        baseUrl: `${e2e.sandbox.address()!.url}/api/v3`,
        log,
      });
      return client;
    },
  };
}
