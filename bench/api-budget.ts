import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startSteward } from "../src/app/start-steward.js";
import { parseEnv } from "../src/config/env.js";
import { runBackfill } from "../src/metrics/run-backfill.js";
import { createInstallationActivity, createSandbox, createWebhookSender, type RecordedRequest, seedHistory } from "../src/sandbox/index.js";
import { JOBS } from "../src/scheduler/jobs.js";
import { listRepositories } from "../src/store/installations.js";
import type { Benchmark, BenchRow } from "./benchmark.js";

const APP_ID = 7;
const SECRET = "api-budget-secret";
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** A Tuesday: no digest is due, so the day is the steady state (nothing to publish, nothing waiting). */
const FIRST_DAY = Date.parse("2026-11-24T00:00:00Z");
/** GitHub's primary rate limit of an installation (more with many repositories, never less). */
const INSTALLATION_HOURLY_BUDGET = 5_000;

/**
 * What a large organization pays in GitHub API budget at steady state: Steward (the production
 * composition, in process, on a simulated clock, its schedules run at their cron times by
 * `runNow`) serves N repositories with a year of history each. The first simulated day is warm-up
 * (the backfill done, first daily metrics, reminders already sent); the second is counted: every
 * request the sandbox records, by job, reads apart from writes.
 */
export const apiBudget: Benchmark = {
  name: "api-budget",
  title: "7. API budget at steady state (requests per served repository and day)",
  async run({ quick, progress }) {
    const repositories = quick ? 5 : 40;
    let current = FIRST_DAY - MINUTE;
    const now = () => new Date(current);
    const keys = generateKeyPairSync("rsa", {
      modulusLength: 2048,
      publicKeyEncoding: { type: "spki", format: "pem" },
      privateKeyEncoding: { type: "pkcs8", format: "pem" },
    });
    const sandbox = createSandbox({ appId: APP_ID, publicKeyPem: keys.publicKey, now, onViolation: () => {} });
    const address = await sandbox.listen();
    for (let i = 0; i < repositories; i++) {
      const fullName = `acme/repo-${i}`;
      sandbox.model.addRepository({ fullName, ownerType: "Organization", license: "AGPL-3.0" });
      seedHistory(sandbox.model, { repo: fullName, stars: 40, issues: 12, pulls: 6, commentsPerIssue: 1, prefix: `r${i}-` });
    }
    const dir = mkdtempSync(join(tmpdir(), "steward-api-budget-"));
    const processEnv: NodeJS.ProcessEnv = {
      APP_ID: String(APP_ID),
      PRIVATE_KEY: keys.privateKey,
      WEBHOOK_SECRET: SECRET,
      GHE_HOST: address.host,
      GHE_PROTOCOL: "http",
      PORT: "0",
      HOST: "127.0.0.1",
      LOG_LEVEL: "silent",
      DATABASE_URL: join(dir, "steward.db"),
      STEWARD_SCHEDULES: "*=off",
    };
    const steward = await startSteward({ env: parseEnv(processEnv), processEnv, clock: now });
    try {
      const sender = createWebhookSender({ url: `${steward.url}/api/github/webhooks`, secret: SECRET, appId: APP_ID });
      current = FIRST_DAY;
      await createInstallationActivity(sandbox, sender).install("acme", { at: now() });
      for (const repository of await listRepositories(steward.jobs.db)) await runBackfill(steward.jobs, { repository, since: null });
      progress(`${repositories} repositories installed and back-filled; day 1 (warm-up) on the simulated clock`);

      await simulateDay(
        FIRST_DAY,
        (at) => (current = at),
        steward.scheduler.runNow,
        () => {},
      );
      sandbox.resetRequests();
      progress("day 2 (counted)");
      const byJob = new Map<string, RecordedRequest[]>();
      await simulateDay(
        FIRST_DAY + DAY,
        (at) => (current = at),
        steward.scheduler.runNow,
        (job, requests) => {
          byJob.set(job, [...(byJob.get(job) ?? []), ...requests]);
        },
        sandbox,
      );

      const all = [...byJob.values()].flat();
      const reads = all.filter(isRead);
      const writes = all.filter((request) => !isRead(request));
      const perRepository = (count: number) => Number((count / repositories).toFixed(2));
      const sweepReads = (byJob.get("sweep") ?? []).filter(isRead).length;
      for (const [job, requests] of byJob) {
        if (requests.length > 0) progress(`  ${job}: ${requests.length} requests (${requests.filter(isRead).length} reads): ${summarize(requests)}`);
      }
      const readsPerRepository = reads.length / repositories;
      const rows: BenchRow[] = [
        {
          figure: `GitHub reads per repository and day (${repositories} repositories)`,
          unit: "requests",
          value: perRepository(reads.length),
          target: { on: "value", max: 6 },
        },
        {
          figure: "  of them by the response sweeps (96 a day)",
          unit: "requests",
          value: perRepository(sweepReads),
          target: { on: "value", max: 0 },
        },
        { figure: "GitHub writes per repository and day (nothing due)", unit: "requests", value: perRepository(writes.length) },
        {
          figure: "1,000 repositories: share of one installation's 5,000 requests an hour",
          unit: "%",
          value: Number((((readsPerRepository * 1_000) / 24 / INSTALLATION_HOURLY_BUDGET) * 100).toFixed(1)),
          target: { on: "value", max: 50 },
        },
      ];
      return rows;
    } finally {
      await steward.close();
      await sandbox.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

/**
 * Runs every job at each minute of one UTC day where its cron pattern fires, in minute order, and
 * hands each run's requests to `record` (when a sandbox is given to read them from).
 */
async function simulateDay(
  dayStart: number,
  setClock: (at: number) => void,
  runNow: (id: string) => Promise<void>,
  record: (job: string, requests: RecordedRequest[]) => void,
  sandbox?: { requests: RecordedRequest[] },
): Promise<void> {
  for (let minute = 0; minute < 24 * 60; minute++) {
    const at = new Date(dayStart + minute * MINUTE);
    for (const job of JOBS) {
      if (!firesAt(job.cron, at)) continue;
      setClock(at.getTime());
      const before = sandbox?.requests.length ?? 0;
      await runNow(job.id);
      if (sandbox) record(job.id, sandbox.requests.slice(before));
    }
  }
}

/** Whether a five-field cron pattern (minute hour day month weekday; `*`, `*\/n`, lists, numbers) fires at `at` (UTC). */
export function firesAt(pattern: string, at: Date): boolean {
  const [minute = "*", hour = "*", day = "*", month = "*", weekday = "*"] = pattern.trim().split(/\s+/);
  const field = (spec: string, value: number) =>
    spec.split(",").some((part) => {
      if (part === "*") return true;
      const step = /^\*\/(\d+)$/.exec(part);
      if (step) return value % Number(step[1]) === 0;
      return Number(part) === value;
    });
  return (
    field(minute, at.getUTCMinutes()) &&
    field(hour, at.getUTCHours()) &&
    field(day, at.getUTCDate()) &&
    field(month, at.getUTCMonth() + 1) &&
    field(weekday, at.getUTCDay())
  );
}

/** GraphQL queries read; mutations and every non-GET REST call write. */
function isRead(request: RecordedRequest): boolean {
  if (request.path === "/graphql") return !/^\s*mutation\b/.test(String((request.body as { query?: unknown } | undefined)?.query ?? ""));
  return request.method === "GET" || request.method === "HEAD";
}

/** The routes a job's requests went to, most frequent first, e.g. "GET /repos/{owner}/{repo} ×5". */
function summarize(requests: RecordedRequest[]): string {
  const counts = new Map<string, number>();
  for (const request of requests) {
    const key = request.route ?? `${request.method} ${request.path}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .map(([route, count]) => `${route} ×${count}`)
    .join(", ");
}
