import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseEnv } from "../config/env.js";
import { runBackfill } from "../metrics/run-backfill.js";
import { startSteward } from "../app/start-steward.js";
import { createActivity, createInstallationActivity, createSandbox, createWebhookSender } from "../sandbox/index.js";
import { findRepository } from "../store/installations.js";
import { demoTimeline, DISCUSSION_KEY, type DemoStep } from "./demo-timeline.js";
import { DEMO_REPO, DEMO_ROLLUP_REPO, DEMO_SIGN_IN_USER, seedDemoWorld } from "./demo-world.js";
import { printDemo } from "./print-demo.js";

const HOUR = 3_600_000;
const SECRET = "demo-secret";
const APP_ID = 1;

/** Monday of ISO week 2026-W45: the day the demo project installs Steward. */
export const DEMO_START = new Date("2026-11-02T00:00:00Z");
const WEEKS = 3;

/**
 * The whole app, end to end, with no GitHub account and no network: a sandbox GitHub holding a
 * project with history, the real Steward server on a temporary SQLite file, three weeks of
 * signed webhooks on a simulated clock, the response sweep every six hours and the digest every
 * Monday. Returns, as text, what a maintainer would see.
 */
export async function runDemo(): Promise<string> {
  const demo = await startDemo();
  await demo.close();
  return demo.text;
}

/** The demo after its three weeks, still serving: its dashboard can be signed in to until `close`. */
export interface FinishedDemo {
  text: string;
  /** The dashboard's address, e.g. http://127.0.0.1:41234/dashboard. */
  dashboardUrl: string;
  /** A sandbox user with the admin role on the demo repository: the sandbox's sign-in asks only for the name. */
  signInAs: string;
  close(): Promise<void>;
}

/** Runs the demo's three weeks and leaves the sandbox and Steward running. */
export async function startDemo(): Promise<FinishedDemo> {
  let current = DEMO_START.getTime() - HOUR;
  const now = () => new Date(current);
  const keys = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    publicKeyEncoding: { type: "spki", format: "pem" },
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
  });
  const sandbox = createSandbox({ appId: APP_ID, appSlug: "steward", publicKeyPem: keys.publicKey, now });
  const address = await sandbox.listen();
  seedDemoWorld(sandbox.model, DEMO_START);
  const dir = mkdtempSync(join(tmpdir(), "steward-demo-"));
  const processEnv: NodeJS.ProcessEnv = {
    APP_ID: String(APP_ID),
    PRIVATE_KEY: keys.privateKey,
    WEBHOOK_SECRET: SECRET,
    GHE_HOST: address.host,
    GHE_PROTOCOL: "http",
    PORT: "0",
    HOST: "127.0.0.1",
    LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
    DATABASE_URL: join(dir, "steward.db"),
    // The demo runs the jobs itself, at their times on its simulated clock.
    STEWARD_SCHEDULES: "*=off",
    // The sandbox's app credentials: the dashboard signs users in through the sandbox's web flow.
    GITHUB_CLIENT_ID: sandbox.app.clientId,
    GITHUB_CLIENT_SECRET: sandbox.app.clientSecret,
  };
  // The production composition, as `npm start` runs it; only the clock is the demo's.
  const steward = await startSteward({ env: parseEnv(processEnv), processEnv, clock: now });
  const close = async () => {
    await steward.close();
    await sandbox.close();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const sender = createWebhookSender({ url: `${steward.url}/api/github/webhooks`, secret: SECRET, appId: APP_ID });
    const activity = createActivity(sandbox, sender);
    current = DEMO_START.getTime();
    const installed = await createInstallationActivity(sandbox, sender).install("acme", { at: now() });
    // What app.yml asks for; the sandbox's default installation lacks it.
    sandbox.model.setInstallationPermission(installed.record.id, "discussions", "write");
    const repository = await findRepository(steward.jobs.db, DEMO_REPO);
    if (!repository) throw new Error("demo: the installation did not register the repository");
    const requestsBefore = sandbox.requests.length;
    const backfill = await runBackfill(steward.jobs, { repository, since: null });
    const backfillRequests = sandbox.requests.length - requestsBefore;

    const numbers = new Map<string, number>();
    const steps = withSchedule(demoTimeline(DEMO_START), async (kind) => {
      // The scheduler's own entry, as its cron would call it.
      await steward.scheduler.runNow(kind === "sweep" ? "sweep" : kind === "daily" ? "daily-metrics" : "digests");
    });
    for (const step of steps) {
      current = step.at.getTime();
      await step.run(activity, numbers);
    }
    const text = printDemo({
      repository: DEMO_REPO,
      start: DEMO_START,
      end: now(),
      deliveries: sender.deliveries.length,
      failedDeliveries: sender.deliveries.filter((d) => d.status < 200 || d.status >= 300).length,
      backfill: { report: backfill, requests: backfillRequests },
      model: sandbox.model,
      botLogin: "steward[bot]",
      rollupRepository: DEMO_ROLLUP_REPO,
      discussions: [numbers.get(DISCUSSION_KEY)].filter((d) => d !== undefined),
    });
    return { text, dashboardUrl: `${steward.url}/dashboard`, signInAs: DEMO_SIGN_IN_USER, close };
  } catch (error) {
    await close();
    throw error;
  }
}

type ScheduledJob = "sweep" | "daily" | "digest";

/**
 * The timeline with the scheduler's work added: a sweep every six hours (the real schedule's
 * 15 minutes would only repeat them), the daily metrics each night, digests on Monday mornings.
 */
function withSchedule(steps: DemoStep[], job: (kind: ScheduledJob) => Promise<void>): DemoStep[] {
  const scheduled: DemoStep[] = [];
  for (let day = 0; day < WEEKS * 7 + 1; day++) {
    const at = new Date(DEMO_START.getTime() + day * 24 * HOUR + 3.5 * HOUR);
    scheduled.push({ at, what: "daily metrics", run: () => job("daily") });
  }
  for (let hour = 0; hour <= WEEKS * 7 * 24 + 10; hour += 6) {
    const at = new Date(DEMO_START.getTime() + hour * HOUR + 15 * 60_000);
    scheduled.push({ at, what: "response sweep", run: () => job("sweep") });
  }
  for (let week = 1; week <= WEEKS; week++) {
    const at = new Date(DEMO_START.getTime() + week * 7 * 24 * HOUR + 9 * HOUR + 5 * 60_000);
    scheduled.push({ at, what: "digest check", run: () => job("digest") });
  }
  return [...steps, ...scheduled].sort((a, b) => a.at.getTime() - b.at.getTime());
}
