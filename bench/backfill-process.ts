import { spawn } from "node:child_process";
import { createWriteStream, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { BackfillReport } from "../src/metrics/run-backfill.js";

/** The shipped `steward` command: the compiled CLI once `npm run build` has run. */
const STEWARD_BIN = fileURLToPath(new URL("../bin/steward.js", import.meta.url));
const SAMPLE_MS = 50;

/** How one `steward backfill` process ended. */
export interface BackfillProcessRun {
  /** Exit code (0 complete, 1 stopped), or null when killed. */
  code: number | null;
  killed: boolean;
  /** The CLI's `--json` report; null when killed. */
  report: BackfillReport | null;
  /** Peak resident set size of the process (VmHWM), in bytes. */
  peakRss: number;
  /** User + system CPU time, in ms, as last sampled before it ended. */
  cpuMs: number;
  /** From spawn to exit, in ms. */
  wallMs: number;
}

export interface BackfillProcessOptions {
  repo: string;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Where its stderr (the log) goes. */
  logFile: string;
  /** Polled while it runs: true kills it with SIGKILL, as a crash or an OOM kill would. */
  killWhen?: () => boolean;
  /** Node's own flags, e.g. `--cpu-prof` for `npm run bench -- --profile`. */
  nodeArgs?: string[];
}

/**
 * Runs `steward backfill --repo ... --json` as production would (the compiled CLI, configured by
 * env alone) and samples its memory from /proc while it runs: VmHWM is the kernel's own high-water
 * mark, so a peak between two samples is not missed.
 */
export function runBackfillProcess(options: BackfillProcessOptions): Promise<BackfillProcessRun> {
  const started = Date.now();
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), STEWARD_BIN, "backfill", "--repo", options.repo, "--json"], {
    cwd: options.cwd,
    env: options.env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const log = createWriteStream(options.logFile, { flags: "a" });
  let lastLog = "";
  child.stderr.on("data", (chunk: Buffer) => {
    log.write(chunk);
    lastLog = (lastLog + chunk.toString()).slice(-600);
  });
  const out: Buffer[] = [];
  child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
  let peakRss = 0;
  let cpuMs = 0;
  let killed = false;
  const sample = () => {
    const status = readProc(child.pid, "status");
    const hwm = status ? /VmHWM:\s+(\d+) kB/.exec(status) : null;
    if (hwm) peakRss = Math.max(peakRss, Number(hwm[1]) * 1024);
    const stat = readProc(child.pid, "stat");
    // Fields 14 and 15 (utime, stime) in clock ticks, after the command name in parentheses.
    const fields = stat?.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (fields) cpuMs = ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
    if (!killed && options.killWhen?.()) {
      killed = true;
      child.kill("SIGKILL");
    }
  };
  const timer = setInterval(sample, SAMPLE_MS);
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    // "close": the process has exited and its output is all read.
    child.once("close", (code) => {
      clearInterval(timer);
      log.end();
      const text = Buffer.concat(out).toString();
      let report: BackfillReport | null = null;
      if (!killed) {
        try {
          report = JSON.parse(text) as BackfillReport;
        } catch {
          reject(new Error(`steward backfill exited ${code} without a JSON report: ${text.slice(0, 300)}${lastLog}`));
          return;
        }
      }
      resolve({ code, killed, report, peakRss, cpuMs, wallMs: Date.now() - started });
    });
  });
}

/** /proc/<pid>/<file>, or null once the process is gone. */
function readProc(pid: number | undefined, file: string): string | null {
  if (pid === undefined) return null;
  try {
    return readFileSync(`/proc/${pid}/${file}`, "utf8");
  } catch {
    return null;
  }
}
