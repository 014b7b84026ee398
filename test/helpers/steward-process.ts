import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { join } from "node:path";

/** How Steward is started: exactly as users start it. */
export type EntryPoint = "npm start" | "node dist/src/main.js";

export interface StewardProcess {
  url: string;
  /** Every line the process printed, stdout and stderr, in order. */
  readonly output: string[];
  /** The JSON log lines (LOG_FORMAT=json), parsed. */
  logs(): Array<Record<string, unknown> & { msg?: string; level?: number }>;
  /** Resolves with the exit code (or the signal's name) once the process ended. */
  readonly exited: Promise<number | string>;
  alive(): boolean;
  /** Sends a signal to the whole process group (npm, its shell and node). */
  signal(signal: NodeJS.Signals): void;
  /** SIGKILL, then waits for the exit. */
  kill(): Promise<void>;
}

const ROOT = join(import.meta.dirname, "..", "..");

/** A port nobody listens on right now (PORT=0 means 3000 to Probot's tooling, so tests pick one). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts Steward as a child process in its own process group, configured by `env` alone (no
 * overrides of any kind), and waits until /healthz answers 200 (or the process exits, which
 * rejects with its output).
 */
export async function startStewardProcess(entry: EntryPoint, env: Record<string, string>): Promise<StewardProcess> {
  const port = env.PORT ?? String(await freePort());
  const fullEnv = {
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? "/tmp",
    HOST: "127.0.0.1",
    LOG_FORMAT: "json",
    ...env,
    PORT: port,
  } as NodeJS.ProcessEnv;
  const [command, args] = entry === "npm start" ? ["npm", ["start", "--silent"]] : [process.execPath, ["dist/src/main.js"]];
  const child: ChildProcess = spawn(command, args as string[], { cwd: ROOT, env: fullEnv, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  const output: string[] = [];
  for (const stream of [child.stdout!, child.stderr!]) {
    let rest = "";
    stream.on("data", (chunk: Buffer) => {
      const lines = (rest + chunk.toString("utf8")).split("\n");
      rest = lines.pop() ?? "";
      output.push(...lines.filter((line) => line !== ""));
    });
  }
  let ended = false;
  const exited = new Promise<number | string>((resolve) =>
    child.once("exit", (code, signal) => {
      ended = true;
      resolve(code ?? signal ?? "unknown");
    }),
  );
  const url = `http://127.0.0.1:${port}`;
  const group = (signal: NodeJS.Signals) => {
    if (ended || child.pid === undefined) return;
    try {
      process.kill(-child.pid, signal);
    } catch {
      // Already gone.
    }
  };
  const steward: StewardProcess = {
    url,
    output,
    logs: () =>
      output.flatMap((line) => {
        try {
          return [JSON.parse(line) as Record<string, unknown>];
        } catch {
          return [];
        }
      }),
    exited,
    alive: () => !ended,
    signal: group,
    async kill() {
      group("SIGKILL");
      await exited;
    },
  };
  await waitUntilHealthy(steward);
  return steward;
}

async function waitUntilHealthy(steward: StewardProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!steward.alive()) throw new Error(`Steward exited (${await steward.exited}) before it was healthy:\n${steward.output.join("\n")}`);
    try {
      const answer = await fetch(`${steward.url}/healthz`);
      if (answer.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await steward.kill();
  throw new Error(`Steward was not healthy within ${timeoutMs} ms:\n${steward.output.join("\n")}`);
}

/** Polls `check` until it returns a value other than undefined/false, or fails after `timeoutMs`. */
export async function eventually<T>(
  what: string,
  check: () => Promise<T | undefined | false> | T | undefined | false,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ""}`);
}

/**
 * Runs Steward to its exit (for start-ups that must be refused), with a deadline: returns the exit
 * code and every line printed.
 */
export async function runToExit(
  entry: EntryPoint,
  env: Record<string, string>,
  timeoutMs = 30_000,
): Promise<{ code: number | string; output: string[] }> {
  const child = spawn(entry === "npm start" ? "npm" : process.execPath, entry === "npm start" ? ["start", "--silent"] : ["dist/src/main.js"], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "/tmp",
      HOST: "127.0.0.1",
      PORT: String(await freePort()),
      ...env,
    } as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let text = "";
  child.stdout!.on("data", (chunk: Buffer) => (text += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (text += chunk.toString()));
  const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
  const code = await new Promise<number | string>((resolve) => child.once("exit", (c, signal) => resolve(c ?? signal ?? "unknown")));
  clearTimeout(timer);
  return { code, output: text.split("\n").filter((line) => line !== "") };
}
