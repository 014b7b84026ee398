import { runSweep } from "../../sla/run-sweep.js";
import { renderSweepText } from "../../sla/sweep-report.js";
import type { CliIo } from "../context.js";
import { withJobDeps } from "../job-context.js";
import { requireKnownRepository } from "../known-repository.js";
import { parseCommandLine, parseNow, requireRepo } from "../parse-command-line.js";

/**
 * `steward sweep [--repo owner/name] [--now ISO] [--dry-run] [--json]`: one sweep of the response
 * clock, as the scheduler runs it every 15 minutes. Exits 1 when a reminder or a repository failed
 * (it stays claimed; the next sweep finishes it).
 */
export async function sweepCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandLine("sweep", argv, {
    repo: { type: "string" },
    now: { type: "string" },
    "dry-run": { type: "boolean", default: false },
    json: { type: "boolean", default: false },
  });
  const repoName = values.repo === undefined ? null : requireRepo("sweep", values.repo);
  const now = parseNow("sweep", values.now);
  return withJobDeps(io, now, async (deps) => {
    const repository = repoName === null ? undefined : await requireKnownRepository(deps.db, "sweep", repoName);
    const report = await runSweep(deps, { dryRun: values["dry-run"] === true, ...(repository ? { repository } : {}) });
    io.out(values.json ? JSON.stringify(report, null, 2) + "\n" : renderSweepText(report));
    const failed = report.repositories.some((r) => r.failed.length > 0 || (r.skipped ?? "").startsWith("failed"));
    return failed ? 1 : 0;
  });
}
