import { buildReport } from "../../report/build-report.js";
import { renderReportText } from "../../report/render-report-text.js";
import { findRepository } from "../../store/installations.js";
import { withStore, type CliIo } from "../context.js";
import { parseCommandLine, requireRepo } from "../parse-command-line.js";
import { UsageError } from "../usage-error.js";

/** `steward report --repo owner/name [--json]`: what Steward knows of a repository. */
export async function reportCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandLine("report", argv, {
    repo: { type: "string" },
    json: { type: "boolean", default: false },
  });
  const repoName = requireRepo("report", values.repo);
  return withStore(io, async ({ db }) => {
    const repository = await findRepository(db, repoName);
    if (!repository) throw new UsageError(`report: Steward holds no repository "${repoName}" (is the app installed on it?)`);
    const report = await buildReport(db, repository);
    io.out(values.json ? JSON.stringify(report, null, 2) + "\n" : renderReportText(report));
    return 0;
  });
}
