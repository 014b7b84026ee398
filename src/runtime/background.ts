import type { Logger } from "probot";
import { waitAtMost } from "../time/wait-at-most.js";

/**
 * Work nobody awaits (the backfill a webhook starts, the start-up resume), kept track of so that
 * its failure is logged instead of becoming an unhandled rejection that ends the process, and so
 * that a graceful shutdown can let it finish.
 */
export interface BackgroundTasks {
  /** Starts `task` now; its failure is logged as "<what> failed". */
  run(what: string, task: () => Promise<unknown>): Promise<void>;
  /** Resolves when every task started so far has ended, or after `timeoutMs`, whichever is first. */
  settled(timeoutMs: number): Promise<void>;
}

export function backgroundTasks(log: Logger): BackgroundTasks {
  const running = new Set<Promise<void>>();
  return {
    run(what, task) {
      const done: Promise<void> = Promise.resolve()
        .then(task)
        .then(
          () => undefined,
          (error: unknown) => logFailure(log, what, error),
        )
        .finally(() => running.delete(done));
      running.add(done);
      return done;
    },
    async settled(timeoutMs) {
      await waitAtMost(running, timeoutMs);
    },
  };
}

function logFailure(log: Logger, what: string, error: unknown): void {
  try {
    log.error({ err: error }, `${what} failed; its schedule tries again`);
  } catch {
    // A broken logger must not take the process down either.
    console.error(`${what} failed:`, error);
  }
}
