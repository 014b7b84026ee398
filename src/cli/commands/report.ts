import { buildReport } from "../../report/build-report.js";
import { renderReportText } from "../../report/render-report-text.js";
import type { CliIo } from "../context.js";
import { jsonFlag, nowFlag, repoFlag, type FlagTable } from "../flags.js";
import type { CommandHelp } from "../help-text.js";
import { withJobDeps } from "../job-context.js";
import { requireKnownRepository } from "../known-repository.js";
import { parseNow } from "../parse-date-flag.js";
import { cliRepositoryConfig } from "../repository-config.js";
import { parseCommandLine, requireRepo } from "../parse-command-line.js";

const FLAGS: FlagTable = {
  repo: repoFlag(),
  now: nowFlag("the end of the seven days reported on"),
  json: jsonFlag("print JSON, a stable format for scripts (fields are added, never renamed or removed)"),
};

export const reportHelp: CommandHelp = {
  usage: "report --repo owner/name [--now TIME] [--json]",
  about:
    "What Steward holds for a repository (deliveries, events by kind, items, config state) and every\n" +
    "feature's figures for the seven days before --now. The repository's steward.yml is read from GitHub\n" +
    "when APP_ID is set; otherwise, or when GitHub cannot answer, the figures use the defaults and say so.",
  flags: FLAGS,
  exits: { done: "the report was printed", failed: "no database at DATABASE_URL, or Steward holds no such repository" },
};

/**
 * `steward report --repo owner/name [--now T] [--json]`: what Steward knows of a repository, with
 * every feature's figures for the seven days before `--now`. The repository's steward.yml is read
 * from GitHub when the app's credentials are set; otherwise (or when GitHub cannot answer) the
 * figures use the defaults, and the report says so.
 */
export async function reportCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandLine("report", argv, FLAGS);
  const repoName = requireRepo("report", values.repo);
  const now = parseNow("report", values.now);
  return withJobDeps(io, { command: "report", now, readOnly: true }, async (deps) => {
    const repository = await requireKnownRepository(deps.db, "report", repoName);
    const { config, source, problems } = await cliRepositoryConfig(io, deps, repository, { command: "report", fallback: "defaults" });
    const report = await buildReport(deps.db, repository, { now, config, configSource: source, readProblems: problems });
    io.out(values.json ? JSON.stringify(report, null, 2) + "\n" : renderReportText(report, config));
    return 0;
  });
}
