// The flags of `steward customers add|list|remove` and the help made of them, kept apart from the
// commands themselves (customers.ts), which only act.
import { jsonFlag, nowFlag, repoFlag, sinceFlag, type FlagSpec, type FlagTable } from "../flags.js";
import { renderCommandHelp, table, USAGE_EXIT, type CommandHelp } from "../help-text.js";

export const SUBCOMMANDS = ["add", "list", "remove"];

const companyFlag = (about: string): FlagSpec => ({ type: "string", value: "NAME", about });

export const ADD_FLAGS: FlagTable = {
  repo: repoFlag(),
  company: companyFlag('the paying organization (required); "Acme, Inc." and "ACME" are one company, updated in place'),
  plan: { type: "string", value: "PLAN", about: "the plan it pays for (required), e.g. enterprise" },
  mrr: { type: "string", value: "USD", about: "its monthly recurring revenue in USD (required), e.g. 500 or 99.50" },
  login: { type: "string", value: "LOGIN", about: "its GitHub login, which closes that user's lead as converted" },
  since: sinceFlag("when it became a customer (default: --now)"),
  now: nowFlag("when this is recorded"),
};
export const LIST_FLAGS: FlagTable = { repo: repoFlag(), json: jsonFlag() };
export const REMOVE_FLAGS: FlagTable = {
  repo: repoFlag(),
  company: companyFlag("the customer to remove (required)"),
  now: nowFlag("when this is recorded"),
};

const UNKNOWN_REPOSITORY = "no database at DATABASE_URL, or Steward holds no such repository";

const SUBCOMMAND_HELP: Record<string, CommandHelp> = {
  add: {
    usage: "customers add --repo owner/name --company NAME --plan PLAN --mrr USD [--login LOGIN] [--since DATE] [--now TIME]",
    about:
      "Records a paying customer of the repository, or updates the one recorded under that company, in\n" +
      "Steward's database (never on GitHub), and any MRR milestone it crosses. Milestones use the\n" +
      "repository's steward.yml when APP_ID is set, else the defaults.",
    flags: ADD_FLAGS,
    exits: { done: "the customer was added or updated", failed: UNKNOWN_REPOSITORY },
  },
  list: {
    usage: "customers list --repo owner/name [--json]",
    about: "Lists the repository's customers, their plans and MRR, and the total, from Steward's database;\nGitHub is not called.",
    flags: LIST_FLAGS,
    exits: { done: "the customers were printed", failed: UNKNOWN_REPOSITORY },
  },
  remove: {
    usage: "customers remove --repo owner/name --company NAME [--now TIME]",
    about: "Removes a customer of the repository from Steward's database.",
    flags: REMOVE_FLAGS,
    exits: { done: "the customer was removed", failed: "no database, an unknown repository, or no such customer" },
  },
};

/**
 * `steward customers --help` lists the subcommands; `steward customers add --help` (and list,
 * remove) gives one's flags and exit codes.
 */
export function customersHelp(argv: string[]): string {
  const sub = argv[0];
  if (sub !== undefined && Object.hasOwn(SUBCOMMAND_HELP, sub)) return renderCommandHelp(SUBCOMMAND_HELP[sub]!);
  const usages = SUBCOMMANDS.map((sub): [string, string] => [sub, `steward ${SUBCOMMAND_HELP[sub]!.usage}`]);
  return (
    [
      "usage: steward customers add|list|remove --repo owner/name ...",
      "The paying organizations of a repository and their monthly revenue (MRR), kept privately in Steward's\n" + "database, never on GitHub.",
      `commands:\n${table(usages)}`,
      "Run `steward customers <add|list|remove> --help` for one's flags and exit codes.",
      `exit codes:\n${table([
        ["0", "done"],
        ["1", "no database, an unknown repository, or (remove) no such customer"],
        ["2", USAGE_EXIT],
      ])}`,
    ].join("\n\n") + "\n"
  );
}
