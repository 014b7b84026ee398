import { runSweep } from "../../sla/run-sweep.js";
import { renderSweepText } from "../../sla/sweep-report.js";
import type { CliIo } from "../context.js";
import { dryRunFlag, jsonFlag, nowFlag, repoFlag, type FlagTable } from "../flags.js";
import type { CommandHelp } from "../help-text.js";
import { withJobDeps } from "../job-context.js";
import { requireKnownRepository } from "../known-repository.js";
import { parseCommandLine, requireRepo } from "../parse-command-line.js";
import { parseNow } from "../parse-date-flag.js";

const FLAGS: FlagTable = {
  repo: repoFlag("sweep only this repository (default: every repository Steward holds)"),
  now: nowFlag("the time to sweep at"),
  "dry-run": dryRunFlag("list the reminders that are due and send nothing"),
  json: jsonFlag(),
};

export const sweepHelp: CommandHelp = {
  usage: "sweep [--repo owner/name] [--now TIME] [--dry-run] [--json]",
  about:
    "One sweep of the response clock, as the server's scheduler runs it every 15 minutes: posts the\n" +
    "reminders due at --now and updates the labels, authenticating as the app (APP_ID and the private key).",
  flags: FLAGS,
  exits: {
    done: "swept (with --dry-run: listed what is due)",
    failed: "no database, an unknown repository, or a reminder or repository failed (it stays claimed; the next sweep finishes it)",
  },
};

/**
 * `steward sweep [--repo owner/name] [--now ISO] [--dry-run] [--json]`: one sweep of the response
 * clock, as the scheduler runs it every 15 minutes. Exits 1 when a reminder or a repository failed
 * (it stays claimed; the next sweep finishes it).
 */
export async function sweepCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandLine("sweep", argv, FLAGS);
  const repoName = values.repo === undefined ? null : requireRepo("sweep", values.repo);
  const now = parseNow("sweep", values.now);
  return withJobDeps(io, { command: "sweep", now, readOnly: values["dry-run"] === true }, async (deps) => {
    const repository = repoName === null ? undefined : await requireKnownRepository(deps.db, "sweep", repoName);
    const report = await runSweep(deps, { dryRun: values["dry-run"] === true, ...(repository ? { repository } : {}) });
    io.out(values.json ? JSON.stringify(report, null, 2) + "\n" : renderSweepText(report));
    const failed = report.repositories.some((r) => r.failed.length > 0 || (r.skipped ?? "").startsWith("failed"));
    return failed ? 1 : 0;
  });
}
