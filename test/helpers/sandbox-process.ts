import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { connectSandbox, type SandboxClient, type SandboxInfo } from "../../src/sandbox/control-client.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** A sandbox running as its own process (`npm run sandbox`), and how to drive and stop it. */
export interface SandboxProcess extends SandboxInfo {
  client: SandboxClient;
  /** The app's private key (PEM), to give Steward or to sign JWTs with. */
  privateKey: string;
  /** Absolute path of the ready file the process wrote. */
  readyFile: string;
  /** Everything the process printed so far, stdout and stderr interleaved. */
  output(): string;
  /** SIGTERM to the whole process group (npm, tsx, node); SIGKILL after `graceMs`. Idempotent. */
  stop(graceMs?: number): Promise<Stopped>;
}

/** How the process ended: npm's exit, and whether the group had to be killed. */
export interface Stopped {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** True when something was still running after the grace period and got SIGKILL. */
  killed: boolean;
}

export interface StartSandboxOptions {
  /** Added to the environment; PORT=0, HOST=127.0.0.1 and a fresh key file unless given here. */
  env?: Record<string, string>;
  /** Flags after `--`, e.g. ["--seed", "demo"]. */
  args?: string[];
  timeoutMs?: number;
}

/**
 * Spawns exactly `npm run sandbox` in its own process group (so one kill reaches the node process
 * under npm and tsx), waits for its ready file, and connects a client. On a failed start the
 * error carries the process's output.
 */
export async function startSandboxProcess(options: StartSandboxOptions = {}): Promise<SandboxProcess> {
  const dir = mkdtempSync(join(tmpdir(), "steward-sandbox-"));
  const readyFile = join(dir, "ready.json");
  const env = { ...process.env, PORT: "0", HOST: "127.0.0.1", SANDBOX_KEY_FILE: join(dir, "app.pem"), ...options.env, SANDBOX_READY_FILE: readyFile };
  const npmArgs = ["run", "--silent", "sandbox", ...(options.args?.length ? ["--", ...options.args] : [])];
  const child = spawn("npm", npmArgs, { cwd: ROOT, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  const chunks: string[] = [];
  child.stdout.on("data", (chunk: Buffer) => chunks.push(chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => chunks.push(chunk.toString()));
  const output = () => chunks.join("");
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => {
    child.once("exit", (code, signal) => done({ code, signal }));
  });
  let stopping: Promise<Stopped> | undefined;
  const stop = (graceMs = 5_000) => {
    stopping ??= (async () => {
      signalGroup(child.pid, "SIGTERM");
      // npm may exit before the node process under it: wait for the whole group, not just npm.
      const deadline = Date.now() + graceMs;
      while (groupAlive(child.pid) && Date.now() < deadline) await sleep(25);
      const killed = groupAlive(child.pid);
      if (killed) signalGroup(child.pid, "SIGKILL");
      const result = await exited;
      rmSync(dir, { recursive: true, force: true });
      return { ...result, killed };
    })();
    return stopping;
  };

  try {
    const info = await waitForReadyFile(readyFile, exited, options.timeoutMs ?? 20_000);
    const privateKey = env.PRIVATE_KEY ?? readFileSync(info.privateKeyPath ?? "", "utf8");
    return { ...info, client: connectSandbox(info.url), privateKey, readyFile, output, stop };
  } catch (error) {
    await stop(1_000);
    throw new Error(`${(error as Error).message}\n--- sandbox output ---\n${output()}`);
  }
}

/** Polls for the ready file; rejects when the process exits first or time runs out. */
async function waitForReadyFile(path: string, exited: Promise<{ code: number | null }>, timeoutMs: number): Promise<SandboxInfo> {
  let exit: { code: number | null } | undefined;
  void exited.then((result) => (exit = result));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    // The process renames a complete temp file into place, so existing means whole.
    if (existsSync(path)) return JSON.parse(readFileSync(path, "utf8")) as SandboxInfo;
    if (exit) throw new Error(`the sandbox process exited (code ${exit.code}) before it was ready`);
    await sleep(50);
  }
  throw new Error(`the sandbox process was not ready within ${timeoutMs} ms`);
}

function sleep(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}

/**
 * True while a process of the group led by `pid` is alive. Zombies do not count: npm dies first,
 * and what it leaves is reparented to this machine's init, which can take a second to reap.
 */
function groupAlive(pid: number | undefined): boolean {
  if (pid === undefined) return false;
  if (!existsSync("/proc/self/stat")) return signalReaches(pid);
  return readdirSync("/proc").some((entry) => {
    if (!/^\d+$/.test(entry)) return false;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      return false;
    }
    // "pid (comm) state ppid pgrp ...": comm may hold spaces, so split after its closing parenthesis.
    const [state, , pgrp] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return pgrp === String(pid) && state !== "Z";
  });
}

function signalReaches(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Signals the process group led by `pid` (negative pid); a group already gone is fine. */
function signalGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error;
  }
}
