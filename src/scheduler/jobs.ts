import { foldMemberProjections } from "../conversion/fold-member-projections.js";
import { runDueRollups } from "../digest/rollup/run-rollups.js";
import { runDueDigests } from "../digest/run-digests.js";
import { resumeBackfills } from "../metrics/run-backfill.js";
import { runDailyMetrics } from "../metrics/run-daily-metrics.js";
import { runSweep } from "../sla/run-sweep.js";
import { retryUnfinishedWelcomes } from "../welcome/retry-unfinished-welcomes.js";
import type { JobDeps } from "../runtime/job-deps.js";

/** A recurring job: its id (for STEWARD_SCHEDULES), when it runs (a cron pattern, UTC) and what it calls. */
export interface Job {
  id: string;
  name: string;
  cron: string;
  run(deps: JobDeps): Promise<unknown>;
}

/**
 * Steward's schedule. Each job is safe to run twice or on two replicas at once: every write is
 * claimed in the store first, so the schedule only decides how soon things happen.
 */
export const JOBS: readonly Job[] = [
  { id: "sweep", name: "response sweep", cron: "*/15 * * * *", run: (deps) => runSweep(deps, { dryRun: false }) },
  // Between the sweeps, so the two jobs' writes do not queue behind each other in the pacer.
  { id: "welcome-retries", name: "welcome retries", cron: "7,22,37,52 * * * *", run: (deps) => retryUnfinishedWelcomes(deps) },
  { id: "member-projections", name: "member projections", cron: "3,18,33,48 * * * *", run: (deps) => foldMemberProjections(deps) },
  { id: "digests", name: "digests", cron: "5 * * * *", run: async (deps) => [...(await runDueDigests(deps)), ...(await runDueRollups(deps))] },
  { id: "backfill", name: "backfill", cron: "20 * * * *", run: (deps) => resumeBackfills(deps) },
  { id: "daily-metrics", name: "daily metrics", cron: "30 3 * * *", run: (deps) => runDailyMetrics(deps, {}) },
];

/** A job with no schedule: it runs only when asked (`runNow`), e.g. by the demo's simulated clock. */
export const OFF = "off";

/**
 * The jobs with STEWARD_SCHEDULES applied: `id=cron` replaces a job's pattern, `id=off` leaves it
 * unscheduled, and `*` stands for every job. An id that names no job is an error, so a typo
 * cannot silently leave the default in place.
 */
export function scheduledJobs(jobs: readonly Job[], overrides: Record<string, string>): Job[] {
  const unknown = Object.keys(overrides).filter((id) => id !== "*" && !jobs.some((job) => job.id === id));
  if (unknown.length > 0) {
    throw new Error(`STEWARD_SCHEDULES names no job "${unknown.join('", "')}"; the jobs are ${jobs.map((job) => job.id).join(", ")}`);
  }
  return jobs.map((job) => ({ ...job, cron: overrides[job.id] ?? overrides["*"] ?? job.cron }));
}
