import type { ConfigProblem } from "../domain/config.js";
import { defaultConfig, stewardConfigSchema, type StewardConfig } from "./schema.js";

export interface ConfigOutcome {
  config: StewardConfig;
  /** Empty when the file is valid (or absent); otherwise every problem, and `config` is the default. */
  problems: ConfigProblem[];
}

/**
 * Validates a parsed steward.yml. All problems are reported at once, each with its dotted path,
 * and an invalid file yields the defaults as a whole: half-applying a broken file could silence
 * reminders the maintainer relies on.
 */
export function validateConfig(raw: unknown): ConfigOutcome {
  if (raw === null || raw === undefined) return { config: defaultConfig, problems: [] };
  const result = stewardConfigSchema.safeParse(raw);
  if (result.success) return { config: result.data, problems: [] };
  const problems = result.error.issues.map((issue) => ({
    path: issue.path.map(String).join("."),
    message: issue.message,
  }));
  return { config: defaultConfig, problems: boundedProblems(problems) };
}

/** How many problems are kept, in the stored row, the log and the digest alike. */
export const MAX_PROBLEMS = 50;

/**
 * The first MAX_PROBLEMS problems and one line counting the rest: a file with 250,000 bad entries
 * must not become a 22 MB row, a 17 MB log line and seconds of work per delivery. The first ones
 * are enough to find the mistake; the count says how big it is.
 */
export function boundedProblems(problems: ConfigProblem[]): ConfigProblem[] {
  if (problems.length <= MAX_PROBLEMS) return problems;
  const more = problems.length - MAX_PROBLEMS;
  return [...problems.slice(0, MAX_PROBLEMS), { path: "", message: `and ${more.toLocaleString("en-US")} more problem${more === 1 ? "" : "s"}` }];
}

/** A readable list of problems, one per line, as the log and the digest show them. */
export function formatProblems(problems: ConfigProblem[]): string {
  return problems.map((p) => `- ${p.path || "(file)"}: ${p.message}`).join("\n");
}

/** The outcome for a file that cannot even be parsed: one problem about the whole file. */
export function unreadableConfig(message: string): ConfigOutcome {
  return { config: defaultConfig, problems: [{ path: "", message }] };
}
