import type { BenchRow } from "./benchmark.js";
import { BENCH_SECRET, type BenchWorld, WEBHOOK_PATH } from "./bench-servers.js";
import { CONNECTIONS, expectEveryDeliveryRecorded, measureServer, median, type ServerMeasure } from "./measure-server.js";
import type { BenchDatabases } from "./postgres-server.js";
import { startWireCounter } from "./postgres-wire-counter.js";
import { sendLoad } from "./send-load.js";
import { mixedDeliveryFactory, type SignedDelivery } from "./signed-deliveries.js";

export interface ThroughputSizes {
  rounds: number;
  warmup: number;
  measured: number;
}

const SQLITE = "Steward on SQLite";

/**
 * Steward's production build on PostgreSQL against the same build on SQLite: same deliveries, same
 * load, one server at a time, each in a fresh process on a fresh database (a new SQLite file, a new
 * PostgreSQL database). The engines take turns over the rounds, which one goes first alternating,
 * and the median round counts. Each must record every delivery exactly once.
 */
export async function throughputOnBothEngines(
  world: BenchWorld,
  databases: BenchDatabases,
  sizes: ThroughputSizes,
  progress: (line: string) => void,
): Promise<BenchRow[]> {
  const delivery = mixedDeliveryFactory(world.target, BENCH_SECRET);
  const measured = { sqlite: [] as ServerMeasure[], postgres: [] as ServerMeasure[] };
  const measure = async (engine: "sqlite" | "postgres") => {
    const options = engine === "postgres" ? { database: await databases.create() } : {};
    measured[engine].push(await measureServer(await world.startSteward({}, options), delivery, sizes, expectEveryDeliveryRecorded));
  };
  for (let round = 1; round <= sizes.rounds; round++) {
    progress(`round ${round}/${sizes.rounds}: Steward on each engine gets ${sizes.warmup} warm-up + ${sizes.measured} measured deliveries`);
    const order = round % 2 === 1 ? (["sqlite", "postgres"] as const) : (["postgres", "sqlite"] as const);
    for (const engine of order) await measure(engine);
  }
  const of = (engine: keyof typeof measured, pick: (m: ServerMeasure) => number) => median(measured[engine].map(pick));
  const row = (figure: string, unit: string, pick: (m: ServerMeasure) => number): BenchRow => ({
    figure,
    unit,
    value: of("postgres", pick),
    reference: { label: SQLITE, value: of("sqlite", pick) },
  });
  const ledger = (engine: keyof typeof measured, figure: string): BenchRow => ({
    figure,
    unit: "rows",
    value: measured[engine].at(-1)!.ledger!.deliveries,
    reference: { label: "deliveries sent", value: measured[engine].at(-1)!.sent },
    target: { on: "ratio", min: 1, max: 1 },
  });
  return [
    // No target: how far PostgreSQL trails is what this measures (see test/bench/README.md).
    row("requests per second on PostgreSQL", "req/s", (m) => m.load.requestsPerSecond),
    row("p50 latency on PostgreSQL", "ms", (m) => m.load.p50Ms),
    row("p99 latency on PostgreSQL", "ms", (m) => m.load.p99Ms),
    // Steward's own process only: PostgreSQL's work is in its server processes, SQLite's in Steward's.
    row("Steward process CPU per delivery on PostgreSQL", "us", (m) => m.cpuMicrosPerDelivery),
    ledger("postgres", "deliveries in the PostgreSQL ledger (last round)"),
    ledger("sqlite", "deliveries in the SQLite ledger (last round)"),
    ...(await wireCounts(world, databases, delivery, progress)),
  ];
}

const COUNTED = 300;

/**
 * What one delivery costs on the wire: a separate short run of Steward on PostgreSQL through
 * bench/postgres-wire-counter.ts, counted after a warm-up (the first deliveries also load the
 * config and prepare the connection pool). The counter's extra hop would slow the throughput
 * measure, so it has a run of its own.
 */
async function wireCounts(
  world: BenchWorld,
  databases: BenchDatabases,
  delivery: (n: number) => SignedDelivery,
  progress: (line: string) => void,
): Promise<BenchRow[]> {
  let counter;
  try {
    counter = await startWireCounter(await databases.create());
  } catch (error) {
    progress(`round trips not counted: ${(error as Error).message}`);
    return [];
  }
  try {
    progress(`counting the round trips of ${COUNTED} deliveries on PostgreSQL, through a counting proxy`);
    const server = await world.startSteward({}, { database: counter.url });
    let load;
    try {
      const base = { url: server.url, path: WEBHOOK_PATH, connections: CONNECTIONS, delivery };
      await sendLoad({ ...base, amount: 150, firstN: 0 });
      counter.reset();
      load = await sendLoad({ ...base, amount: COUNTED, firstN: 150 });
    } finally {
      await server.stop();
    }
    const counts = counter.counts();
    return [
      { figure: "PostgreSQL round trips per delivery", unit: "round trips", value: counts.roundTrips / COUNTED },
      { figure: "PostgreSQL commits per delivery", unit: "commits", value: counts.commits / COUNTED },
      {
        figure: "time waiting on PostgreSQL per delivery (summed round trips)",
        unit: "ms",
        value: counts.waitMs / COUNTED,
        reference: { label: "p50 latency of the same run", value: load.p50Ms },
      },
    ];
  } finally {
    await counter.close();
  }
}
