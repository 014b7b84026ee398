import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const ROOT = fileURLToPath(new URL("..", import.meta.url));

/** The compiled JavaScript the server benchmarks run with plain `node`. */
export interface CompiledServers {
  /** Steward's production entry, `dist/src/main.js`, as the Docker image runs it. */
  steward: string;
  /** The do-nothing Probot app the webhook benchmarks compare Steward with. */
  doNothing: string;
  /** The module every server process is started with (`--import`): IPC answers, nothing else. */
  answers: string;
  /** How long the two compilations took, in ms. */
  ms: number;
}

let compiling: Promise<CompiledServers> | undefined;

/**
 * Compiles what the server benchmarks run, once per bench process: Steward with `npm run build`
 * (the same tsc -p tsconfig.build.json as the image, into dist/), then the reference apps and the
 * answers module with bench/servers/tsconfig.json (into dist/bench/servers/). Servers then start
 * as compiled JavaScript: what is measured is the shipped build, not a TypeScript loader's output.
 */
export function compiledServers(): Promise<CompiledServers> {
  compiling ??= compile();
  return compiling;
}

async function compile(): Promise<CompiledServers> {
  const started = Date.now();
  await run("npm", ["run", "--silent", "build"]);
  await run(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", join(ROOT, "bench/servers/tsconfig.json")]);
  const servers = {
    steward: join(ROOT, "dist/src/main.js"),
    doNothing: join(ROOT, "dist/bench/servers/do-nothing-probot-process.js"),
    answers: join(ROOT, "dist/bench/servers/bench-answers.js"),
  };
  const missing = Object.values(servers).filter((file) => !existsSync(file));
  if (missing.length > 0) throw new Error(`the build did not write ${missing.join(", ")}`);
  return { ...servers, ms: Date.now() - started };
}

/** Runs a build command in the repository; rejects with its output when it fails. */
function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    const output: string[] = [];
    child.stdout.on("data", (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => output.push(chunk.toString()));
    child.once("error", reject);
    child.once("exit", (code) => {
      if (code === 0) resolve();
      else reject(new Error(`${command} ${args.join(" ")} exited with ${code}:\n${output.join("")}`));
    });
  });
}
