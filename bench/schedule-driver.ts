import type { RecordedRequest } from "../src/sandbox/index.js";
import type { Job } from "../src/scheduler/jobs.js";
import { firesAt } from "./job-schedule.js";
import type { SimulatedClock } from "./simulated-clock.js";

const MINUTE = 60_000;

/** One run of a job: the minute its cron pattern fired and when it finished, on the simulated clock. */
export interface JobRun {
  job: string;
  tick: number;
  end: number;
  /** Real time from its start to its end (other runs under way share the process meanwhile). */
  realMs: number;
}

export interface DriveOptions {
  clock: SimulatedClock;
  jobs: readonly Pick<Job, "id" | "cron">[];
  /** Starts a run as the scheduler does; resolves when it finished. */
  runNow(id: string): Promise<void>;
  /** Callers waiting in the write pacer for a slot. */
  waiting(): number;
  /** The sandbox's request log: each new request is stamped with the simulated time it was sent at. */
  requests: readonly RecordedRequest[];
  /** The last minute at which jobs are started; the runs under way then are waited for. */
  until: number;
  /** Checked at each minute with no run under way: true ends the simulation there. */
  finished?(): Promise<boolean>;
  /** Told at each simulated hour, e.g. for a progress line. */
  onHour?(at: number): void;
  /** A run that makes no request for this long in real time (two minutes by default) is stuck, e.g. on a real-time timer: the drive throws. */
  stallMs?: number;
}

export interface DriveResult {
  runs: JobRun[];
  /** Ticks that found the job's previous run still going, so started nothing (as node-cron's noOverlap). */
  skipped: { job: string; tick: number }[];
  /** The simulated time of each request in `requests`, by index. */
  sentAt: number[];
}

/**
 * Runs the jobs at every minute their cron patterns fire, from the clock's minute to `until`,
 * concurrently as the production scheduler would. The clock moves only when every run under way is
 * waiting in the write pacer (to the end of the pacer's sleep or the next minute, whichever is
 * first) or when none is under way (to the next minute). Between two moves no request is in
 * flight, so each request recorded in between was sent at the clock's time.
 */
export async function driveSchedules(options: DriveOptions): Promise<DriveResult> {
  const { clock, requests } = options;
  const result: DriveResult = { runs: [], skipped: [], sentAt: [] };
  const running = new Map<string, Promise<void>>();
  const stamp = () => {
    while (result.sentAt.length < requests.length) result.sentAt.push(clock.now());
  };
  let minute = Math.ceil(clock.now() / MINUTE) * MINUTE;
  for (;;) {
    if (clock.now() === minute) {
      if (minute % (60 * MINUTE) === 0) options.onHour?.(minute);
      if (running.size === 0 && (await options.finished?.())) break;
      for (const job of options.jobs) {
        if (!firesAt(job.cron, new Date(minute))) continue;
        if (running.has(job.id)) {
          result.skipped.push({ job: job.id, tick: minute });
          continue;
        }
        const tick = minute;
        const started = Date.now();
        const run = options.runNow(job.id).finally(() => {
          running.delete(job.id);
          result.runs.push({ job: job.id, tick, end: clock.now(), realMs: Date.now() - started });
        });
        running.set(job.id, run);
      }
      minute += MINUTE;
    }
    await settle(options, () => [...running.keys()]);
    stamp();
    if (running.size === 0 && minute > options.until) break;
    const wake = running.size > 0 ? clock.nextWake() : null;
    clock.advanceTo(wake === null ? minute : Math.min(wake, minute));
  }
  return result;
}

/** Waits (in real time) until no run is under way or every one waits in the pacer, which sleeps. */
async function settle(options: DriveOptions, running: () => string[]): Promise<void> {
  const stallMs = options.stallMs ?? 120_000;
  let seen = options.requests.length;
  let since = Date.now();
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 1));
    const count = running().length;
    if (count === 0 || (options.waiting() === count && options.clock.sleeping > 0)) return;
    if (options.requests.length !== seen) {
      seen = options.requests.length;
      since = Date.now();
    } else if (Date.now() - since > stallMs) {
      const last = options.requests.at(-1);
      throw new Error(
        `at ${new Date(options.clock.now()).toISOString()}, runs of ${running().join(", ")} made no request for ${stallMs / 1000} s (real time) ` +
          `and are not all waiting in the pacer (${options.waiting()} waiting, ${options.clock.sleeping} sleeping); ` +
          `the last request: ${last ? `${last.method} ${last.path} ${last.status}` : "none"}`,
      );
    }
  }
}
