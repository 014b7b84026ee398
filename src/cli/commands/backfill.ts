import { runBackfill, type BackfillReport } from "../../metrics/run-backfill.js";
import type { CliIo } from "../context.js";
import { jsonFlag, repoFlag, sinceFlag, type FlagTable } from "../flags.js";
import type { CommandHelp } from "../help-text.js";
import { withJobDeps } from "../job-context.js";
import { requireKnownRepository } from "../known-repository.js";
import { parseCommandLine, requireRepo } from "../parse-command-line.js";
import { parseNow, parseSince } from "../parse-date-flag.js";

const FLAGS: FlagTable = {
  repo: repoFlag(),
  since: sinceFlag("read only the stars, issues, pull requests and discussions since this date (contributors are then not numbered)"),
  json: jsonFlag(),
};

export const backfillHelp: CommandHelp = {
  usage: "backfill --repo owner/name [--since DATE] [--json]",
  about:
    "Reads the repository's history (stars, issues, pull requests, discussions, contributors) into Steward's database,\n" +
    "or resumes the reading that stopped, authenticating as the app (APP_ID and the private key).",
  flags: FLAGS,
  exits: {
    done: "the history is read completely",
    failed: "no database, an unknown repository, or the reading stopped (the output says why; run it again to resume)",
  },
};

/**
 * `steward backfill --repo owner/name [--since DATE] [--json]`: reads the repository's history
 * (stars, issues, pull requests, discussions, contributors) into the ledger, or resumes the one that stopped.
 * Exits 0 when complete, 1 when it stopped (the reason is in the output; run it again to resume).
 */
export async function backfillCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandLine("backfill", argv, FLAGS);
  const repoName = requireRepo("backfill", values.repo);
  const since = parseSince("backfill", values.since);
  return withJobDeps(io, { command: "backfill", now: parseNow("backfill", undefined) }, async (deps) => {
    const repository = await requireKnownRepository(deps.db, "backfill", repoName);
    const report = await runBackfill(deps, { repository, since });
    io.out(values.json ? JSON.stringify(report, null, 2) + "\n" : renderBackfillReport(report));
    return report.complete ? 0 : 1;
  });
}

/** The report as lines for a terminal. */
export function renderBackfillReport(report: BackfillReport): string {
  const lines = [
    `${report.repository}: backfill ${report.complete ? "complete" : "stopped, run again to resume"} (${report.requests} GraphQL requests)`,
  ];
  for (const k of report.kinds) {
    const why = k.lastError ? ` (${k.lastError})` : "";
    lines.push(`  ${k.kind.padEnd(12)} ${k.status.padEnd(7)} ${k.done} / ${k.total ?? "?"}, ${k.requests} requests${why}`);
  }
  return lines.join("\n") + "\n";
}
