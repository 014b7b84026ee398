import { sql } from "drizzle-orm";
import { copyStore } from "../src/store/copy/copy-store.js";
import { selectRows } from "../src/store/engine.js";
import { refreshMemberProjection } from "../src/store/member-projection.js";
import { openPostgresStore } from "../src/store/postgres-db.js";
import type { BenchRow } from "./benchmark.js";
import type { BenchWorld } from "./bench-servers.js";
import { buildSqliteHistory, elapsedMs, fmt, historyOperations, type Operation, type Subject, timeInTurns } from "./history-subject.js";
import type { BenchDatabases } from "./postgres-server.js";
import { startWireCounter, type WireCounts } from "./postgres-wire-counter.js";

export interface HistorySizes {
  small: number;
  large: number;
  /** Timed runs of each operation on each store; the median counts. */
  runs: number;
}

type Size = "small" | "large";
type Key = `${"sqlite" | "postgres"}-${Size}`;

/** One history on both engines: the SQLite store as built, and its copy in PostgreSQL. */
interface Pair {
  events: number;
  /** The first fold of the whole history into `community_members`, on each engine, in ms. */
  firstFold: { sqlite: number; postgres: number };
  /** When PostgreSQL's first fold went through the wire counter: what it cost on the wire. */
  foldWire?: WireCounts & { members: number };
  sqlite: Subject;
  postgres: Subject;
}

/**
 * The same history on both engines: built straight into SQLite (bench/history-store.ts), then
 * copied as `steward copy` copies a store (copyStore) into a fresh PostgreSQL database, which is
 * then analyzed, as autovacuum would be within a minute of so many inserts: the figures are those
 * of a store in service, not of one whose planner has no statistics yet.
 */
async function historyPair(
  world: BenchWorld,
  databases: BenchDatabases,
  size: number,
  countFold: boolean,
  progress: (line: string) => void,
): Promise<Pair> {
  const built = await buildSqliteHistory(world, size, progress);
  const url = await databases.create();
  const postgresStore = openPostgresStore(url, { poolSize: 10 });
  try {
    const copying = Date.now();
    await copyStore({ db: built.store.db, location: built.store.path, close: () => {} }, postgresStore);
    await postgresStore.postgres.execute(sql`ANALYZE`);
    progress(`copied into PostgreSQL in ${((Date.now() - copying) / 1000).toFixed(1)} s`);
    // Neither store has folded its history into member rows yet; the first digest would.
    const sqliteFold = await elapsedMs(() => refreshMemberProjection(built.store.db, built.repository.id));
    const folded = countFold ? await countedFold(url, built.repository.id) : null;
    const postgresFold = folded?.ms ?? (await elapsedMs(() => refreshMemberProjection(postgresStore.db, built.repository.id)));
    return {
      events: built.history.events,
      firstFold: { sqlite: sqliteFold, postgres: postgresFold },
      ...(folded ? { foldWire: folded.wire } : {}),
      sqlite: { run: historyOperations(built.store.db, world, built.repository, built.history), dispose: () => built.store.dispose() },
      postgres: { run: historyOperations(postgresStore.db, world, built.repository, built.history), dispose: () => postgresStore.close() },
    };
  } catch (error) {
    await postgresStore.close();
    await built.store.dispose();
    throw error;
  }
}

/**
 * The first fold through the wire counter (its extra hop makes the time a little longer than a
 * direct fold's): round trips, commits and time waiting on the server, and the member rows it made.
 */
async function countedFold(url: string, repositoryId: number): Promise<{ ms: number; wire: WireCounts & { members: number } } | null> {
  let counter;
  try {
    counter = await startWireCounter(url);
  } catch {
    // An encrypted connection cannot be read (the webhook part says so): the fold is timed directly.
    return null;
  }
  const store = openPostgresStore(counter.url, { poolSize: 2 });
  try {
    const ms = await elapsedMs(() => refreshMemberProjection(store.db, repositoryId));
    const wire = counter.counts();
    const [row] = await selectRows<{ n: number }>(store.db, sql`SELECT count(*)::int AS n FROM community_members`);
    return { ms, wire: { ...wire, members: row?.n ?? 0 } };
  } finally {
    await store.close();
    await counter.close();
  }
}

const OPERATIONS: Operation[] = ["digest", "sweep"];

/**
 * The digest (collect + render) and one sweep (dry run) on PostgreSQL at a small and a large
 * history, each beside the same operation on the same history in SQLite, and PostgreSQL's
 * large/small ratio; the four stores take turns (history-subject.ts, `timeInTurns`).
 */
export async function historyOnBothEngines(
  world: BenchWorld,
  databases: BenchDatabases,
  sizes: HistorySizes,
  progress: (line: string) => void,
): Promise<BenchRow[]> {
  const pairs: Partial<Record<Size, Pair>> = {};
  try {
    // The small history's first fold is counted on the wire; the large one's timed directly.
    pairs.small = await historyPair(world, databases, sizes.small, true, progress);
    pairs.large = await historyPair(world, databases, sizes.large, false, progress);
    const { small, large } = pairs as Record<Size, Pair>;
    const subjects: Record<Key, Subject> = {
      "sqlite-small": small.sqlite,
      "postgres-small": small.postgres,
      "sqlite-large": large.sqlite,
      "postgres-large": large.postgres,
    };
    const at = await timeInTurns(subjects, OPERATIONS, sizes.runs);
    const ms = (value: number) => Number(value.toFixed(2));
    const events = { small: `${fmt(small.events)} events`, large: `${fmt(large.events)} events` };
    const onBoth = (figure: string, operation: Operation, size: Size): BenchRow => ({
      figure: `${figure} on PostgreSQL at ${events[size]}`,
      unit: "ms",
      value: ms(at[`postgres-${size}`][operation]),
      reference: { label: "SQLite, same history", value: ms(at[`sqlite-${size}`][operation]) },
    });
    const scaling = (figure: string, operation: Operation): BenchRow => ({
      figure: `${figure} on PostgreSQL at ${events.large}`,
      unit: "ms",
      value: ms(at["postgres-large"][operation]),
      reference: { label: `PostgreSQL at ${events.small}`, value: ms(at["postgres-small"][operation]) },
      // As history-scaling holds SQLite to: the cost follows recent activity, not the years before it.
      target: { on: "ratio", max: 2 },
    });
    return [
      onBoth("digest (collect + render)", "digest", "small"),
      onBoth("digest (collect + render)", "digest", "large"),
      onBoth("SLA sweep (dry run)", "sweep", "small"),
      onBoth("SLA sweep (dry run)", "sweep", "large"),
      scaling("digest scaling", "digest"),
      scaling("SLA sweep scaling", "sweep"),
      {
        figure: `first member fold on PostgreSQL at ${events.large}`,
        unit: "ms",
        value: ms(large.firstFold.postgres),
        reference: { label: "SQLite, same history", value: ms(large.firstFold.sqlite) },
      },
      ...foldWireRows(small, events.small),
    ];
  } finally {
    for (const pair of Object.values(pairs)) {
      await pair.sqlite.dispose();
      await pair.postgres.dispose();
    }
  }
}

/** What the small history's first fold cost on the wire, beside the same fold on SQLite. */
function foldWireRows(pair: Pair, events: string): BenchRow[] {
  const wire = pair.foldWire;
  const fold: BenchRow = {
    figure: `first member fold on PostgreSQL at ${events}${wire ? " (through the wire counter)" : ""}`,
    unit: "ms",
    value: Number(pair.firstFold.postgres.toFixed(2)),
    reference: { label: "SQLite, same history", value: Number(pair.firstFold.sqlite.toFixed(2)) },
  };
  if (!wire) return [fold];
  return [
    fold,
    {
      figure: `  round trips per member row it made (${fmt(wire.members)} rows, ${fmt(wire.commits)} commits)`,
      unit: "round trips",
      value: wire.roundTrips / Math.max(1, wire.members),
    },
    {
      figure: "  of which waiting on PostgreSQL",
      unit: "ms",
      value: Math.round(wire.waitMs),
      reference: { label: "the whole fold", value: Math.round(pair.firstFold.postgres) },
    },
  ];
}
