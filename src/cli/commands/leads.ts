import { LEAD_COLUMNS, leadRows, toCsv } from "../../conversion/lead-rows.js";
import { listLeads } from "../../store/leads.js";
import { withStore, type CliIo } from "../context.js";
import { requireKnownRepository } from "../known-repository.js";
import { parseCommandLine, parseSince, requireRepo } from "../parse-command-line.js";
import { UsageError } from "../usage-error.js";

/**
 * `steward leads --repo owner/name [--since DATE] [--csv|--json]`: the users who showed
 * enterprise interest, latest first, with their public company, the item, the terms and whether
 * they became a customer. CSV and JSON carry the same columns, fit for a CRM import.
 */
export async function leadsCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandLine("leads", argv, {
    repo: { type: "string" },
    since: { type: "string" },
    csv: { type: "boolean", default: false },
    json: { type: "boolean", default: false },
  });
  const repoName = requireRepo("leads", values.repo);
  const since = parseSince("leads", values.since);
  if (values.csv && values.json) throw new UsageError("leads: choose one of --csv and --json");
  return withStore(io, async ({ db }) => {
    const repository = await requireKnownRepository(db, "leads", repoName);
    const rows = leadRows(await listLeads(db, repository.id, { since }), repository.fullName, webUrl(io.env));
    if (values.csv) io.out(toCsv(LEAD_COLUMNS, rows));
    else if (values.json) io.out(JSON.stringify({ repository: repository.fullName, leads: rows }, null, 2) + "\n");
    else {
      for (const row of rows) io.out(`${row.login}\t${row.company || "-"}\t${row.last_seen.slice(0, 10)}\t${row.status}\t${row.terms}\t${row.item_url}\n`);
      io.out(`${rows.length} lead(s)\n`);
    }
    return 0;
  });
}

/** GitHub's web address: github.com, or the GitHub Enterprise host the app talks to. */
function webUrl(env: NodeJS.ProcessEnv): string {
  return env.GHE_HOST ? `${env.GHE_PROTOCOL ?? "https"}://${env.GHE_HOST}` : "https://github.com";
}
