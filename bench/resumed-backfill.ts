import { join } from "node:path";
import type { BackfillReport } from "../src/metrics/run-backfill.js";
import { runBackfillProcess } from "./backfill-process.js";
import type { LargeBackfillWorld } from "./large-backfill-world.js";

/** Every `steward backfill` process it took, and what the waits for resets were. */
export interface ResumedBackfill {
  report: BackfillReport;
  /** Processes started: the killed one, one per rate-limit pause, the last. */
  runs: number;
  /** Times the backfill stopped for GitHub's points and was started again after the reset. */
  pauses: number;
  /** Largest peak RSS of any of its processes, in bytes. */
  peakRss: number;
  /** CPU time of all its processes, in ms. */
  cpuMs: number;
  /** From the first spawn to the last exit, with the skipped waits for resets added, in ms. */
  wallMs: number;
  /** Of which: from the last restart after a reset to the end, in ms. */
  afterLastResetMs: number;
}

const MAX_RUNS = 30;
const RATE_PAUSE = /^rate limit: .* until (\S+)$/;

/**
 * Runs the backfill to completion as an operator (or the resume job) would: once `killWhen` holds,
 * the running process is killed with SIGKILL and started again; when it stops because the points
 * are down to Steward's reserve, the rate-limit clock is moved to the reset it reported and it is
 * started again at once. Any other stop is a failure of the measure.
 */
export async function resumedBackfill(world: LargeBackfillWorld, repo: string, killWhen: () => boolean): Promise<ResumedBackfill> {
  const started = Date.now();
  const skippedBefore = world.rateClock() - Date.now();
  let killedOnce = false;
  let restartedAt = started;
  const totals = { runs: 0, pauses: 0, peakRss: 0, cpuMs: 0 };
  while (totals.runs < MAX_RUNS) {
    totals.runs++;
    const run = await runBackfillProcess({
      repo,
      env: world.env,
      cwd: world.dir,
      logFile: join(world.dir, "backfill.log"),
      killWhen: () => !killedOnce && killWhen(),
    });
    totals.peakRss = Math.max(totals.peakRss, run.peakRss);
    totals.cpuMs += run.cpuMs;
    if (run.killed) {
      killedOnce = true;
      continue;
    }
    const report = run.report as BackfillReport;
    if (run.code === 0 && report.complete) {
      const skipped = world.rateClock() - Date.now() - skippedBefore;
      const end = Date.now();
      return { report, ...totals, wallMs: end - started + skipped, afterLastResetMs: end - restartedAt };
    }
    const reset = report.kinds.map((k) => RATE_PAUSE.exec(k.lastError ?? "")?.[1]).find((at) => at !== undefined);
    if (!reset) throw new Error(`the backfill stopped for another reason than the rate limit: ${JSON.stringify(report.kinds)}`);
    totals.pauses++;
    world.skip(Date.parse(reset) - world.rateClock());
    restartedAt = Date.now();
  }
  throw new Error(`the backfill was not complete after ${MAX_RUNS} processes`);
}
