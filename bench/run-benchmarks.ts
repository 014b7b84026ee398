import { mkdtempSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { BenchUsageError, parseBenchArgs } from "./bench-args.js";
import { BENCHMARKS } from "./benchmarks.js";
import { compiledServers } from "./compiled-servers.js";
import { formatRows } from "./format-rows.js";

/**
 * `npm run bench -- [--quick] [--only name,name] [--profile]`: builds Steward as it ships (`npm run
 * build`) when a selected benchmark starts servers, runs the benchmarks one after the other and
 * prints, for each figure, the value, the reference measured in the same run, their ratio and the
 * target. Exits 2 on a bad command line, 1 when a benchmark could not measure
 * (e.g. a delivery was lost); a missed target is printed, not an error: benchmarks are not tests.
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
  for (const benchmark of selected) {
    console.log(`\n${benchmark.title}`);
    const started = Date.now();
    try {
      const rows = await benchmark.run({ quick: args.quick, profileDir, progress: (line) => console.log(`  ... ${line}`) });
      // A benchmark that skipped itself has said why in its progress line: no empty table under it.
      if (rows.length > 0) console.log(formatRows(rows));
      console.log(`(${((Date.now() - started) / 1000).toFixed(0)} s)`);
    } catch (error) {
      failed++;
      console.error(`${benchmark.name} failed: ${(error as Error).stack ?? String(error)}`);
    }
  }
  if (profileDir) console.log(`\nCPU profiles of the server processes: ${profileDir}`);
  return failed > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
