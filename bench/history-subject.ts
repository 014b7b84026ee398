import { defaultConfig } from "../src/config/schema.js";
import { collectConversionFigures } from "../src/conversion/collect-conversion-figures.js";
import { collectDigestData } from "../src/digest/collect-digest.js";
import { latestDigestWeek, previousDigestWeek } from "../src/digest/digest-week.js";
import { renderDigest } from "../src/digest/render-digest.js";
import type { RepositoryRecord } from "../src/domain/repository.js";
import { collectCommunityFigures } from "../src/metrics/collect-community-figures.js";
import { collectResponseFigures } from "../src/sla/collect-response-figures.js";
import { runSweep } from "../src/sla/run-sweep.js";
import type { DB } from "../src/store/db.js";
import { registerInstallation } from "../src/store/installations.js";
import { collectContributorFigures } from "../src/welcome/collect-contributor-figures.js";
import { collectRepositoryView } from "../src/web/data/collect-repository-view.js";
import { renderRepositoryPage } from "../src/web/pages/repository-page.js";
import { createSqliteTestStore } from "../test/helpers/test-store.js";
import type { BenchWorld } from "./bench-servers.js";
import { buildHistoryStore, type HistoryStore, saveDailyFacts } from "./history-store.js";
import { benchJobDeps } from "./sandbox-job-deps.js";

/** The moment every history store is built up to and every operation runs at. */
export const HISTORY_NOW = Date.parse("2026-11-30T10:00:00Z");
export const fmt = (n: number) => n.toLocaleString("en-US");

export type Operation = "digest" | "sweep" | "response" | "contributors" | "community" | "conversion" | "dashboard";
export type Timings = Record<Operation, number>;
export type Operations = Record<Operation, () => Promise<unknown>>;

/** A store with the operations to time on it. */
export interface Subject {
  run: Operations;
  dispose(): Promise<void>;
}

/** The sandbox's repository, as Steward's registry holds it. */
export function historyRepository(world: BenchWorld): RepositoryRecord {
  return {
    id: world.target.repositoryId,
    installationId: world.target.installationId,
    owner: "acme",
    name: "widget",
    fullName: "acme/widget",
    private: false,
  };
}

/**
 * A SQLite store of `size` events (bench/history-store.ts) for the sandbox's repository, registered
 * as an installation four years old, with the repository facts the daily job writes.
 */
export async function buildSqliteHistory(world: BenchWorld, size: number, progress: (line: string) => void) {
  const store = await createSqliteTestStore();
  const repository = historyRepository(world);
  await registerInstallation(
    store.db,
    { id: repository.installationId, accountLogin: "acme", accountType: "Organization" },
    [repository],
    new Date(HISTORY_NOW - 4 * 365 * 86_400_000),
  );
  const built = Date.now();
  const history: HistoryStore = buildHistoryStore(store.db, repository.id, HISTORY_NOW, size);
  await saveDailyFacts(store.db, repository.id, HISTORY_NOW, history.events);
  store.sqlite.pragma("optimize");
  progress(
    `store of ${fmt(history.events)} events (${fmt(history.recentEvents)} in the last 120 days, ${history.waiting} waiting items) built in ${((Date.now() - built) / 1000).toFixed(1)} s`,
  );
  return { store, repository, history };
}

/**
 * The operations timed on a history store, on either engine (`db` is any store's handle): the
 * digest (collect + render, as `makeDigest` with dryRun), one sweep (dry run; the sandbox answers
 * its config read), each of the digest's four collectors alone, and the dashboard's repository page
 * (collect + render: 26 weeks of figures, the leads and the customers).
 */
export function historyOperations(db: DB, world: BenchWorld, repository: RepositoryRecord, history: HistoryStore): Operations {
  const config = defaultConfig;
  const now = new Date(HISTORY_NOW);
  const week = latestDigestWeek(now, config.digest);
  const previous = previousDigestWeek(week, config.digest);
  const deps = benchJobDeps(db, world.sandbox, { now: () => now });
  const period = week.period;
  return {
    digest: async () => renderDigest(await collectDigestData(db, repository, week, previous, now, config, { readOnly: false })),
    async sweep() {
      const waiting = (await runSweep(deps, { repository, dryRun: true })).repositories[0]?.waiting ?? -1;
      if (waiting < history.waiting) throw new Error(`the sweep saw ${waiting} waiting items, the store holds at least ${history.waiting}`);
    },
    response: () => collectResponseFigures(db, repository, period, now, config),
    contributors: () => collectContributorFigures(db, repository, period, now, config),
    community: () => collectCommunityFigures(db, repository, period, now, config),
    conversion: () => collectConversionFigures(db, repository, period, now, config),
    dashboard: async () => {
      const chrome = { title: repository.fullName, user: { login: "maya" }, csrfToken: "token", trail: [] };
      const view = await collectRepositoryView(db, { repository, config, now, githubWeb: "https://github.com", leadsCsvHref: "/leads.csv" });
      return renderRepositoryPage(chrome, view);
    },
  };
}

export const elapsedMs = async (operation: () => Promise<unknown>) => {
  const started = process.hrtime.bigint();
  await operation();
  return Number(process.hrtime.bigint() - started) / 1e6;
};

const median = (times: number[]) => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!;

/**
 * Times each operation on every subject, taking turns so that warm-up and the machine's other load
 * fall on all alike: one untimed run each, then `runs` timed runs each; medians, per subject.
 */
export async function timeInTurns<K extends string>(
  subjects: Record<K, Subject>,
  operations: readonly Operation[],
  runs: number,
): Promise<Record<K, Timings>> {
  const keys = Object.keys(subjects) as K[];
  const result = Object.fromEntries(keys.map((key) => [key, {}])) as Record<K, Timings>;
  for (const operation of operations) {
    for (const key of keys) await subjects[key].run[operation]();
    const times = Object.fromEntries(keys.map((key) => [key, [] as number[]])) as Record<K, number[]>;
    for (let i = 0; i < runs; i++) {
      for (const key of keys) times[key].push(await elapsedMs(subjects[key].run[operation]));
    }
    for (const key of keys) result[key][operation] = median(times[key]);
  }
  return result;
}
