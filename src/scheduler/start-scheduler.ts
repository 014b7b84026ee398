import { performance } from "node:perf_hooks";
import { createTask, type ScheduledTask } from "node-cron";
import { OFF, type Job } from "./jobs.js";
import type { JobDeps } from "../runtime/job-deps.js";
import { waitAtMost } from "../time/wait-at-most.js";
import { type JobLeasing, unleased } from "./job-leasing.js";

export interface RunningScheduler {
  /** Runs one job now, as its schedule would; resolves when it finished (failures are logged). */
  runNow(id: string): Promise<void>;
  /** Stops the ticks, then waits for the runs under way, at most `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

/**
 * Starts the jobs on their cron patterns (UTC); a job whose pattern is "off" runs only through
 * `runNow`. A run that is still going when its next tick comes is not started twice; a failing run
 * is logged and the next tick tries again, so no job's failure reaches the process. With `leasing`
 * from the database, replicas sharing it run each tick of a job once between them. Each run is
 * counted in `deps.metrics`: its duration and outcome, or a skip while another replica holds the lease.
 */
export function startScheduler(deps: JobDeps, jobs: readonly Job[], leasing: JobLeasing = unleased): RunningScheduler {
  const guarded = new Map<string, (tick: Date) => Promise<void>>();
  const running = new Set<Promise<void>>();
  const tasks: ScheduledTask[] = [];
  for (const job of jobs) {
    let current: Promise<void> | null = null;
    const run = (tick: Date) => {
      // The run's own time, without taking and releasing the lease; null when it never started.
      let seconds: number | null = null;
      current ??= leasing
        .run(job.id, tick, async () => {
          const started = performance.now();
          try {
            return await invoke(job, deps);
          } finally {
            seconds = (performance.now() - started) / 1000;
          }
        })
        .then(
          (outcome) => {
            deps.metrics?.jobRun(job.id, outcome === "ran" ? "succeeded" : "skipped", seconds);
            if (outcome === "held-elsewhere") deps.log.debug(`scheduled job "${job.name}" skipped: another replica is running it`);
          },
          (error: unknown) => {
            // A lease that could not be taken fails the run too, though it never started.
            deps.metrics?.jobRun(job.id, "failed", seconds);
            deps.log.error({ err: error }, `scheduled job "${job.name}" failed; it runs again at its next tick`);
          },
        )
        .finally(() => {
          if (current) running.delete(current);
          current = null;
        });
      running.add(current);
      return current;
    };
    guarded.set(job.id, run);
    if (job.cron === OFF) continue;
    // The scheduled time, to the second: every replica's tick for one scheduled time carries the same.
    const task = createTask(job.cron, (context) => run(new Date(Math.floor(context.date.getTime() / 1000) * 1000)), {
      name: job.name,
      timezone: "UTC",
      noOverlap: true,
    });
    void task.start();
    tasks.push(task);
  }
  return {
    async runNow(id) {
      const run = guarded.get(id);
      if (!run) throw new Error(`no scheduled job "${id}"`);
      await run(new Date());
    },
    async stop(graceMs = 0) {
      await Promise.all(tasks.map((task) => task.destroy()));
      await waitAtMost(running, graceMs);
    },
  };
}

/** Starts a run at once (an async function runs until its first await), a synchronous throw included. */
async function invoke(job: Job, deps: JobDeps): Promise<unknown> {
  return job.run(deps);
}
