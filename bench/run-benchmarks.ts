import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { BenchUsageError, parseBenchArgs } from "./bench-args.js";
import { BENCHMARKS } from "./benchmarks.js";
import { compiledServers } from "./compiled-servers.js";
import { formatRows } from "./format-rows.js";
import { updateResults, type MeasuredBenchmark } from "./results-table.js";

const RESULTS_FILE = fileURLToPath(new URL("../test/bench/README.md", import.meta.url));

/**
 * `npm run bench -- [--quick] [--only name,name] [--profile]`: builds Steward as it ships (`npm run
 * build`) when a selected benchmark starts servers, runs the benchmarks one after the other and
 * prints, for each figure, the value, the reference measured in the same run, their ratio and the
 * target. A full-size run (not `--quick`) also rewrites, in test/bench/README.md, the results
 * table of each benchmark it ran, with the machine and the date. Exits 2 on a bad command line, 1
 * when a benchmark could not measure (e.g. a delivery was lost); a missed target is printed, not an
 * error: benchmarks are not tests.
 */
async function main(): Promise<number> {
  let args;
  try {
    args = parseBenchArgs(
      process.argv.slice(2),
      BENCHMARKS.map((b) => b.name),
    );
  } catch (error) {
    if (!(error instanceof BenchUsageError)) throw error;
    console.error(error.message);
    return 2;
  }
  const profileDir = args.profile ? mkdtempSync(join(tmpdir(), "steward-bench-profiles-")) : null;
  const selected = BENCHMARKS.filter((b) => args.only.length === 0 || args.only.includes(b.name));
  console.log(
    `Steward benchmarks${args.quick ? " (quick)" : ""}: node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? "unknown"}), ${new Date().toISOString()}`,
  );
  if (selected.some((b) => b.servers)) {
    // Before the first benchmark, so no benchmark's time includes the build; a failed build measures nothing.
    try {
      const compiled = await compiledServers();
      console.log(
        `Servers under test run compiled: npm run build (Steward, node dist/src/main.js) and bench/servers (the references), built in ${(compiled.ms / 1000).toFixed(0)} s`,
      );
    } catch (error) {
      console.error(`bench: the build failed, no server can be measured: ${(error as Error).message}`);
      return 1;
    }
  }
  let failed = 0;
  const measured: MeasuredBenchmark[] = [];
  for (const benchmark of selected) {
    console.log(`\n${benchmark.title}`);
    const started = Date.now();
    try {
      const rows = await benchmark.run({ quick: args.quick, profileDir, progress: (line) => console.log(`  ... ${line}`) });
      // A benchmark that skipped itself has said why in its progress line: no empty table under it.
      if (rows.length > 0) {
        console.log(formatRows(rows));
        measured.push({ name: benchmark.name, title: benchmark.title, rows, run: describeRun() });
      }
      console.log(`(${((Date.now() - started) / 1000).toFixed(0)} s)`);
    } catch (error) {
      failed++;
      console.error(`${benchmark.name} failed: ${(error as Error).stack ?? String(error)}`);
    }
  }
  if (profileDir) console.log(`\nCPU profiles of the server processes: ${profileDir}`);
  // Quick runs (CI's) measure too little to stand as the published figures.
  if (!args.quick && measured.length > 0) {
    const order = BENCHMARKS.map((b) => b.name);
    writeFileSync(RESULTS_FILE, updateResults(readFileSync(RESULTS_FILE, "utf8"), measured, order));
    console.log(`\nResults tables of ${measured.map((m) => m.name).join(", ")} written to test/bench/README.md`);
  }
  return failed > 0 ? 1 : 0;
}

/** The machine and the moment, as the results table names them; the load average says how shared it was. */
function describeRun(): string {
  const load = loadavg()
    .map((n) => n.toFixed(1))
    .join(" / ");
  return `${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC on node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? "unknown"}), load average ${load}`;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
