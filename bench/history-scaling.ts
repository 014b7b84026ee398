import { defaultConfig } from "../src/config/schema.js";
import { collectConversionFigures } from "../src/conversion/collect-conversion-figures.js";
import { collectDigestData } from "../src/digest/collect-digest.js";
import { latestDigestWeek, previousDigestWeek } from "../src/digest/digest-week.js";
import { renderDigest } from "../src/digest/render-digest.js";
import { collectCommunityFigures } from "../src/metrics/collect-community-figures.js";
import { collectResponseFigures } from "../src/sla/collect-response-figures.js";
import { runSweep } from "../src/sla/run-sweep.js";
import { registerInstallation } from "../src/store/installations.js";
import type { RepositoryRecord } from "../src/domain/repository.js";
import { collectContributorFigures } from "../src/welcome/collect-contributor-figures.js";
import { createTestStore } from "../test/helpers/test-store.js";
import type { Benchmark, BenchRow } from "./benchmark.js";
import { createBenchWorld, type BenchWorld } from "./bench-servers.js";
import { buildHistoryStore, saveDailyFacts } from "./history-store.js";
import { benchJobDeps } from "./sandbox-job-deps.js";

const NOW = Date.parse("2026-11-30T10:00:00Z");
const RUNS = 5;
const QUICK_RUNS = 3;
const fmt = (n: number) => n.toLocaleString("en-US");

type Operation = "digest" | "sweep" | "response" | "contributors" | "community" | "conversion";
type Timings = Record<Operation, number>;
const OPERATIONS: Operation[] = ["digest", "sweep", "response", "contributors", "community", "conversion"];

/** A store of some size with the operations to time on it. */
interface Subject {
  run: Record<Operation, () => Promise<unknown>>;
  dispose(): void;
}

/** Builds a store of `size` events (the sandbox answers the sweep's config read) and binds the operations to it. */
async function prepare(world: BenchWorld, size: number, progress: (line: string) => void): Promise<Subject> {
  const store = await createTestStore();
  const repository: RepositoryRecord = {
    id: world.target.repositoryId,
    installationId: world.target.installationId,
    owner: "acme",
    name: "widget",
    fullName: "acme/widget",
    private: false,
  };
  await registerInstallation(
    store.db,
    { id: repository.installationId, accountLogin: "acme", accountType: "Organization" },
    [repository],
    new Date(NOW - 4 * 365 * 86_400_000),
  );
  const built = Date.now();
  const history = buildHistoryStore(store.db, repository.id, NOW, size);
  await saveDailyFacts(store.db, repository.id, NOW, history.events);
  store.db.$client.pragma("optimize");
  progress(
    `store of ${fmt(history.events)} events (${fmt(history.recentEvents)} in the last 120 days, ${history.waiting} waiting items) built in ${((Date.now() - built) / 1000).toFixed(1)} s`,
  );

  const config = defaultConfig;
  const now = new Date(NOW);
  const week = latestDigestWeek(now, config.digest);
  const previous = previousDigestWeek(week, config.digest);
  const deps = benchJobDeps(store.db, world.sandbox, { now: () => now });
  const period = week.period;
  return {
    run: {
      digest: async () => renderDigest(await collectDigestData(store.db, repository, week, previous, now, config, { readOnly: false })),
      async sweep() {
        const waiting = (await runSweep(deps, { repository, dryRun: true })).repositories[0]?.waiting ?? -1;
        if (waiting < history.waiting) throw new Error(`the sweep saw ${waiting} waiting items, the store holds at least ${history.waiting}`);
      },
      response: () => collectResponseFigures(store.db, repository, period, now, config),
      contributors: () => collectContributorFigures(store.db, repository, period, now, config),
      community: () => collectCommunityFigures(store.db, repository, period, now, config),
      conversion: () => collectConversionFigures(store.db, repository, period, now, config),
    },
    dispose: () => store.dispose(),
  };
}

const elapsedMs = async (operation: () => Promise<unknown>) => {
  const started = process.hrtime.bigint();
  await operation();
  return Number(process.hrtime.bigint() - started) / 1e6;
};
const median = (times: number[]) => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!;

/**
 * Times each operation on both stores, alternating small and big so that warm-up and the machine's
 * other load fall on both alike: one untimed run each, then `runs` timed runs each; medians.
 */
async function timeBoth(small: Subject, big: Subject, runs: number): Promise<{ small: Timings; big: Timings }> {
  const result = { small: {} as Timings, big: {} as Timings };
  for (const operation of OPERATIONS) {
    await small.run[operation]();
    await big.run[operation]();
    const times = { small: [] as number[], big: [] as number[] };
    for (let i = 0; i < runs; i++) {
      times.small.push(await elapsedMs(small.run[operation]));
      times.big.push(await elapsedMs(big.run[operation]));
    }
    result.small[operation] = median(times.small);
    result.big[operation] = median(times.big);
  }
  return result;
}

/**
 * Scaling with history: the digest (collect + render, as `makeDigest` with dryRun) and one sweep
 * (dry run) over a store of 10,000 events and over one of 1,000,000 (quick: 100,000) with the same
 * recent activity and waiting items, the extra history older and spread over three years. Each
 * time is the median of five runs (quick: three); each of the digest's four collectors is also timed alone.
 */
export const historyScaling: Benchmark = {
  name: "history-scaling",
  title: "3. Scaling with history",
  async run({ quick, progress }) {
    const small = 10_000;
    const big = quick ? 100_000 : 1_000_000;
    const world = await createBenchWorld(null);
    try {
      const subjects = { small: await prepare(world, small, progress), big: await prepare(world, big, progress) };
      let at;
      try {
        at = await timeBoth(subjects.small, subjects.big, quick ? QUICK_RUNS : RUNS);
      } finally {
        subjects.small.dispose();
        subjects.big.dispose();
      }
      const row = (figure: string, key: keyof Timings, target: boolean): BenchRow => ({
        figure: `${figure} at ${fmt(big)} events`,
        unit: "ms",
        value: Number(at.big[key].toFixed(2)),
        reference: { label: `at ${fmt(small)}`, value: Number(at.small[key].toFixed(2)) },
        ...(target ? { target: { on: "ratio" as const, max: 2 } } : {}),
      });
      return [
        row("digest (collect + render)", "digest", true),
        {
          figure: `digest less its conversion collector at ${fmt(big)} events (derived)`,
          unit: "ms",
          value: Number((at.big.digest - at.big.conversion).toFixed(2)),
          reference: { label: `at ${fmt(small)}`, value: Number((at.small.digest - at.small.conversion).toFixed(2)) },
        },
        row("SLA sweep (dry run)", "sweep", true),
        row("  response figures", "response", false),
        row("  contributor figures", "contributors", false),
        row("  community figures", "community", false),
        row("  conversion figures", "conversion", false),
      ];
    } finally {
      await world.close();
    }
  },
};
