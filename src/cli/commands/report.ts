import { buildReport } from "../../report/build-report.js";
import { renderReportText } from "../../report/render-report-text.js";
import type { CliIo } from "../context.js";
import { withJobDeps } from "../job-context.js";
import { requireKnownRepository } from "../known-repository.js";
import { cliRepositoryConfig } from "../repository-config.js";
import { parseCommandLine, parseNow, requireRepo } from "../parse-command-line.js";

/**
 * `steward report --repo owner/name [--now T] [--json]`: what Steward knows of a repository, with
 * every feature's figures for the seven days before `--now`. The repository's steward.yml is read
 * from GitHub when the app's credentials are set; otherwise (or when GitHub cannot answer) the
 * figures use the defaults, and the report says so.
 */
export async function reportCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandLine("report", argv, {
    repo: { type: "string" },
    now: { type: "string" },
    json: { type: "boolean", default: false },
  });
  const repoName = requireRepo("report", values.repo);
  const now = parseNow("report", values.now);
  return withJobDeps(io, now, async (deps) => {
    const repository = await requireKnownRepository(deps.db, "report", repoName);
    const { config, source } = await cliRepositoryConfig(io, deps, repository, { command: "report", fallback: "defaults" });
    const report = await buildReport(deps.db, repository, { now, config, configSource: source });
    io.out(values.json ? JSON.stringify(report, null, 2) + "\n" : renderReportText(report, config));
    return 0;
  });
}
