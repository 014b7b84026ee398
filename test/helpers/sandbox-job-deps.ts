import { pino } from "pino";
import { type Logger, ProbotOctokit } from "probot";
import type { GitHubClient } from "../../src/github/octokit.js";
import type { JobDeps } from "../../src/runtime/job-deps.js";
import { createRepoConfigLoader } from "../../src/runtime/repo-config-loader.js";
import { runSweep, type SweepReport } from "../../src/sla/run-sweep.js";
import { listRepositories } from "../../src/store/installations.js";
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

/** A real (not dry) response sweep of the e2e's one repository at `now`, as the scheduler runs it. */
export async function sweepTheRepository(e2e: E2E, now: Date): Promise<SweepReport> {
  const [repository] = await listRepositories(e2e.db);
  return runSweep(
    sandboxJobDeps(e2e, () => now),
    { repository: repository!, dryRun: false },
  );
}
