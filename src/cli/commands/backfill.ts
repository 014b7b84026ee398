import { runBackfill, type BackfillReport } from "../../metrics/run-backfill.js";
import type { CliIo } from "../context.js";
import { withJobDeps } from "../job-context.js";
import { requireKnownRepository } from "../known-repository.js";
import { parseCommandLine, parseNow, parseSince, requireRepo } from "../parse-command-line.js";

/**
 * `steward backfill --repo owner/name [--since DATE] [--json]`: reads the repository's history
 * (stars, issues, pull requests, contributors) into the ledger, or resumes the one that stopped.
 * Exits 0 when complete, 1 when it stopped (the reason is in the output; run it again to resume).
 */
export async function backfillCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandLine("backfill", argv, {
    repo: { type: "string" },
    since: { type: "string" },
    json: { type: "boolean", default: false },
  });
  const repoName = requireRepo("backfill", values.repo);
  const since = parseSince("backfill", values.since);
  return withJobDeps(io, parseNow("backfill", undefined), async (deps) => {
    const repository = await requireKnownRepository(deps.db, "backfill", repoName);
    const report = await runBackfill(deps, { repository, since });
    io.out(values.json ? JSON.stringify(report, null, 2) + "\n" : renderBackfillReport(report));
    return report.complete ? 0 : 1;
  });
}

/** The report as lines for a terminal. */
export function renderBackfillReport(report: BackfillReport): string {
  const lines = [`${report.repository}: backfill ${report.complete ? "complete" : "stopped, run again to resume"} (${report.requests} GraphQL requests)`];
  for (const k of report.kinds) {
    const why = k.lastError ? ` (${k.lastError})` : "";
    lines.push(`  ${k.kind.padEnd(12)} ${k.status.padEnd(7)} ${k.done} / ${k.total ?? "?"}, ${k.requests} requests${why}`);
  }
  return lines.join("\n") + "\n";
}
