import { latestDigestWeek, previousDigestWeek } from "../src/digest/digest-week.js";
import { createWritePacer } from "../src/effects/write-pacer.js";
import { JOBS } from "../src/scheduler/jobs.js";
import type { Benchmark, BenchRow } from "./benchmark.js";
import { createsContent } from "./content-requests.js";
import { isRead } from "./job-schedule.js";
import {
  countOutcomes,
  leastTimeFor,
  longestBreachDelay,
  primaryHourlyLimit,
  refusedByLimit,
  type SentRequest,
} from "./large-installation-figures.js";
import { recordPreviousDigests, type SeededWeek, seedWeek } from "./large-installation-seed.js";
import { observePacer } from "./observed-pacer.js";
import { driveSchedules, type JobRun } from "./schedule-driver.js";
import { SimulatedClock } from "./simulated-clock.js";
import { startSimulatedInstallation } from "./simulated-installation.js";
import { maxInWindow } from "./sliding-window.js";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** Steward's default pace (WRITE_PACE_PER_MINUTE) and GitHub's documented secondary limit. */
const PACE = 60;
const GITHUB_LIMIT = { perMinute: 80, perHour: 500 };
/** A Sunday evening: the simulation starts here and runs through Monday. */
const START = Date.parse("2026-11-29T21:00:00Z");
const DAILY_DUE = Date.parse("2026-11-30T03:30:00Z");
const DIGEST_SCHEDULE = { day: "monday", time: "09:00", timezone: "UTC" };
const WEEK = latestDigestWeek(new Date(Date.parse("2026-11-30T09:00:00Z")), DIGEST_SCHEDULE);
const PREVIOUS_WEEK = previousDigestWeek(WEEK, DIGEST_SCHEDULE);
/** Waiting issues are opened on Sunday from here, so their breaches (24 h on) meet Monday's digests. */
const WAITING_FROM = Date.parse("2026-11-29T09:00:00Z");
const GOAL_MS = 24 * HOUR;
/**
 * The sandbox's primary limit, out of reach (its windows run on real time; the hourly count per
 * simulated hour is a row of its own) but within GraphQL's 32-bit Int, which its `rateLimit` field is.
 */
const UNREACHED_PRIMARY_LIMIT = 1_000_000_000;
/** Jobs are started up to here at the latest; the run normally ends hours earlier, once all is done. */
const LAST_TICK = Date.parse("2026-11-30T23:59:00Z");

/**
 * One installation with N repositories through a Sunday night and a Monday: Steward's production
 * composition on a simulated clock that the write pacer sleeps on too, every job started at its
 * cron minutes, concurrently, as the scheduler would. Measures when each job kind's work was done
 * after it fell due, the busiest minute and hour of content creation, what GitHub's secondary
 * limit would have refused, and whether every digest and reminder was posted exactly once.
 */
export const largeInstallation: Benchmark = {
  name: "large-installation",
  title: "9. A large installation (sweeps, daily job and Monday digests on a simulated clock)",
  async run({ quick, progress }) {
    const repositories = quick ? 40 : 1_000;
    const clock = new SimulatedClock(START);
    const pacer = observePacer(createWritePacer({ perMinute: PACE, now: clock.now, sleep: clock.sleep }));
    const seeded: SeededWeek = { waiting: new Map(), previousDigests: new Map() };
    const setupStarted = Date.now();
    const { sandbox, steward, close } = await startSimulatedInstallation({
      repositories,
      now: clock.date,
      writePacer: pacer,
      primaryLimit: UNREACHED_PRIMARY_LIMIT,
      name: "steward-large-installation-",
      progress,
      seed: (box, fullName, i) =>
        seedWeek(box, seeded, fullName, i, { waitingFrom: WAITING_FROM, previousDigest: PREVIOUS_WEEK.publishAt.getTime() }),
    });
    try {
      await recordPreviousDigests(steward.jobs.db, sandbox, seeded, { key: PREVIOUS_WEEK.key, publishedAt: PREVIOUS_WEEK.publishAt.getTime() });
      progress(`set up in ${seconds(setupStarted)} s; ${seeded.waiting.size} community issues waiting`);
      sandbox.resetRequests();
      const lastBreach = Math.max(...[...seeded.waiting.values()].map((w) => w.openedAt + GOAL_MS));
      const simulated = Date.now();
      const drive = await driveSchedules({
        clock,
        jobs: JOBS,
        runNow: steward.scheduler.runNow,
        waiting: pacer.waiting,
        requests: sandbox.requests,
        until: LAST_TICK,
        onHour: (at) => progress(`  ${iso(at)} simulated, ${seconds(simulated)} s of real time`),
        // Done once the last breach is a sweep past and every digest is out (and its predecessor closed).
        finished: async () =>
          clock.now() > lastBreach + 15 * MINUTE && countOutcomes(sandbox, seeded, WEEK.title).closedWithOneComment === repositories,
      });
      progress(`simulated ${iso(START)} to ${iso(clock.now())} in ${seconds(simulated)} s of real time`);
      for (const job of JOBS) {
        const runs = drive.runs.filter((run) => run.job === job.id);
        const real = runs.reduce((sum, run) => sum + run.realMs, 0) / 1000;
        if (runs.length > 0) progress(`  ${job.id}: ${runs.length} runs, ${real.toFixed(1)} s of real time`);
      }
      return figures({ repositories, seeded, drive, sandbox: { requests: sandbox.requests }, outcomes: countOutcomes(sandbox, seeded, WEEK.title) });
    } finally {
      await close();
    }
  },
};

interface Measured {
  repositories: number;
  seeded: SeededWeek;
  drive: Awaited<ReturnType<typeof driveSchedules>>;
  sandbox: { requests: SentRequest["request"][] };
  outcomes: ReturnType<typeof countOutcomes>;
}

function figures({ repositories, seeded, drive, sandbox, outcomes }: Measured): BenchRow[] {
  const sent: SentRequest[] = sandbox.requests.map((request, i) => ({ request, at: drive.sentAt[i]! }));
  const creating = sent.filter(({ request }) => createsContent(request)).map(({ at }) => at);
  const runsOf = (job: string) => drive.runs.filter((run) => run.job === job);
  const sweepLongest = Math.max(0, ...runsOf("sweep").map((run) => run.end - run.tick));
  const daily = runsOf("daily-metrics").find((run) => run.tick === DAILY_DUE);
  const digestsDone = digestsDoneAt(sent, runsOf("digests"));
  const digestWrites = creating.filter((at) => at >= WEEK.publishAt.getTime() && at <= digestsDone).length;
  const reads = sent.filter(({ request }) => isRead(request));
  const minutes = (ms: number) => Math.round(ms / MINUTE);
  const waiting = seeded.waiting.size;
  return [
    {
      figure: "sweeps: longest from its tick to its last repository done",
      unit: "min",
      value: minutes(sweepLongest),
      target: { on: "value", max: 60 },
    },
    {
      figure: "  sweep ticks skipped (the previous sweep still running)",
      unit: "ticks",
      value: drive.skipped.filter((s) => s.job === "sweep").length,
    },
    {
      figure: "daily metrics job: due (Mon 03:30) to last repository done",
      unit: "min",
      value: daily ? minutes(daily.end - daily.tick) : Number.NaN,
      target: { on: "value", max: 60 },
    },
    {
      figure: "digests: due (Mon 09:00) to last repository done",
      unit: "min",
      value: minutes(digestsDone - WEEK.publishAt.getTime()),
      reference: { label: "their hour", value: 60 },
      target: { on: "value", max: 60 },
    },
    {
      figure: `  the same, against the least GitHub's 500 an hour allows for the ${digestWrites} content-creating requests sent meanwhile`,
      unit: "min",
      value: minutes(digestsDone - WEEK.publishAt.getTime()),
      reference: { label: "first tick (09:05) + least time", value: 5 + minutes(leastTimeFor(digestWrites, PACE, GITHUB_LIMIT.perHour)) },
      target: { on: "ratio", max: 1.1 },
    },
    {
      figure: "most content-creating requests in any 60 s",
      unit: "req",
      value: maxInWindow(creating, MINUTE),
      reference: { label: "pace", value: PACE },
      target: { on: "ratio", max: 1 },
    },
    {
      figure: "most content-creating requests in any hour",
      unit: "req",
      value: maxInWindow(creating, HOUR),
      reference: { label: "GitHub's hourly limit", value: GITHUB_LIMIT.perHour },
      target: { on: "ratio", max: 1 },
    },
    {
      figure: "refused by the secondary rate limit (80 a minute, 500 an hour)",
      unit: "req",
      value: refusedByLimit(creating, GITHUB_LIMIT),
      target: { on: "value", max: 0 },
    },
    { figure: "content-creating requests in all", unit: "req", value: creating.length },
    {
      figure: "digests published exactly once",
      unit: "repos",
      value: outcomes.digestsOnce,
      reference: { label: "repositories", value: repositories },
      target: { on: "ratio", min: 1, max: 1 },
    },
    {
      figure: "last week's digests closed, with one successor comment each",
      unit: "repos",
      value: outcomes.closedWithOneComment,
      reference: { label: "repositories", value: repositories },
      target: { on: "ratio", min: 1, max: 1 },
    },
    {
      figure: "reminders posted exactly once (at-risk and breach)",
      unit: "reminders",
      value: outcomes.remindersOnce,
      reference: { label: "due", value: 2 * waiting },
      target: { on: "ratio", min: 1, max: 1 },
    },
    {
      figure: "breach reminders: longest from the breach to the reminder",
      unit: "min",
      value: minutes(longestBreachDelay(sent, seeded, GOAL_MS)),
      reference: { label: "sweep interval", value: 15 },
      ratio: false,
    },
    { figure: "GitHub reads per repository (the whole simulated run)", unit: "req", value: Number((reads.length / repositories).toFixed(2)) },
    {
      figure: "most requests in any hour (reads and writes)",
      unit: "req",
      value: maxInWindow(
        sent.map(({ at }) => at),
        HOUR,
      ),
      reference: { label: "GitHub's primary limit for the installation", value: primaryHourlyLimit(repositories) },
      target: { on: "ratio", max: 1 },
    },
  ];
}

/**
 * When the digests were done: the end of the digests run that made the last digest write (this
 * week's issue, the successor comment or the close of last week's).
 */
function digestsDoneAt(sent: SentRequest[], runs: JobRun[]): number {
  const digestWrites = sent.filter(({ request }) => isDigestWrite(request)).map(({ at }) => at);
  if (digestWrites.length === 0) return Number.NaN;
  const last = Math.max(...digestWrites);
  return runs.find((run) => run.tick <= last && run.end >= last)?.end ?? last;
}

function isDigestWrite(request: SentRequest["request"]): boolean {
  if (request.status >= 300) return false;
  if (request.route === "POST /repos/{owner}/{repo}/issues") return true;
  if (request.route === "PATCH /repos/{owner}/{repo}/issues/{issue_number}") return true;
  const body = String((request.body as { body?: unknown } | undefined)?.body ?? "");
  return request.route === "POST /repos/{owner}/{repo}/issues/{issue_number}/comments" && body.includes("steward:digest-successor:");
}

const seconds = (since: number) => ((Date.now() - since) / 1000).toFixed(1);
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace("T", " ");
