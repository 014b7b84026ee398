import type { Benchmark, BenchRow } from "./benchmark.js";
import { backfillRequests, pagesSentAgain, repeatedByKind, requestsByKind, withoutRepeats } from "./backfill-requests.js";
import { factTotal, storedHistory } from "./backfilled-counts.js";
import { runBackfillProcess } from "./backfill-process.js";
import { compiledServers } from "./compiled-servers.js";
import { createLargeBackfillWorld } from "./large-backfill-world.js";
import { seedLargeRepository, type LargeRepositorySize } from "./large-repository-seed.js";
import { pacingFloor } from "./pacing-floor.js";
import { resumedBackfill } from "./resumed-backfill.js";

/** kubernetes/kubernetes: about 110,000 stars and 120,000 issues and pull requests. */
const FULL: LargeRepositorySize = { stars: 110_000, issues: 75_000, pulls: 45_000, longThreads: 24 };
const QUICK: LargeRepositorySize = { stars: 5_500, issues: 3_750, pulls: 2_250, longThreads: 4 };
/** The memory reference: the same command on a repository a hundredth of the full size. */
const SMALL: LargeRepositorySize = { stars: 1_100, issues: 750, pulls: 450, longThreads: 0 };
/** GitHub's GraphQL points per hour for an installation; the quick run scales it with the size. */
const FULL_POINTS = 5_000;
const QUICK_POINTS = 300;
const MB = 1024 * 1024;

const fmt = (n: number) => n.toLocaleString("en-US");
const minutes = (ms: number) => Number((ms / 60_000).toFixed(2));

/**
 * A large repository: Steward's shipped `steward backfill` (compiled, configured by env alone) reads
 * a sandbox repository of kubernetes/kubernetes's size, in its own process so its peak RSS is its
 * own. It is killed with SIGKILL a third of the way through the issues and started again, and
 * started again after every stop for the rate limit, whose reset the sandbox's rate-limit clock
 * jumps to instead of waiting the hour. Requests and points are what the sandbox recorded.
 */
export const largeBackfill: Benchmark = {
  name: "large-backfill",
  title: "8. A large repository",
  servers: true,
  async run({ quick, progress }) {
    const size = quick ? QUICK : FULL;
    const limit = quick ? QUICK_POINTS : FULL_POINTS;
    await compiledServers();
    const world = await createLargeBackfillWorld(limit);
    try {
      await world.addRepository(78, "tiny-org", "tiny");
      const large = await world.addRepository(77, "acme", "widget");
      const seededAt = Date.now();
      seedLargeRepository(world.sandbox.model, "tiny-org/tiny", SMALL);
      const seeded = seedLargeRepository(world.sandbox.model, "acme/widget", size);
      progress(
        `sandbox seeded in ${Date.now() - seededAt} ms: ${fmt(size.stars)} stars, ${fmt(size.issues)} issues, ${fmt(size.pulls)} PRs, ` +
          `${fmt(seeded.comments)} comments, ${fmt(seeded.reviews)} reviews; ${fmt(limit)} points an hour`,
      );
      const reference = await runBackfillProcess({ repo: "tiny-org/tiny", env: world.env, cwd: world.dir, logFile: `${world.dir}/tiny.log` });
      if (reference.code !== 0) throw new Error(`the reference backfill did not complete: ${JSON.stringify(reference.report?.kinds)}`);
      world.sandbox.resetRequests();

      const issuePagesBeforeKill = Math.ceil(size.issues / 100 / 3);
      const resumed = await resumedBackfill(world, "acme/widget", () => countPages(world.sandbox.requests, "issues") >= issuePagesBeforeKill);
      const requests = backfillRequests(world.sandbox.requests);
      const repeated = repeatedByKind(requests);
      const byKind = requestsByKind(requests);
      progress(
        `backfill complete after ${resumed.runs} processes (1 killed, ${resumed.pauses} paused for points): ${fmt(requests.length)} GraphQL requests, ` +
          `${[...repeated.values()].reduce((a, b) => a + b, 0)} sent again; ${(resumed.cpuMs / 1000).toFixed(1)} s CPU`,
      );
      const stored = storedHistory(world.database, large.repositoryId);
      if (factTotal(stored) > factTotal(seeded)) throw new Error(`more facts stored than seeded: ${JSON.stringify({ stored, seeded })}`);

      const once = withoutRepeats(requests);
      const floor = await pacingFloor(world.sandbox, large.installationId, once, limit);
      progress(
        `pacing floor: ${fmt(floor.points)} points in ${floor.windows} windows, last window answered in ${(floor.lastWindowMs / 1000).toFixed(1)} s`,
      );

      const kinds = [
        { kind: "stars", n: size.stars, label: "stars" },
        { kind: "issues", n: size.issues, label: "issues" },
        { kind: "pulls", n: size.pulls, label: "pull requests" },
      ] as const;
      const rows: BenchRow[] = kinds.map(({ kind, n, label }) => ({
        figure: `requests for ${fmt(n)} ${label}${repeated.get(kind) ? ` (less ${repeated.get(kind)} sent again after the kill)` : ""}`,
        unit: "req",
        value: (byKind.get(kind) ?? 0) - (repeated.get(kind) ?? 0),
        reference: { label: "ceil(N/100) + 2", value: Math.ceil(n / 100) + 2 },
        target: { on: "ratio", max: 1 },
      }));
      rows.push(
        {
          figure: "peak RSS of the backfill process (largest of its runs)",
          unit: "MB",
          value: Math.round(resumed.peakRss / MB),
          reference: {
            label: `same command, ${fmt(SMALL.stars + SMALL.issues + SMALL.pulls)}-record repository`,
            value: Math.round(reference.peakRss / MB),
          },
          target: { on: "value", max: 300 },
        },
        {
          figure: "facts stored once after SIGKILL and restarts (stars, openings, comments, reviews, merges)",
          unit: "facts",
          value: factTotal(stored),
          reference: { label: "seeded", value: factTotal(seeded) },
          target: { on: "ratio", min: 1, max: 1 },
        },
        {
          figure: "pages read again after the SIGKILL",
          unit: "pages",
          value: pagesSentAgain(requests),
          target: { on: "value", max: 1 },
        },
        {
          figure: "wall time, waits for the resets included",
          unit: "min",
          value: minutes(resumed.wallMs),
          reference: { label: `pacing floor: ${floor.windows - 1} h of resets + last window answered`, value: minutes(floor.floorMs) },
          target: { on: "ratio", max: 1.2 },
        },
        {
          figure: "rate-limit windows used",
          unit: "windows",
          value: resumed.pauses + 1,
          reference: { label: `fewest for ${fmt(floor.points)} points at ${fmt(limit)} an hour`, value: floor.windows },
        },
        {
          figure: "time after the last reset",
          unit: "s",
          value: Number((resumed.afterLastResetMs / 1000).toFixed(1)),
          reference: { label: "sandbox answering the last window's requests alone", value: Number((floor.lastWindowMs / 1000).toFixed(1)) },
        },
        { figure: "CPU time of the backfill processes", unit: "s", value: Number((resumed.cpuMs / 1000).toFixed(1)) },
      );
      return rows;
    } finally {
      await world.close();
    }
  },
};

/** Pages of `kind` the sandbox has answered so far. */
function countPages(recorded: ReadonlyArray<{ path: string; body: unknown }>, kind: "issues"): number {
  let pages = 0;
  for (const request of recorded) {
    if (request.path === "/graphql" && String((request.body as { query?: string } | undefined)?.query).includes(`${kind}(first:`)) pages++;
  }
  return pages;
}
