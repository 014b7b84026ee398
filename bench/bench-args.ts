import { parseArgs } from "node:util";

export interface BenchArgs {
  quick: boolean;
  /** Benchmark names to run; empty means all. */
  only: string[];
  profile: boolean;
}

/** A bad command line: the runner prints the one-line reason and exits 2. */
export class BenchUsageError extends Error {}

/**
 * Parses `npm run bench -- [--quick] [--only name,name] [--profile]` strictly: an unknown flag, a
 * missing value, a stray argument or an unknown benchmark name is a BenchUsageError naming it.
 */
export function parseBenchArgs(argv: string[], known: string[]): BenchArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: { quick: { type: "boolean" }, only: { type: "string" }, profile: { type: "boolean" } },
      strict: true,
      allowPositionals: true,
    });
  } catch (error) {
    const message = (error as Error).message;
    throw new BenchUsageError(`bench: ${(message.split("\n")[0] ?? message).replace(/\. To specify.*$/, "")}`);
  }
  if (parsed.positionals.length > 0) throw new BenchUsageError(`bench: unexpected argument "${parsed.positionals[0]}"`);
  const only = (parsed.values.only ?? "")
    .split(",")
    .map((name) => name.trim())
    .filter(Boolean);
  const unknown = only.find((name) => !known.includes(name));
  if (unknown !== undefined) throw new BenchUsageError(`bench: no benchmark named "${unknown}" (known: ${known.join(", ")})`);
  return { quick: parsed.values.quick ?? false, only, profile: parsed.values.profile ?? false };
}
