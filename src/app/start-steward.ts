import type { Logger } from "probot";
import type { StewardEnv } from "../config/env.js";
import { writePacerFor } from "../effects/shared-write-pacer.js";
import type { WritePacer } from "../effects/write-pacer.js";
import { stewardOctokit } from "../github/steward-octokit.js";
import { startStewardServer } from "../http/steward-server.js";
import type { JobDeps } from "../runtime/job-deps.js";
import { type Job, JOBS, OFF, scheduledJobs } from "../scheduler/jobs.js";
import { ITEM_ACTIVITY_HANDLERS } from "../activity-handlers.js";
import { recoverDeliveries } from "./recover-deliveries.js";
import { jobLeasingFor } from "../scheduler/job-leasing.js";
import { startScheduler, type RunningScheduler } from "../scheduler/start-scheduler.js";
import { backgroundTasks } from "../runtime/background.js";
import { createLogger } from "../runtime/logger.js";
import { openServerStore, StartupError } from "./open-server-store.js";
import { startWebhookProxy } from "./webhook-proxy.js";

export interface StartStewardOptions {
  env: StewardEnv;
  /** What Probot reads its own settings from (APP_ID, PRIVATE_KEY, GHE_HOST, ...). */
  processEnv: NodeJS.ProcessEnv;
  /**
   * The clock every job and handler reads, one of this composition's two seams: the demo passes its
   * simulated clock (and runs the jobs itself, with STEWARD_SCHEDULES=*=off); production never
   * sets it. Leases stay on real time either way, and so does pacing unless `writePacer` is given.
   */
  clock?: () => Date;
  /**
   * The pacer of content-creating requests, shared by every client. Production never sets it: it
   * is built from the store (`writePacerFor`, on real time). A benchmark on a simulated clock passes
   * the same pacer on that clock, so GitHub's minutes and hours pass as the simulation's do.
   */
  writePacer?: WritePacer;
}

export interface RunningSteward {
  url: string;
  log: Logger;
  jobs: JobDeps;
  scheduler: RunningScheduler;
  /**
   * Stops gracefully: no new connections or job runs, then waits for the deliveries being handled,
   * the job runs and background work under way, together at most `graceMs`; then closes the store.
   */
  close(graceMs?: number): Promise<void>;
}

/** How long a shutdown waits for work under way (GitHub itself gives a delivery 10 s). */
export const SHUTDOWN_GRACE_MS = 10_000;

/**
 * Steward as `npm start` and the Docker image run it: its own logger first, then the store
 * (migrated), the server, the scheduler and, when WEBHOOK_PROXY_URL is set, the proxy channel.
 * Tests and the demo start exactly this; nothing here is built differently for them.
 */
export async function startSteward({ env, processEnv, clock, writePacer }: StartStewardOptions): Promise<RunningSteward> {
  const jobsToRun = jobsFor(env);
  const log = await createLogger(env);
  const store = await openServerStore(env.database);
  const background = backgroundTasks(log);
  const server = await startStewardServer({
    env,
    processEnv,
    db: store.db,
    log,
    Octokit: stewardOctokit(writePacer ?? writePacerFor(store, env.writePacePerMinute)),
    background,
    ...(clock ? { now: clock } : {}),
  }).catch(async (error: unknown) => {
    await store.close();
    throw error;
  });
  const scheduler = startScheduler(server.jobs, jobsToRun, jobLeasingFor(store));
  // Deliveries the last process recorded but did not finish are handled now, whatever their age
  // (nothing of this process is in hand yet); an interrupted backfill continues now as well.
  void background.run("delivery recovery at start", () => recoverDeliveries(server.jobs, ITEM_ACTIVITY_HANDLERS, { olderThanMs: 0 }));
  if (jobsToRun.find((job) => job.id === "backfill")?.cron !== OFF) {
    void background.run("backfill resume at start", () => scheduler.runNow("backfill"));
  }
  const proxy = env.webhookProxyUrl ? startWebhookProxy({ source: env.webhookProxyUrl, target: `${server.url}${env.webhookPath}`, log }) : null;
  return {
    url: server.url,
    log,
    jobs: server.jobs,
    scheduler,
    async close(graceMs = SHUTDOWN_GRACE_MS) {
      const deadline = Date.now() + graceMs;
      const left = () => Math.max(0, deadline - Date.now());
      proxy?.stop();
      await Promise.all([server.close(graceMs), scheduler.stop(graceMs)]);
      await background.settled(left());
      await store.close();
    },
  };
}

function jobsFor(env: StewardEnv) {
  try {
    return scheduledJobs([...JOBS, RECOVERY_JOB], env.schedules);
  } catch (error) {
    throw new StartupError((error as Error).message);
  }
}

/**
 * Every two minutes, the deliveries recorded more than a minute ago whose features did not all
 * finish (a failed handler, a process stopped mid-delivery) are run again.
 */
const RECOVERY_JOB: Job = {
  id: "recover-deliveries",
  name: "delivery recovery",
  cron: "*/2 * * * *",
  run: (deps) => recoverDeliveries(deps, ITEM_ACTIVITY_HANDLERS, { olderThanMs: 60_000 }),
};
