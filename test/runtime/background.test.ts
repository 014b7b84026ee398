import { describe, expect, it } from "vitest";
import type { Logger } from "probot";
import { backgroundTasks } from "../../src/runtime/background.js";

const recordingLog = (lines: string[]) => ({ error: (_: unknown, message: string) => void lines.push(message) }) as unknown as Logger;

describe("backgroundTasks: work nobody awaits", () => {
  it("logs a failure instead of rejecting, so the process survives it", async () => {
    const lines: string[] = [];
    const tasks = backgroundTasks(recordingLog(lines));
    await expect(tasks.run("history backfill", () => Promise.reject(new Error("GitHub down")))).resolves.toBeUndefined();
    await expect(
      tasks.run("a synchronous throw", () => {
        throw new Error("boom");
      }),
    ).resolves.toBeUndefined();
    expect(lines).toEqual(["history backfill failed; its schedule tries again", "a synchronous throw failed; its schedule tries again"]);
  });

  it("survives a logger that throws (the null logger of the first round)", async () => {
    const broken = {
      error: () => {
        throw new TypeError("Cannot read properties of null (reading 'error')");
      },
    } as unknown as Logger;
    await expect(backgroundTasks(broken).run("x", () => Promise.reject(new Error("y")))).resolves.toBeUndefined();
  });

  it("waits for work under way when settling, at most the grace period", async () => {
    const tasks = backgroundTasks(recordingLog([]));
    let finished = false;
    void tasks.run(
      "slow",
      () =>
        new Promise<void>((resolve) =>
          setTimeout(() => {
            finished = true;
            resolve();
          }, 50),
        ),
    );
    await tasks.settled(5_000);
    expect(finished).toBe(true);
    // A task that never ends does not hold the shutdown: this resolves (else the test times out).
    void tasks.run("stuck", () => new Promise<void>(() => {}));
    await tasks.settled(100);
  });
});
