import { defaultConfig, type StewardConfig } from "../../config/schema.js";
import { buildReport, type RepositoryReport } from "../../report/build-report.js";
import { renderReportText } from "../../report/render-report-text.js";
import { findRepository, type RepositoryRecord } from "../../store/installations.js";
import { withJobDeps } from "../job-context.js";
import type { JobDeps } from "../../scheduler/job-deps.js";
import type { CliIo } from "../context.js";
import { parseCommandLine, parseNow, requireRepo } from "../parse-command-line.js";
import { UsageError } from "../usage-error.js";

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
    const repository = await findRepository(deps.db, repoName);
    if (!repository) throw new UsageError(`report: Steward holds no repository "${repoName}" (is the app installed on it?)`);
    const { config, source } = await repositoryConfig(deps, repository, io);
    const report = await buildReport(deps.db, repository, { now, config, configSource: source });
    io.out(values.json ? JSON.stringify(report, null, 2) + "\n" : renderReportText(report, config));
    return 0;
  });
}

async function repositoryConfig(
  deps: JobDeps,
  repository: RepositoryRecord,
  io: CliIo,
): Promise<{ config: StewardConfig; source: RepositoryReport["configSource"] }> {
  if (!io.env.APP_ID) return { config: defaultConfig, source: "defaults" };
  try {
    const { config } = await deps.configs.load(await deps.github(repository.installationId), repository);
    return { config, source: "repository" };
  } catch (error) {
    io.err(`steward report: could not read the repository's configuration (${(error as Error).message}); using defaults\n`);
    return { config: defaultConfig, source: "defaults" };
  }
}
