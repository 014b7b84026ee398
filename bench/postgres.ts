import type { Benchmark } from "./benchmark.js";
import { createBenchWorld } from "./bench-servers.js";
import { CONNECTIONS } from "./measure-server.js";
import { historyOnBothEngines } from "./postgres-history.js";
import { threeReplicas } from "./postgres-replicas.js";
import { benchDatabases, benchPostgresUrl } from "./postgres-server.js";
import { throughputOnBothEngines } from "./postgres-throughput.js";

/**
 * Benchmark 6: Steward on PostgreSQL, each figure beside the same measure on SQLite (or on one
 * replica) in the same run: (1) webhook throughput of the production build, with the round trips
 * and commits one delivery costs on the wire; (2) the digest and the sweep at a small and a large
 * history copied from SQLite, and the first fold of that history; (3) three replicas on one
 * database behind a balancer that sends every fifth delivery to two of them at once. The server is
 * BENCH_POSTGRES_URL, else TEST_POSTGRES_URL; with neither, or none answering, it is skipped (no rows).
 * Each measure gets a database of its own there, dropped at the end.
 */
export const postgres: Benchmark = {
  name: "postgres",
  title: `6. PostgreSQL against SQLite (compiled servers, ${CONNECTIONS} connections; history copied with copyStore)`,
  servers: true,
  async run({ quick, profileDir, progress }) {
    const url = benchPostgresUrl();
    if (url === undefined) {
      progress("postgres benchmark skipped: set BENCH_POSTGRES_URL (or TEST_POSTGRES_URL) to a PostgreSQL server it may create databases on");
      return [];
    }
    const server = await benchDatabases(url);
    if ("unreachable" in server) {
      progress(`postgres benchmark skipped: no PostgreSQL answers at ${server.unreachable}`);
      return [];
    }
    const { databases } = server;
    progress(`PostgreSQL server: ${databases.location}`);
    // Quick stays under a minute and a half on two cores: the first fold of the large history and
    // the replicas' run (the balancer shares the bench process with the load) take most of it.
    const sizes = quick
      ? {
          throughput: { rounds: 1, warmup: 300, measured: 1500 },
          history: { small: 2_000, large: 20_000, runs: 3 },
          replicas: { rounds: 1, warmup: 100, measured: 600 },
        }
      : {
          throughput: { rounds: 3, warmup: 1000, measured: 5000 },
          history: { small: 10_000, large: 100_000, runs: 5 },
          replicas: { rounds: 3, warmup: 300, measured: 2000 },
        };
    const world = await createBenchWorld(profileDir);
    try {
      return [
        ...(await throughputOnBothEngines(world, databases, sizes.throughput, progress)),
        ...(await historyOnBothEngines(world, databases, sizes.history, progress)),
        ...(await threeReplicas(world, databases, sizes.replicas, progress)),
      ];
    } finally {
      await world.close();
      await databases.dropAll();
    }
  },
};
