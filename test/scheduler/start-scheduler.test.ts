import { describe, expect, it } from "vitest";
import type { JobDeps } from "../../src/scheduler/job-deps.js";
import { startScheduler } from "../../src/scheduler/start-scheduler.js";

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
    const scheduler = startScheduler(fakeDeps(errors), [{ name: "broken", cron: "0 0 1 1 *", run: () => Promise.reject(new Error("GitHub down")) }]);
    await scheduler.runNow("broken");
    expect(errors).toEqual(['scheduled job "broken" failed; it runs again at its next tick']);
    await expect(scheduler.runNow("nope")).rejects.toThrow('no scheduled job named "nope"');
    await scheduler.stop();
  });
});
