import type { ConfigProblem } from "../store/schema.js";
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
  return { config: defaultConfig, problems };
}

/** A readable list of problems, one per line, as the log and the digest show them. */
export function formatProblems(problems: ConfigProblem[]): string {
  return problems.map((p) => `- ${p.path || "(file)"}: ${p.message}`).join("\n");
}

/** The outcome for a file that cannot even be parsed: one problem about the whole file. */
export function unreadableConfig(message: string): ConfigOutcome {
  return { config: defaultConfig, problems: [{ path: "", message }] };
}
