import { readFileSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { parseStewardYml } from "../../config/parse-steward-yml.js";
import { formatProblems, unreadableConfig, validateConfig } from "../../config/validate-config.js";
import { CommandFailure } from "../command-failure.js";
import type { CliIo } from "../context.js";
import type { FlagTable } from "../flags.js";
import type { CommandHelp } from "../help-text.js";
import { parseCommandLine } from "../parse-command-line.js";
import { UsageError } from "../usage-error.js";

const FLAGS: FlagTable = {};

export const checkConfigHelp: CommandHelp = {
  usage: "check-config <file>",
  about:
    "Checks a steward.yml on this machine as the server checks a repository's .github/steward.yml, and\n" +
    "prints every problem with its path, as the server logs them. Reads only the file: no database, no\n" +
    "GitHub. An _extends line is not followed (what it names is on GitHub): only this file is checked.",
  flags: FLAGS,
  exits: { done: "the file is valid", failed: "the file does not exist, cannot be read, is not YAML or is invalid" },
};

/** `steward check-config <file>`: the server's validation of steward.yml, run on a local file. */
export async function checkConfigCommand(argv: string[], io: CliIo): Promise<number> {
  const { positionals } = parseCommandLine("check-config", argv, FLAGS, 1);
  const file = positionals[0];
  if (file === undefined || file === "") throw new UsageError("check-config: the file to check is required: steward check-config <file>");
  const parsed = parseStewardYml(readText(resolve(io.cwd, file)));
  const { problems } = parsed.ok ? validateConfig(parsed.value) : unreadableConfig(`${file} could not be parsed: ${parsed.reason}`);
  if (problems.length > 0) {
    io.out(`${file} is invalid; the server would run the repository on the defaults:\n${formatProblems(problems)}\n`);
    return 1;
  }
  const unchecked = parsed.ok && parsed.extendsFrom !== null ? ` (the file it extends, ${parsed.extendsFrom}, was not checked)` : "";
  io.out(`${file} is valid${unchecked}\n`);
  return 0;
}

function readText(path: string): string {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (stat === undefined) throw new CommandFailure(`check-config: no file at ${path}`);
  if (!stat.isFile()) throw new CommandFailure(`check-config: ${path} is not a file`);
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    throw new CommandFailure(`check-config: cannot read ${path}: ${(error as Error).message}`);
  }
}
