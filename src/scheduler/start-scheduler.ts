import { createTask, type ScheduledTask } from "node-cron";
import type { Job } from "./jobs.js";
import type { JobDeps } from "./job-deps.js";

export interface RunningScheduler {
  /** Runs one job now, as its schedule would; resolves when it finished (failures are logged). */
  runNow(name: string): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts the jobs on their cron patterns (UTC). A run that is still going when its next tick
 * comes is not started twice; a failing run is logged and the next tick tries again.
 */
export function startScheduler(deps: JobDeps, jobs: readonly Job[]): RunningScheduler {
  const guarded = new Map<string, () => Promise<void>>();
  const tasks: ScheduledTask[] = [];
  for (const job of jobs) {
    let running: Promise<void> | null = null;
    const run = () => {
      running ??= job
        .run(deps)
        .then(() => undefined)
        .catch((error: unknown) => deps.log.error({ err: error }, `scheduled job "${job.name}" failed; it runs again at its next tick`))
        .finally(() => {
          running = null;
        });
      return running;
    };
    guarded.set(job.name, run);
    const task = createTask(job.cron, run, { name: job.name, timezone: "UTC", noOverlap: true });
    void task.start();
    tasks.push(task);
  }
  return {
    async runNow(name) {
      const run = guarded.get(name);
      if (!run) throw new Error(`no scheduled job named "${name}"`);
      await run();
    },
    async stop() {
      await Promise.all(tasks.map((task) => task.destroy()));
    },
  };
}
