import { makeDigest } from "../../digest/run-digests.js";
import { withJobDeps } from "../job-context.js";
import type { CliIo } from "../context.js";
import { requireKnownRepository } from "../known-repository.js";
import { parseCommandLine, parseNow, requireRepo } from "../parse-command-line.js";

/**
 * `steward digest --repo owner/name [--now T] [--dry-run] [--json]`: makes the repository's digest
 * for the latest week whose publication time has passed. `--dry-run` prints the markdown and
 * writes nothing; otherwise the issue is opened unless that week's digest exists.
 */
export async function digestCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandLine("digest", argv, {
    repo: { type: "string" },
    now: { type: "string" },
    "dry-run": { type: "boolean", default: false },
    json: { type: "boolean", default: false },
  });
  const repoName = requireRepo("digest", values.repo);
  const now = parseNow("digest", values.now);
  return withJobDeps(io, now, async (deps) => {
    const repository = await requireKnownRepository(deps.db, "digest", repoName);
    const run = await makeDigest(deps, repository, { dryRun: values["dry-run"] === true });
    if (values.json) {
      io.out(JSON.stringify(run, null, 2) + "\n");
    } else if (run.published === null) {
      io.out(`# ${run.title}\n\n${run.body}\n`);
    } else if (run.published.status === "failed" || run.published.status === "busy") {
      io.err(`steward digest: ${run.week} not opened: ${run.published.error ?? "another process is opening it"}\n`);
      return 1;
    } else {
      const verb = run.published.status === "created" ? "opened" : "already open as";
      io.out(`${repoName}: digest ${run.week} ${verb} #${run.published.issueNumber} ${run.published.url ?? ""}\n`);
    }
    return 0;
  });
}
