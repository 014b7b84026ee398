import type { Benchmark, BenchRow } from "./benchmark.js";
import { BENCH_SECRET, createBenchWorld } from "./bench-servers.js";
import { CONNECTIONS, expectEveryDeliveryRecorded, measureServer, median, type ServerMeasure } from "./measure-server.js";
import { compiledCommandLine } from "./server-process.js";
import { mixedDeliveryFactory } from "./signed-deliveries.js";

/**
 * Benchmark 1: requests per second and latency of Steward's production build (`node
 * dist/src/main.js`, SQLite ledger, config from the sandbox, jobs off) against a do-nothing Probot
 * app compiled the same way, same signed deliveries, same load, one server process at a time, in
 * one run. The servers take turns over a few rounds, each in a fresh process
 * with its own warm-up, and the median round counts, so a burst of other work on the machine does
 * not decide the ratio. Steward must record every delivery exactly once.
 */
export const webhookThroughput: Benchmark = {
  name: "webhook-throughput",
  title: `1. Webhook throughput (compiled servers; issues.opened, issue_comment.created, star.created; ${CONNECTIONS} connections)`,
  servers: true,
  async run({ quick, profileDir, progress }) {
    const rounds = quick ? 1 : 3;
    const sizes = quick ? { warmup: 300, measured: 1500 } : { warmup: 2000, measured: 10_000 };
    const world = await createBenchWorld(profileDir);
    try {
      const delivery = mixedDeliveryFactory(world.target, BENCH_SECRET);
      const reference: ServerMeasure[] = [];
      const steward: ServerMeasure[] = [];
      const bare: ServerMeasure[] = [];
      for (let round = 1; round <= rounds; round++) {
        progress(`round ${round}/${rounds}: each server gets ${sizes.warmup} warm-up + ${sizes.measured} measured deliveries`);
        const doNothing = await world.startDoNothing("events");
        if (round === 1) progress(`the reference runs as: node ${await compiledCommandLine(doNothing)}`);
        reference.push(await measureServer(doNothing, delivery, sizes));
        const server = await world.startSteward();
        if (round === 1) progress(`Steward runs as: node ${await compiledCommandLine(server)}`);
        steward.push(await measureServer(server, delivery, sizes, expectEveryDeliveryRecorded));
        bare.push(await measureServer(await world.startDoNothing("none"), delivery, sizes));
      }
      const of = (measures: ServerMeasure[], pick: (m: ServerMeasure) => number) => median(measures.map(pick));
      const rps = (m: ServerMeasure) => m.load.requestsPerSecond;
      const cpu = (m: ServerMeasure) => m.cpuMicrosPerDelivery;
      const label = "do-nothing Probot app";
      const rows: BenchRow[] = [
        {
          figure: "requests per second",
          unit: "req/s",
          value: of(steward, rps),
          reference: { label, value: of(reference, rps) },
          target: { on: "ratio", min: 0.8 },
        },
        {
          figure: "p50 latency",
          unit: "ms",
          value: of(steward, (m) => m.load.p50Ms),
          reference: { label, value: of(reference, (m) => m.load.p50Ms) },
        },
        {
          figure: "p99 latency",
          unit: "ms",
          value: of(steward, (m) => m.load.p99Ms),
          reference: { label, value: of(reference, (m) => m.load.p99Ms) },
          // Issue 16's targets: p99 within 1.2x of the do-nothing app; throughput and CPU against the floor below.
          target: { on: "ratio", max: 1.2 },
        },
        // CPU time per delivery barely depends on what else the machine runs: the steadier figure.
        { figure: "server CPU per delivery", unit: "us", value: of(steward, cpu), reference: { label, value: of(reference, cpu) } },
        {
          figure: "requests per second (vs. no handlers)",
          unit: "req/s",
          value: of(steward, rps),
          reference: { label: "Probot app subscribed to nothing", value: of(bare, rps) },
          target: { on: "ratio", min: 0.9 },
        },
        {
          figure: "server CPU per delivery (vs. no handlers)",
          unit: "us",
          value: of(steward, cpu),
          reference: { label: "Probot app subscribed to nothing", value: of(bare, cpu) },
          target: { on: "ratio", max: 1.2 },
        },
        {
          figure: "deliveries in Steward's ledger (last round)",
          unit: "rows",
          value: steward.at(-1)!.ledger!.deliveries,
          reference: { label: "deliveries sent", value: steward.at(-1)!.sent },
          target: { on: "ratio", min: 1, max: 1 },
        },
      ];
      return rows;
    } finally {
      await world.close();
    }
  },
};
