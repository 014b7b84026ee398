import { generateKeyPairSync } from "node:crypto";
import { createWritePacer } from "../src/effects/write-pacer.js";
import { CONTENT_CREATING_ROUTES } from "../src/sandbox/content-limit.js";
import { createSandbox } from "../src/sandbox/index.js";
import { runSweep } from "../src/sla/run-sweep.js";
import { registerInstallation, type RepositoryRecord } from "../src/store/installations.js";
import { createTestStore } from "../test/helpers/test-store.js";
import type { Benchmark, BenchRow } from "./benchmark.js";
import { benchJobDeps } from "./sandbox-job-deps.js";
import { StoreRowWriter } from "./store-rows.js";

/** Steward's default pace (WRITE_PACE_PER_MINUTE) and GitHub's secondary limit on content creation. */
const PACE_PER_MINUTE = 60;
const GITHUB_LIMIT = { perMinute: 80, perHour: 500 };
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const MAX_SWEEPS = 10;

/**
 * A clock that only moves when someone sleeps on it: the pacer's `now`/`sleep` and the sandbox's
 * rate-limit windows share it, so an hour of paced writing runs in seconds.
 */
function virtualClock(start: number) {
  let now = start;
  return {
    now: () => now,
    async sleep(ms: number) {
      now += Math.max(0, ms);
      // Let the HTTP round trips already in flight settle, as real time would.
      await new Promise((resolve) => setImmediate(resolve));
    },
  };
}

/** The most timestamps inside any window of `windowMs` (a sliding window over sorted times). */
function maxInWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  let from = 0;
  for (let to = 0; to < sorted.length; to++) {
    while (sorted[to]! - sorted[from]! >= windowMs) from++;
    best = Math.max(best, to - from + 1);
  }
  return best;
}

/**
 * Write pacing: reminders due at once on many unanswered community issues (opened 25 hours before
 * now, past the default 24-hour goal), one sweep (more if one defers work) with Steward's write
 * pacer at the default pace, against a sandbox enforcing GitHub's secondary limit, all on one
 * simulated clock. Counts what the sandbox saw: content-creating requests per 60-second window,
 * refusals, and comments per issue.
 */
export const writePacing: Benchmark = {
  name: "write-pacing",
  title: "5. Write pacing",
  async run({ quick, progress }) {
    const count = quick ? 100 : 1_000;
    const clock = virtualClock(Date.parse("2026-11-30T12:00:00Z"));
    const keys = generateKeyPairSync("rsa", { modulusLength: 2048, publicKeyEncoding: { type: "spki", format: "pem" }, privateKeyEncoding: { type: "pkcs8", format: "pem" } });
    const sandbox = createSandbox({ appId: 4242, publicKeyPem: keys.publicKey, onViolation: () => {}, wallClock: clock.now, contentCreationLimit: GITHUB_LIMIT });
    await sandbox.listen(0, "127.0.0.1");
    const store = await createTestStore();
    try {
      sandbox.model.addInstallation({ id: 77, account: "acme", accountType: "Organization", repositorySelection: "all" });
      const seeded = sandbox.model.addRepository({ fullName: "acme/widget", ownerType: "Organization" });
      const repository: RepositoryRecord = { id: seeded.id, installationId: 77, owner: "acme", name: "widget", fullName: "acme/widget", private: false };
      const now = () => new Date(clock.now());
      await registerInstallation(store.db, { id: 77, accountLogin: "acme", accountType: "Organization" }, [repository], now());
      const opened = clock.now() - 25 * HOUR;
      const rows = new StoreRowWriter(store.db, repository.id);
      for (let i = 0; i < count; i++) {
        const issue = sandbox.model.addIssue("acme/widget", { user: `asker-${i}`, title: `Question ${i}`, createdAt: new Date(opened + i * 1_000).toISOString() });
        const at = opened + i * 1_000;
        rows.item({ number: issue.number, isPull: false, title: `Question ${i}`, authorLogin: `asker-${i}`, authorAssociation: "NONE", state: "open", createdAt: at, updatedAt: at });
        rows.event({ naturalKey: `issue:${issue.id}:opened`, kind: "issues.opened", actorLogin: `asker-${i}`, association: "NONE", itemNumber: issue.number, isPull: false, occurredAt: at });
      }
      rows.flush();

      const pacer = createWritePacer({ perMinute: PACE_PER_MINUTE, now: clock.now, sleep: clock.sleep });
      const deps = benchJobDeps(store.db, sandbox, { now, wallClock: clock.now, pacer });
      const started = clock.now();
      const wallStarted = Date.now();
      let sweeps = 0;
      let failed = 0;
      for (;;) {
        sweeps++;
        const report = await runSweep(deps, { repository, dryRun: false });
        const swept = report.repositories[0];
        if (!swept || swept.skipped) throw new Error(`sweep skipped the repository: ${swept?.skipped ?? "not swept"}`);
        failed = swept.failed.length;
        progress(`sweep ${sweeps}: ${swept.sent.length} actions done, ${failed} failed or deferred, at +${((clock.now() - started) / MINUTE).toFixed(1)} simulated min`);
        if (failed === 0 || sweeps >= MAX_SWEEPS) break;
      }
      const simulatedMinutes = (clock.now() - started) / MINUTE;

      const creating = sandbox.requests.filter((r) => r.route !== undefined && CONTENT_CREATING_ROUTES.has(r.route));
      const refused = creating.filter((r) => r.status === 403 || r.status === 429).length;
      const accepted = creating.filter((r) => r.status < 300);
      const perIssue = new Map<number, number>();
      for (const issue of sandbox.model.listIssues("acme/widget")) {
        const mine = sandbox.model.listComments("acme/widget", issue.number).filter((c) => c.user === sandbox.app.botLogin);
        perIssue.set(issue.number, mine.length);
      }
      const once = [...perIssue.values()].filter((n) => n === 1).length;
      const twice = [...perIssue.values()].filter((n) => n > 1).length;
      if (twice > 0) throw new Error(`${twice} issues got more than one reminder`);
      progress(`${Date.now() - wallStarted} ms of real time for ${simulatedMinutes.toFixed(1)} simulated minutes`);

      const result: BenchRow[] = [
        { figure: "most content-creating requests in any 60 s", unit: "req", value: maxInWindow(accepted.map((r) => r.at.getTime()), MINUTE), reference: { label: "configured pace", value: PACE_PER_MINUTE }, target: { on: "ratio", max: 1 } },
        { figure: "most content-creating requests in any hour", unit: "req", value: maxInWindow(accepted.map((r) => r.at.getTime()), HOUR), reference: { label: "GitHub's hourly limit", value: GITHUB_LIMIT.perHour }, target: { on: "ratio", max: 1 } },
        { figure: "refused by the secondary rate limit", unit: "req", value: refused, target: { on: "value", max: 0 } },
        { figure: "issues reminded exactly once", unit: "issues", value: once, reference: { label: "reminders due", value: count }, target: { on: "ratio", min: 1, max: 1 } },
        { figure: "sweeps until done", unit: "sweeps", value: sweeps },
        { figure: "simulated time", unit: "min", value: Number(simulatedMinutes.toFixed(1)) },
      ];
      return result;
    } finally {
      store.dispose();
      await sandbox.close();
    }
  },
};
