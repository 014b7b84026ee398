import type { Benchmark, BenchRow } from "./benchmark.js";
import { createBenchWorld, type BenchWorld } from "./bench-servers.js";
import { buildSqliteHistory, fmt, historyOperations, type Operation, type Subject, timeInTurns } from "./history-subject.js";

const RUNS = 5;
const QUICK_RUNS = 3;
const OPERATIONS: Operation[] = ["digest", "sweep", "response", "contributors", "community", "conversion", "dashboard"];

/** Builds a store of `size` events and binds the operations to it. */
async function prepare(world: BenchWorld, size: number, progress: (line: string) => void): Promise<Subject> {
  const { store, repository, history } = await buildSqliteHistory(world, size, progress);
  return { run: historyOperations(store.db, world, repository, history), dispose: () => store.dispose() };
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
        // Small and big alternate, so that warm-up and the machine's other load fall on both alike.
        at = await timeInTurns(subjects, OPERATIONS, quick ? QUICK_RUNS : RUNS);
      } finally {
        await subjects.small.dispose();
        await subjects.big.dispose();
      }
      // The digest and the sweep keep the first round's bound; each of the digest's collectors has
      // the tighter one of the issue "Performance, round two" (at most 1.5x its time at 10,000).
      const row = (figure: string, key: Operation, max: number | null): BenchRow => ({
        figure: `${figure} at ${fmt(big)} events`,
        unit: "ms",
        value: Number(at.big[key].toFixed(2)),
        reference: { label: `at ${fmt(small)}`, value: Number(at.small[key].toFixed(2)) },
        ...(max === null ? {} : { target: { on: "ratio" as const, max } }),
      });
      return [
        row("digest (collect + render)", "digest", 2),
        {
          figure: `digest less its conversion collector at ${fmt(big)} events (derived)`,
          unit: "ms",
          value: Number((at.big.digest - at.big.conversion).toFixed(2)),
          reference: { label: `at ${fmt(small)}`, value: Number((at.small.digest - at.small.conversion).toFixed(2)) },
        },
        row("SLA sweep (dry run)", "sweep", 2),
        row("  response figures", "response", 1.5),
        row("  contributor figures", "contributors", 1.5),
        row("  community figures", "community", 1.5),
        row("  conversion figures", "conversion", 1.5),
        row("dashboard repository page (collect + render)", "dashboard", null),
      ];
    } finally {
      await world.close();
    }
  },
};
