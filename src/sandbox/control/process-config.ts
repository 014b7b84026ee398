import { resolve } from "node:path";

/** Where the app's private key comes from. */
export type KeySource =
  | { kind: "inline"; pem: string }
  | { kind: "file"; path: string }
  /** Generated into `path` when that file does not exist yet, reused when it does. */
  | { kind: "generated"; path: string };

/** How `npm run sandbox` was asked to run. */
export interface ProcessConfig {
  port: number;
  host: string;
  appId: number;
  key: KeySource;
  webhookUrl: string;
  webhookSecret: string;
  seed: "demo" | null;
  readyFile: string | null;
  help: boolean;
}

/** A bad flag or variable: main prints it in one line and exits 2. */
export class ConfigError extends Error {}

const SEEDS = ["demo"] as const;

/**
 * Reads the environment, then flags (`--port`, `--host`, `--seed`, `--help`), flags winning.
 * Relative paths are resolved against `cwd`, so what is printed and written is absolute.
 */
export function readProcessConfig(env: Record<string, string | undefined>, argv: string[], cwd = process.cwd()): ProcessConfig {
  const flags = parseFlags(argv);
  const port = Number(flags.get("port") ?? env["PORT"] ?? 3100);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new ConfigError(`PORT must be a port number (0 for a free one), got "${flags.get("port") ?? env["PORT"]}"`);
  const appId = Number(env["APP_ID"] ?? 1);
  if (!Number.isInteger(appId) || appId <= 0) throw new ConfigError(`APP_ID must be a positive whole number, got "${env["APP_ID"]}"`);
  const seed = flags.get("seed") ?? env["SANDBOX_SEED"] ?? null;
  if (seed !== null && !(SEEDS as readonly string[]).includes(seed)) throw new ConfigError(`unknown seed "${seed}" (known: ${SEEDS.join(", ")})`);
  const webhookUrl = env["STEWARD_WEBHOOK_URL"] || "http://localhost:3000/api/github/webhooks";
  if (!URL.canParse(webhookUrl)) throw new ConfigError(`STEWARD_WEBHOOK_URL must be a URL, got "${webhookUrl}"`);
  return {
    port,
    host: flags.get("host") ?? env["HOST"] ?? "127.0.0.1",
    appId,
    key: keySource(env, cwd),
    webhookUrl,
    webhookSecret: env["WEBHOOK_SECRET"] || "development",
    seed: seed as ProcessConfig["seed"],
    readyFile: env["SANDBOX_READY_FILE"] ? resolve(cwd, env["SANDBOX_READY_FILE"]) : null,
    help: flags.has("help"),
  };
}

function keySource(env: Record<string, string | undefined>, cwd: string): KeySource {
  if (env["PRIVATE_KEY"]) return { kind: "inline", pem: env["PRIVATE_KEY"].replace(/\\n/g, "\n") };
  if (env["PRIVATE_KEY_PATH"]) return { kind: "file", path: resolve(cwd, env["PRIVATE_KEY_PATH"]) };
  return { kind: "generated", path: resolve(cwd, env["SANDBOX_KEY_FILE"] || "./data/sandbox-app.pem") };
}

/** `--name value`, `--name=value`, and the bare `--help`; anything else is refused. */
function parseFlags(argv: string[]): Map<string, string> {
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    const match = /^--(port|host|seed|help)(?:=(.*))?$/.exec(arg);
    if (!match?.[1]) throw new ConfigError(`unknown argument "${arg}" (flags: --port, --host, --seed demo, --help)`);
    const name = match[1];
    if (name === "help") {
      flags.set(name, "");
      continue;
    }
    const value = match[2] ?? argv[++i];
    if (value === undefined || value === "") throw new ConfigError(`--${name} needs a value`);
    flags.set(name, value);
  }
  return flags;
}
