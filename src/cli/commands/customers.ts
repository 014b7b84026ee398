import { normalizeCompany } from "../../domain/company.js";
import { recordMrrMilestones } from "../../conversion/record-mrr-milestones.js";
import { isGitHubLogin } from "../../text/index.js";
import { listCustomers, removeCustomer, saveCustomer } from "../../store/customers.js";
import type { RepositoryRecord } from "../../domain/repository.js";
import type { JobDeps } from "../../runtime/job-deps.js";
import { CommandFailure } from "../command-failure.js";
import type { CliIo } from "../context.js";
import { cliRepositoryConfig } from "../repository-config.js";
import { withJobDeps } from "../job-context.js";
import { requireKnownRepository } from "../known-repository.js";
import { parseCommandLine, requireRepo } from "../parse-command-line.js";
import { parseNow, parseSince } from "../parse-date-flag.js";
import { UsageError } from "../usage-error.js";
import { ADD_FLAGS, LIST_FLAGS, REMOVE_FLAGS, SUBCOMMANDS } from "./customers-help.js";

/**
 * `steward customers add|list|remove --repo owner/name ...`: the paying organizations of a
 * repository, recorded privately in Steward's database (never on GitHub). Adding or removing
 * one records the MRR milestones reached, with the thresholds of the repository's steward.yml
 * when the CLI can authenticate as the app, else the defaults.
 */
export async function customersCommand(argv: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === undefined || !SUBCOMMANDS.includes(sub)) {
    throw new UsageError(`customers: expected one of ${SUBCOMMANDS.join(", ")}${sub === undefined ? "" : `, got "${sub}"`}`);
  }
  if (sub === "list") return listCommand(rest, io);
  return sub === "add" ? addCommand(rest, io) : removeCommand(rest, io);
}

async function addCommand(argv: string[], io: CliIo): Promise<number> {
  // The flag parser reads "--mrr -5" as a flag missing its value; say what is really wrong.
  const negative = argv.findIndex((arg, i) => argv[i - 1] === "--mrr" && /^-\d/.test(arg));
  if (negative !== -1) parseMrr(argv[negative]);
  const { values } = parseCommandLine("customers add", argv, ADD_FLAGS);
  const repoName = requireRepo("customers add", values.repo);
  const { company, companyKey } = requireCompany("customers add", values.company);
  const plan = typeof values.plan === "string" ? values.plan.trim() : "";
  if (plan === "") throw new UsageError("customers add: --plan is required, e.g. --plan enterprise");
  const mrrCents = parseMrr(values.mrr);
  const login = values.login;
  if (login !== undefined && (typeof login !== "string" || !isGitHubLogin(login))) {
    throw new UsageError(`customers add: --login must be a GitHub login, got "${String(login)}"`);
  }
  const now = parseNow("customers add", values.now);
  const since = parseSince("customers add", values.since) ?? now;
  return withJobDeps(io, { command: "customers add", now }, async (deps) => {
    const repository = await requireKnownRepository(deps.db, "customers add", repoName);
    const outcome = await saveCustomer(
      deps.db,
      { repositoryId: repository.id, company, companyKey, plan, mrrCents, login: login ?? null, since },
      now,
    );
    io.out(`${outcome} customer ${company} (${plan}, ${formatUsd(mrrCents)}/month) for ${repository.fullName}\n`);
    await reportMilestones(io, deps, repository);
    return 0;
  });
}

async function removeCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandLine("customers remove", argv, REMOVE_FLAGS);
  const repoName = requireRepo("customers remove", values.repo);
  const { company, companyKey } = requireCompany("customers remove", values.company);
  const now = parseNow("customers remove", values.now);
  return withJobDeps(io, { command: "customers remove", now }, async (deps) => {
    const repository = await requireKnownRepository(deps.db, "customers remove", repoName);
    if (!(await removeCustomer(deps.db, repository.id, companyKey))) {
      throw new CommandFailure(`customers remove: ${repository.fullName} has no customer "${company}"`);
    }
    io.out(`removed customer ${company} from ${repository.fullName}\n`);
    // Nothing can be crossed by losing revenue; this only catches up on milestones missed before.
    await reportMilestones(io, deps, repository);
    return 0;
  });
}

async function listCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandLine("customers list", argv, LIST_FLAGS);
  const repoName = requireRepo("customers list", values.repo);
  return withJobDeps(io, { command: "customers list", now: parseNow("customers list", undefined) }, async (deps) => {
    const repository = await requireKnownRepository(deps.db, "customers list", repoName);
    const customers = await listCustomers(deps.db, repository.id);
    const totalCents = customers.reduce((sum, c) => sum + c.mrrCents, 0);
    if (values.json) {
      const rows = customers.map((c) => ({
        company: c.company,
        plan: c.plan,
        mrrUsd: c.mrrCents / 100,
        login: c.login,
        since: c.since.toISOString(),
      }));
      io.out(JSON.stringify({ repository: repository.fullName, customers: rows, mrrUsd: totalCents / 100 }, null, 2) + "\n");
      return 0;
    }
    for (const c of customers) {
      io.out(`${c.company}\t${c.plan}\t${formatUsd(c.mrrCents)}/month\t${c.login ?? "-"}\tsince ${c.since.toISOString().slice(0, 10)}\n`);
    }
    io.out(`${customers.length} customer(s), MRR ${formatUsd(totalCents)}\n`);
    return 0;
  });
}

function requireCompany(command: string, value: string | boolean | undefined): { company: string; companyKey: string } {
  const company = typeof value === "string" ? value.trim() : "";
  if (company === "") throw new UsageError(`${command}: --company is required, e.g. --company "Acme, Inc."`);
  const companyKey = normalizeCompany(company);
  if (!companyKey) throw new UsageError(`${command}: --company "${company}" has no letters or digits to tell it apart`);
  return { company, companyKey };
}

/** USD with at most two decimals, zero or more: stored in cents so sums stay exact. */
function parseMrr(value: string | boolean | undefined): number {
  if (typeof value !== "string") throw new UsageError("customers add: --mrr is required, the monthly revenue in USD, e.g. --mrr 500");
  if (!/^\d{1,9}(\.\d{1,2})?$/.test(value.trim())) {
    throw new UsageError(`customers add: --mrr must be an amount in USD of zero or more, like 500 or 99.50, got "${value}"`);
  }
  return Math.round(Number(value.trim()) * 100);
}

async function reportMilestones(io: CliIo, deps: JobDeps, repository: RepositoryRecord): Promise<void> {
  const { config } = await cliRepositoryConfig(io, deps, repository, { command: "customers", fallback: "the default MRR milestones" });
  for (const crossing of await recordMrrMilestones(deps.db, repository.id, config.milestones.mrr)) {
    io.out(`milestone: MRR reached ${formatUsd(crossing.threshold * 100)} on ${crossing.crossedAt.toISOString().slice(0, 10)}\n`);
  }
}

function formatUsd(cents: number): string {
  return `$${(cents / 100).toLocaleString("en-US", { minimumFractionDigits: cents % 100 === 0 ? 0 : 2, maximumFractionDigits: 2 })}`;
}
