import { startRoundRobinBalancer } from "../test/helpers/round-robin-balancer.js";
import type { BenchRow } from "./benchmark.js";
import { BENCH_SECRET, type BenchWorld, type StewardServer, WEBHOOK_PATH } from "./bench-servers.js";
import { ledgerCounts, ledgerDeliveryIds } from "./ledger-counts.js";
import { CONNECTIONS, median } from "./measure-server.js";
import type { BenchDatabases } from "./postgres-server.js";
import type { ThroughputSizes } from "./postgres-throughput.js";
import { type LoadResult, sendLoad } from "./send-load.js";
import { mixedDeliveryFactory, type SignedDelivery } from "./signed-deliveries.js";

/** One delivery in this many also goes, at the same moment, to a second replica (the balancer's copy). */
const COPY_EVERY = 5;

interface ReplicasMeasure {
  load: LoadResult;
  /** CPU time of all the replicas together per measured delivery, in microseconds. */
  cpuMicrosPerDelivery: number;
  /** Distinct delivery ids sent, warm-up included. */
  sent: number;
  /** How many of them went to two replicas at once. */
  copies: number;
  /** Rows in the shared ledger's `deliveries` table. */
  ledgerRows: number;
}

/**
 * Several Steward processes on one fresh PostgreSQL database behind the round-robin balancer of
 * the three-replica test, which also sends every COPY_EVERY-th delivery to the next replica at
 * once. One replica is given as two targets, so it gets the same copies (both at itself): the
 * reference then differs from the replicas' run only in how many processes share the work.
 * Throws unless the ledger holds every distinct id sent, once, and one event for each.
 */
async function measureReplicas(
  world: BenchWorld,
  database: string,
  replicas: number,
  delivery: (n: number) => SignedDelivery,
  sizes: ThroughputSizes,
): Promise<ReplicasMeasure> {
  const servers: StewardServer[] = [];
  const balancer = await startRoundRobinBalancer({ copyEvery: COPY_EVERY });
  let load: LoadResult;
  let cpuMicros = 0;
  try {
    // Started together on the empty database: the migration's advisory lock lets one migrate, the others wait and find it done.
    servers.push(...(await Promise.all(Array.from({ length: replicas }, () => world.startSteward({}, { database })))));
    const urls = servers.map((server) => server.url);
    balancer.setTargets(urls.length === 1 ? [urls[0]!, urls[0]!] : urls);
    const base = { url: balancer.url, path: WEBHOOK_PATH, connections: CONNECTIONS, delivery };
    // Each process warms up on as many deliveries as a lone one does, so none is measured with a colder JIT.
    const warmup = sizes.warmup * replicas;
    await sendLoad({ ...base, amount: warmup, firstN: 0 });
    const cpu = async () => (await Promise.all(servers.map((server) => server.cpu()))).reduce((sum, c) => sum + c.user + c.system, 0);
    const before = await cpu();
    load = await sendLoad({ ...base, amount: sizes.measured, firstN: warmup });
    cpuMicros = (await cpu()) - before;
  } finally {
    for (const server of servers.splice(0)) await server.stop();
    await balancer.close();
  }
  const sent = new Set(balancer.routed.map((routed) => routed.delivery));
  const stored = await ledgerDeliveryIds(database);
  const storedOnce = new Set(stored);
  const missing = [...sent].filter((id) => !storedOnce.has(id)).length;
  const counts = await ledgerCounts(database);
  if (
    sent.size !== sizes.warmup * replicas + sizes.measured ||
    stored.length !== storedOnce.size ||
    missing > 0 ||
    storedOnce.size !== sent.size ||
    counts.events !== sent.size
  ) {
    throw new Error(
      `${replicas} replica(s) on one PostgreSQL database: ${sent.size} distinct deliveries sent; the ledger holds ${stored.length} delivery rows ` +
        `(${storedOnce.size} distinct, ${missing} of those sent missing) and ${counts.events} events`,
    );
  }
  return {
    load,
    cpuMicrosPerDelivery: cpuMicros / sizes.measured,
    sent: sent.size,
    copies: balancer.routed.filter((routed) => routed.copy !== null).length,
    ledgerRows: stored.length,
  };
}

/**
 * Three replicas on one PostgreSQL database behind the balancer, against one replica on
 * PostgreSQL behind the same balancer, in turns over the rounds; medians. Each run gets a fresh database.
 */
export async function threeReplicas(
  world: BenchWorld,
  databases: BenchDatabases,
  sizes: ThroughputSizes,
  progress: (line: string) => void,
): Promise<BenchRow[]> {
  const delivery = mixedDeliveryFactory(world.target, BENCH_SECRET);
  const three: ReplicasMeasure[] = [];
  const one: ReplicasMeasure[] = [];
  for (let round = 1; round <= sizes.rounds; round++) {
    progress(
      `round ${round}/${sizes.rounds}: three replicas, then one, behind a round-robin balancer copying every ${COPY_EVERY}th delivery: ${sizes.warmup} warm-up per replica + ${sizes.measured} measured deliveries`,
    );
    three.push(await measureReplicas(world, await databases.create(), 3, delivery, sizes));
    one.push(await measureReplicas(world, await databases.create(), 1, delivery, sizes));
  }
  const label = "one replica on PostgreSQL, same balancer";
  const row = (figure: string, unit: string, pick: (m: ReplicasMeasure) => number): BenchRow => ({
    figure,
    unit,
    value: median(three.map(pick)),
    reference: { label, value: median(one.map(pick)) },
  });
  const last = three.at(-1)!;
  return [
    // No target: on two cores, three replicas share the cores that one already fills with PostgreSQL and the load.
    row("requests per second, three replicas on one PostgreSQL database", "req/s", (m) => m.load.requestsPerSecond),
    row("p50 latency, three replicas", "ms", (m) => m.load.p50Ms),
    row("p99 latency, three replicas", "ms", (m) => m.load.p99Ms),
    row("Steward CPU per delivery, all replicas together", "us", (m) => m.cpuMicrosPerDelivery),
    {
      figure: "deliveries sent to two replicas at once (last round)",
      unit: "deliveries",
      value: last.copies,
      reference: { label: "deliveries sent", value: last.sent },
    },
    {
      figure: "deliveries in the shared ledger (last round)",
      unit: "rows",
      value: last.ledgerRows,
      reference: { label: "distinct ids sent", value: last.sent },
      target: { on: "ratio", min: 1, max: 1 },
    },
  ];
}
