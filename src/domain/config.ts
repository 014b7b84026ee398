/**
 * What every layer says about a repository's steward.yml without knowing its schema: where the file
 * lives and how a problem in it is reported. The schema itself (and `StewardConfig`, inferred from
 * it) stays in config/, a pure leaf every layer may import.
 */

/** Where a repository's Steward configuration lives. */
export const CONFIG_PATH = ".github/steward.yml";

/** One problem found in a configuration file: where (a dotted path, "" for the whole file) and what. */
export interface ConfigProblem {
  path: string;
  message: string;
}

/** A stored problem as the digest and the dashboard state it: the file, where in it, what, and the consequence. */
export function configProblemSentence(problem: ConfigProblem): string {
  return `${CONFIG_PATH}${problem.path ? ` at ${problem.path}` : ""}: ${problem.message} (running on defaults)`;
}
