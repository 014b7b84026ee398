import { type RecordedRequest, seedHistory } from "../src/sandbox/index.js";
import { JOBS } from "../src/scheduler/jobs.js";
import type { Benchmark, BenchRow } from "./benchmark.js";
import { firesAt, isRead, summarize } from "./job-schedule.js";
import { startSimulatedInstallation } from "./simulated-installation.js";

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** A Tuesday: no digest is due, so the day is the steady state (nothing to publish, nothing waiting). */
const FIRST_DAY = Date.parse("2026-11-24T00:00:00Z");
/** GitHub's primary rate limit of an installation (more with many repositories, never less). */
const INSTALLATION_HOURLY_BUDGET = 5_000;

/**
 * What a large organization pays in GitHub API budget at steady state: Steward (the production
 * composition, in process, on a simulated clock, its schedules run at their cron times by
 * `runNow`) serves N repositories with a year of history each. The first simulated day is warm-up
 * (the backfill done, first daily metrics, reminders already sent); the second is counted: every
 * request the sandbox records, by job, reads apart from writes.
 */
export const apiBudget: Benchmark = {
  name: "api-budget",
  title: "7. API budget at steady state (requests per served repository and day)",
  async run({ quick, progress }) {
    const repositories = quick ? 5 : 40;
    let current = FIRST_DAY;
    const now = () => new Date(current);
    const { sandbox, steward, close } = await startSimulatedInstallation({
      repositories,
      now,
      name: "steward-api-budget-",
      seed: (sandbox, fullName, i) =>
        seedHistory(sandbox.model, { repo: fullName, stars: 40, issues: 12, pulls: 6, commentsPerIssue: 1, prefix: `r${i}-` }),
    });
    try {
      progress(`${repositories} repositories installed and back-filled; day 1 (warm-up) on the simulated clock`);

      await simulateDay(
        FIRST_DAY,
        (at) => (current = at),
        steward.scheduler.runNow,
        () => {},
      );
      sandbox.resetRequests();
      progress("day 2 (counted)");
      const byJob = new Map<string, RecordedRequest[]>();
      await simulateDay(
        FIRST_DAY + DAY,
        (at) => (current = at),
        steward.scheduler.runNow,
        (job, requests) => {
          byJob.set(job, [...(byJob.get(job) ?? []), ...requests]);
        },
        sandbox,
      );

      const all = [...byJob.values()].flat();
      const reads = all.filter(isRead);
      const writes = all.filter((request) => !isRead(request));
      const perRepository = (count: number) => Number((count / repositories).toFixed(2));
      const sweepReads = (byJob.get("sweep") ?? []).filter(isRead).length;
      for (const [job, requests] of byJob) {
        if (requests.length > 0) progress(`  ${job}: ${requests.length} requests (${requests.filter(isRead).length} reads): ${summarize(requests)}`);
      }
      const readsPerRepository = reads.length / repositories;
      const rows: BenchRow[] = [
        {
          figure: `GitHub reads per repository and day (${repositories} repositories)`,
          unit: "requests",
          value: perRepository(reads.length),
          target: { on: "value", max: 6 },
        },
        {
          figure: "  of them by the response sweeps (96 a day)",
          unit: "requests",
          value: perRepository(sweepReads),
          target: { on: "value", max: 0 },
        },
        { figure: "GitHub writes per repository and day (nothing due)", unit: "requests", value: perRepository(writes.length) },
        {
          figure: "1,000 repositories: share of one installation's 5,000 requests an hour",
          unit: "%",
          value: Number((((readsPerRepository * 1_000) / 24 / INSTALLATION_HOURLY_BUDGET) * 100).toFixed(1)),
          target: { on: "value", max: 50 },
        },
      ];
      return rows;
    } finally {
      await close();
    }
  },
};

/**
 * Runs every job at each minute of one UTC day where its cron pattern fires, in minute order, and
 * hands each run's requests to `record` (when a sandbox is given to read them from).
 */
async function simulateDay(
  dayStart: number,
  setClock: (at: number) => void,
  runNow: (id: string) => Promise<void>,
  record: (job: string, requests: RecordedRequest[]) => void,
  sandbox?: { requests: RecordedRequest[] },
): Promise<void> {
  for (let minute = 0; minute < 24 * 60; minute++) {
    const at = new Date(dayStart + minute * MINUTE);
    for (const job of JOBS) {
      if (!firesAt(job.cron, at)) continue;
      setClock(at.getTime());
      const before = sandbox?.requests.length ?? 0;
      await runNow(job.id);
      if (sandbox) record(job.id, sandbox.requests.slice(before));
    }
  }
}
