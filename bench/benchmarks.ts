import { apiBudget } from "./api-budget.js";
import { backfillEconomy } from "./backfill-economy.js";
import type { Benchmark } from "./benchmark.js";
import { conversionScaling } from "./conversion-scaling.js";
import { historyScaling } from "./history-scaling.js";
import { largeBackfill } from "./large-backfill.js";
import { largeInstallation } from "./large-installation.js";
import { memorySoak } from "./memory-soak.js";
import { postgres } from "./postgres.js";
import { webhookThroughput } from "./webhook-throughput.js";
import { writePacing } from "./write-pacing.js";

/**
 * Every benchmark, in the order `npm run bench` runs them. Adding one is one file exporting a
 * `Benchmark` and one entry here.
 */
export const BENCHMARKS: readonly Benchmark[] = [
  webhookThroughput,
  backfillEconomy,
  historyScaling,
  conversionScaling,
  memorySoak,
  writePacing,
  postgres,
  apiBudget,
  largeInstallation,
  largeBackfill,
];
