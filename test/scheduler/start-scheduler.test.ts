import { describe, expect, it } from "vitest";
import type { JobDeps } from "../../src/runtime/job-deps.js";
import { scheduledJobs } from "../../src/scheduler/jobs.js";
import { startScheduler } from "../../src/scheduler/start-scheduler.js";
import type { JobLeasing } from "../../src/scheduler/job-leasing.js";
import { recordedMetrics } from "../helpers/recorded-metrics.js";

function fakeDeps(errors: string[]): JobDeps {
  return { log: { error: (_: unknown, message: string) => errors.push(message) } } as unknown as JobDeps;
}

describe("startScheduler", () => {
  it("never runs a job twice at once, and runs it again once the first run ended", async () => {
    let active = 0;
    let most = 0;
    let runs = 0;
    let release: () => void = () => {};
    const job = {
      id: "slow",
      name: "slow",
      cron: "0 0 1 1 *",
      run: async () => {
        runs++;
        active++;
        most = Math.max(most, active);
        await new Promise<void>((resolve) => (release = resolve));
        active--;
      },
    };
    const scheduler = startScheduler(fakeDeps([]), [job]);
    const first = scheduler.runNow("slow");
    const second = scheduler.runNow("slow");
    release();
    await Promise.all([first, second]);
    expect({ runs, most }).toEqual({ runs: 1, most: 1 });
    const third = scheduler.runNow("slow");
    release();
    await third;
    expect(runs).toBe(2);
    await scheduler.stop();
  });

  it("logs a failing job and keeps the schedule", async () => {
    const errors: string[] = [];
    const scheduler = startScheduler(fakeDeps(errors), [
      { id: "broken", name: "broken", cron: "0 0 1 1 *", run: () => Promise.reject(new Error("GitHub down")) },
    ]);
    await scheduler.runNow("broken");
    expect(errors).toEqual(['scheduled job "broken" failed; it runs again at its next tick']);
    await expect(scheduler.runNow("nope")).rejects.toThrow('no scheduled job "nope"');
    await scheduler.stop();
  });

  it("lets a run under way finish when stopped, within the grace period", async () => {
    let finished = false;
    const job = {
      id: "slow",
      name: "slow",
      cron: "0 0 1 1 *",
      run: async () => {
        await new Promise<void>((r) => setTimeout(r, 50));
        finished = true;
      },
    };
    const scheduler = startScheduler(fakeDeps([]), [job]);
    void scheduler.runNow("slow");
    await scheduler.stop(5_000);
    expect(finished).toBe(true);
  });

  it("counts each run with its duration, a failure, and a tick another replica holds the lease of", async () => {
    const { metrics, calls, seconds } = recordedMetrics();
    let elsewhere = false;
    const leasing: JobLeasing = { run: async (_job, _tick, body) => (elsewhere ? "held-elsewhere" : (await body(), "ran")) };
    const scheduler = startScheduler(
      { log: { error: () => {}, debug: () => {} }, metrics } as unknown as JobDeps,
      [
        { id: "nap", name: "nap", cron: "off", run: () => new Promise((r) => setTimeout(r, 20)) },
        { id: "broken", name: "broken", cron: "off", run: () => Promise.reject(new Error("GitHub down")) },
      ],
      leasing,
    );
    await scheduler.runNow("nap");
    await scheduler.runNow("broken");
    elsewhere = true;
    await scheduler.runNow("nap");
    expect(calls).toEqual([
      ["jobRun", "nap", "succeeded"],
      ["jobRun", "broken", "failed"],
      ["jobRun", "nap", "skipped"],
    ]);
    expect(seconds[0]).toBeGreaterThanOrEqual(0.015);
    expect(seconds[1]).toBeGreaterThanOrEqual(0);
    expect(seconds[2]).toBeNull();
    await scheduler.stop();
  });
});

describe("scheduledJobs (STEWARD_SCHEDULES)", () => {
  const run = async () => {};
  const jobs = [
    { id: "sweep", name: "response sweep", cron: "*/15 * * * *", run },
    { id: "digests", name: "digests", cron: "5 * * * *", run },
  ];

  it("replaces patterns by id, with * for every job not named", () => {
    expect(scheduledJobs(jobs, { sweep: "*/5 * * * * *", "*": "off" }).map((j) => [j.id, j.cron])).toEqual([
      ["sweep", "*/5 * * * * *"],
      ["digests", "off"],
    ]);
    expect(scheduledJobs(jobs, {}).map((j) => j.cron)).toEqual(["*/15 * * * *", "5 * * * *"]);
  });

  it("refuses an id that names no job, listing the ids", () => {
    expect(() => scheduledJobs(jobs, { swep: "off" })).toThrow('STEWARD_SCHEDULES names no job "swep"; the jobs are sweep, digests');
  });

  it("does not schedule a job that is off, but runs it when asked", async () => {
    let runs = 0;
    const scheduler = startScheduler(fakeDeps([]), [{ id: "x", name: "x", cron: "off", run: async () => void runs++ }]);
    await scheduler.runNow("x");
    expect(runs).toBe(1);
    await scheduler.stop();
  });
});
