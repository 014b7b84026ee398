import { makeDigest } from "../../digest/run-digests.js";
import { withJobDeps } from "../job-context.js";
import type { CliIo } from "../context.js";
import { dryRunFlag, jsonFlag, nowFlag, repoFlag, type FlagTable } from "../flags.js";
import type { CommandHelp } from "../help-text.js";
import { requireKnownRepository } from "../known-repository.js";
import { parseCommandLine, requireRepo } from "../parse-command-line.js";
import { parseNow } from "../parse-date-flag.js";

const FLAGS: FlagTable = {
  repo: repoFlag(),
  now: nowFlag("make the digest of the latest week published by this time"),
  "dry-run": dryRunFlag("print the digest's markdown and write nothing"),
  json: jsonFlag(),
};

export const digestHelp: CommandHelp = {
  usage: "digest --repo owner/name [--now TIME] [--dry-run] [--json]",
  about:
    "Makes a repository's digest for the latest week whose publication time has passed and opens it as an\n" +
    "issue, unless that week's digest exists, authenticating as the app (APP_ID and the private key).",
  flags: FLAGS,
  exits: {
    done: "the digest was opened or was already open (with --dry-run: printed)",
    failed: "no database, an unknown repository, or GitHub refused the issue",
  },
};

/**
 * `steward digest --repo owner/name [--now T] [--dry-run] [--json]`: makes the repository's digest
 * for the latest week whose publication time has passed. `--dry-run` prints the markdown and
 * writes nothing; otherwise the issue is opened unless that week's digest exists.
 */
export async function digestCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandLine("digest", argv, FLAGS);
  const repoName = requireRepo("digest", values.repo);
  const now = parseNow("digest", values.now);
  return withJobDeps(io, { command: "digest", now, readOnly: values["dry-run"] === true }, async (deps) => {
    const repository = await requireKnownRepository(deps.db, "digest", repoName);
    const run = await makeDigest(deps, repository, { dryRun: values["dry-run"] === true });
    const published = run.published;
    // Not opened is a failure however it is printed: scripts using --json rely on the exit code too.
    const notOpened = published !== null && (published.status === "failed" || published.status === "busy" || published.status === "skipped");
    if (values.json) {
      io.out(JSON.stringify(run, null, 2) + "\n");
    } else if (published === null) {
      io.out(`# ${run.title}\n\n${run.body}\n`);
    } else if (!notOpened) {
      const verb = published.status === "created" ? "opened" : "already open as";
      io.out(`${repoName}: digest ${run.week} ${verb} #${published.issueNumber} ${published.url ?? ""}\n`);
    }
    if (notOpened) {
      io.err(`steward digest: ${run.week} not opened: ${oneLine(published.error ?? "another process is opening it")}\n`);
      return 1;
    }
    return 0;
  });
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, " ");
}
