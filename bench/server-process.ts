import { fork, type ChildProcess } from "node:child_process";
import { closeSync, openSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

const require = createRequire(import.meta.url);

/** A server under test, running in its own process, reached over HTTP and asked things over IPC. */
export interface ServerProcess {
  label: string;
  /** The base URL, e.g. http://127.0.0.1:41234. */
  url: string;
  /** The child's `process.memoryUsage()`, taken right after a full garbage collection. */
  memory(): Promise<NodeJS.MemoryUsage>;
  /** The child's `process.cpuUsage()`: CPU time it spent, less sensitive to a busy machine than wall time. */
  cpu(): Promise<NodeJS.CpuUsage>;
  /** Any other question the child answers (e.g. `ledger` for Steward's row counts). */
  ask<T>(type: string): Promise<T>;
  /** Stops the child and waits for it to exit (which also writes its CPU profile, if asked). */
  stop(): Promise<void>;
}

export interface ServerProcessOptions {
  label: string;
  /** The child's entry file, run with tsx like `npm start`. */
  entry: string;
  env: NodeJS.ProcessEnv;
  /** The child's stdout and stderr go to this file (pino's output, as in production). */
  logFile: string;
  profileDir: string | null;
}

/**
 * Forks a server process and waits until it says it listens. The child runs with `--expose-gc` so
 * memory samples are taken after a full collection, the same way for every server.
 */
export async function startServerProcess(options: ServerProcessOptions): Promise<ServerProcess> {
  const log = openSync(options.logFile, "a");
  const execArgv = ["--import", require.resolve("tsx"), "--expose-gc"];
  // One directory per server: node writes one profile per thread (tsx's loader runs in a worker).
  if (options.profileDir) execArgv.push("--cpu-prof", `--cpu-prof-dir=${join(options.profileDir, options.label)}`);
  const child = fork(options.entry, [], { execArgv, env: options.env, stdio: ["ignore", log, log, "ipc"] });
  closeSync(log);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    child.once("message", (message: { type?: string; url?: string }) => {
      if (message.type === "ready" && message.url) resolve(message.url);
      else reject(new Error(`${options.label}: unexpected first message ${JSON.stringify(message)}`));
    });
    void exited.then((code) => reject(new Error(`${options.label} exited with ${code} before listening:\n${tail(options.logFile)}`)));
  });
  const ask = askChild(child, options.label);
  return {
    label: options.label,
    url,
    memory: () => ask<NodeJS.MemoryUsage>("memory"),
    cpu: () => ask<NodeJS.CpuUsage>("cpu"),
    ask,
    async stop() {
      child.send({ id: 0, type: "stop" });
      const code = await exited;
      if (code !== 0) throw new Error(`${options.label} exited with ${code}:\n${tail(options.logFile)}`);
    },
  };
}

function askChild(child: ChildProcess, label: string) {
  let nextId = 1;
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  child.on("message", (message: { id?: number; result?: unknown; error?: string }) => {
    const waiting = message.id === undefined ? undefined : pending.get(message.id);
    if (!waiting) return;
    pending.delete(message.id!);
    if (message.error !== undefined) waiting.reject(new Error(`${label}: ${message.error}`));
    else waiting.resolve(message.result);
  });
  return <T>(type: string) =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      child.send({ id, type });
    });
}

/** The end of a child's log, to say why it failed. */
function tail(file: string): string {
  try {
    return readFileSync(file, "utf8").split("\n").slice(-20).join("\n");
  } catch {
    return "(no log)";
  }
}

/** Where a benchmark's children write their logs. */
export function logFileIn(dir: string, label: string): string {
  return join(dir, `${label}.log`);
}
