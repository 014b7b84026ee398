import { LEAD_COLUMNS, leadRows, toCsv } from "../../conversion/lead-rows.js";
import { listLeads } from "../../store/leads.js";
import { withStore, type CliIo } from "../context.js";
import { jsonFlag, repoFlag, sinceFlag, type FlagTable } from "../flags.js";
import type { CommandHelp } from "../help-text.js";
import { requireKnownRepository } from "../known-repository.js";
import { parseCommandLine, requireRepo } from "../parse-command-line.js";
import { parseSince } from "../parse-date-flag.js";
import { UsageError } from "../usage-error.js";

const FLAGS: FlagTable = {
  repo: repoFlag(),
  since: sinceFlag("only the leads seen on or after this date"),
  csv: { type: "boolean", about: `print CSV (RFC 4180), columns ${LEAD_COLUMNS.join(", ")}` },
  json: jsonFlag("print JSON with the same columns, a stable format for scripts"),
};

export const leadsHelp: CommandHelp = {
  usage: "leads --repo owner/name [--since DATE] [--csv|--json]",
  about:
    "The users who showed enterprise interest in a repository, latest first, with their public company,\n" +
    "the item, the terms and whether they became a customer. From Steward's database; GitHub is not called.",
  flags: FLAGS,
  exits: { done: "the leads were printed", failed: "no database at DATABASE_URL, or Steward holds no such repository" },
};

/**
 * `steward leads --repo owner/name [--since DATE] [--csv|--json]`: the users who showed
 * enterprise interest, latest first, with their public company, the item, the terms and whether
 * they became a customer. CSV and JSON carry the same columns, fit for a CRM import.
 */
export async function leadsCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandLine("leads", argv, FLAGS);
  const repoName = requireRepo("leads", values.repo);
  const since = parseSince("leads", values.since);
  if (values.csv && values.json) throw new UsageError("leads: choose one of --csv and --json");
  return withStore(io, { command: "leads" }, async ({ db }) => {
    const repository = await requireKnownRepository(db, "leads", repoName);
    const rows = leadRows(await listLeads(db, repository.id, { since }), repository.fullName, webUrl(io.env));
    if (values.csv) io.out(toCsv(LEAD_COLUMNS, rows));
    else if (values.json) io.out(JSON.stringify({ repository: repository.fullName, leads: rows }, null, 2) + "\n");
    else {
      for (const row of rows)
        io.out(`${row.login}\t${row.company || "-"}\t${row.last_seen.slice(0, 10)}\t${row.status}\t${row.terms}\t${row.item_url}\n`);
      io.out(`${rows.length} lead(s)\n`);
    }
    return 0;
  });
}

/** GitHub's web address: github.com, or the GitHub Enterprise host the app talks to. */
function webUrl(env: NodeJS.ProcessEnv): string {
  return env.GHE_HOST ? `${env.GHE_PROTOCOL ?? "https"}://${env.GHE_HOST}` : "https://github.com";
}
