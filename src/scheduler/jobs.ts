import { foldMemberProjections } from "../conversion/fold-member-projections.js";
import { runDueDigests } from "../digest/run-digests.js";
import { resumeBackfills } from "../metrics/run-backfill.js";
import { runDailyMetrics } from "../metrics/run-daily-metrics.js";
import { runSweep } from "../sla/run-sweep.js";
import { retryUnfinishedWelcomes } from "../welcome/retry-unfinished-welcomes.js";
import type { JobDeps } from "./job-deps.js";

/** A recurring job: when it runs (a cron pattern, UTC) and what it calls. */
export interface Job {
  name: string;
  cron: string;
  run(deps: JobDeps): Promise<unknown>;
}

/**
 * Steward's schedule. Each job is safe to run twice or on two replicas at once: every write is
 * claimed in the store first, so the schedule only decides how soon things happen.
 */
export const JOBS: readonly Job[] = [
  { name: "response sweep", cron: "*/15 * * * *", run: (deps) => runSweep(deps, { dryRun: false }) },
  // Between the sweeps, so the two jobs' writes do not queue behind each other in the pacer.
  { name: "welcome retries", cron: "7,22,37,52 * * * *", run: (deps) => retryUnfinishedWelcomes(deps) },
  { name: "member projections", cron: "3,18,33,48 * * * *", run: (deps) => foldMemberProjections(deps) },
  { name: "digests", cron: "5 * * * *", run: (deps) => runDueDigests(deps) },
  { name: "backfill", cron: "20 * * * *", run: (deps) => resumeBackfills(deps) },
  { name: "daily metrics", cron: "30 3 * * *", run: (deps) => runDailyMetrics(deps, {}) },
];
