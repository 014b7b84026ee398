import { fork, type ChildProcess } from "node:child_process";
import { closeSync, openSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/** The repository, with a trailing slash. */
const ROOT = fileURLToPath(new URL("..", import.meta.url));

/** A server under test, running compiled in its own process, reached over HTTP and asked things over IPC. */
export interface ServerProcess {
  label: string;
  /** The base URL, e.g. http://127.0.0.1:41234. */
  url: string;
  /** The child's `process.memoryUsage()`, taken right after a full garbage collection. */
  memory(): Promise<NodeJS.MemoryUsage>;
  /** The child's `process.cpuUsage()`: CPU time it spent, less sensitive to a busy machine than wall time. */
  cpu(): Promise<NodeJS.CpuUsage>;
  /** How the child was started: its node flags, entry file and NODE_OPTIONS. */
  runtime(): Promise<{ execArgv: string[]; entry: string; nodeOptions: string }>;
  /** SIGTERM, as a container stop sends, then waits for the exit (which also writes its CPU profile, if asked). */
  stop(): Promise<void>;
}

export interface ServerProcessOptions {
  label: string;
  /** The child's compiled entry file, run with plain `node`. */
  entry: string;
  /** The IPC answers module, loaded with `--import` before the entry. */
  answers: string;
  /** The child's whole environment; PORT is added here. */
  env: NodeJS.ProcessEnv;
  /** The child's working directory (a temporary one: no developer's .env is read). */
  cwd: string;
  /** The child's stdout and stderr go to this file (its logs, as in production). */
  logFile: string;
  profileDir: string | null;
  timeoutMs?: number;
}

/**
 * Forks a server on a free port and waits until `GET /healthz` answers 200. The child runs with
 * `--expose-gc` so memory samples are taken after a full collection, the same way for every server,
 * and with no loader: the bench's own `--import tsx` is not passed on.
 */
export async function startServerProcess(options: ServerProcessOptions): Promise<ServerProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const log = openSync(options.logFile, "a");
  const execArgv = ["--import", pathToFileURL(options.answers).href, "--expose-gc"];
  if (options.profileDir) execArgv.push("--cpu-prof", `--cpu-prof-dir=${join(options.profileDir, options.label)}`);
  const child = fork(options.entry, [], {
    cwd: options.cwd,
    execArgv,
    env: { ...options.env, PORT: String(port) },
    stdio: ["ignore", log, log, "ipc"],
  });
  closeSync(log);
  let exitCode: number | string | undefined;
  const exited = new Promise<number | string>((resolve) =>
    child.once("exit", (code, signal) => {
      exitCode = code ?? signal ?? "unknown";
      resolve(exitCode);
    }),
  );
  try {
    await waitUntilHealthy(url, () => exitCode, options.timeoutMs ?? 60_000);
  } catch (error) {
    child.kill("SIGKILL");
    await exited;
    throw new Error(`${options.label}: ${(error as Error).message}:\n${tail(options.logFile)}`);
  }
  const ask = askChild(child, options.label);
  return {
    label: options.label,
    url,
    memory: () => ask<NodeJS.MemoryUsage>("memory"),
    cpu: () => ask<NodeJS.CpuUsage>("cpu"),
    runtime: () => ask("runtime"),
    async stop() {
      if (exitCode === undefined) child.kill("SIGTERM");
      const code = await exited;
      if (code !== 0) throw new Error(`${options.label} exited with ${code}:\n${tail(options.logFile)}`);
    },
  };
}

async function waitUntilHealthy(url: string, exited: () => number | string | undefined, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const code = exited();
    if (code !== undefined) throw new Error(`exited with ${code} before it was healthy`);
    try {
      if ((await fetch(`${url}/healthz`)).status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`not healthy within ${timeoutMs} ms`);
}

/**
 * A server's command line as the process itself reports it (paths relative to the repository), so
 * a report shows what was measured. Throws if a TypeScript loader got into the process.
 */
export async function compiledCommandLine(server: ServerProcess): Promise<string> {
  const { execArgv, entry, nodeOptions } = await server.runtime();
  const line = [...execArgv, entry].join(" ");
  if (/tsx|\.ts\b/.test(`${line} ${nodeOptions}`))
    throw new Error(`${server.label} runs through a TypeScript loader: node ${line} (NODE_OPTIONS=${nodeOptions})`);
  return line.replaceAll(pathToFileURL(ROOT).href, "").replaceAll(ROOT, "");
}

/** A port nobody listens on right now: Steward takes PORT=0 but tells its port only in its log. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
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
