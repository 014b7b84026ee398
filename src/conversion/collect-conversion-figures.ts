import type { StewardConfig } from "../config/schema.js";
import type { ConversionFigures, Period } from "../domain/figures.js";
import { countContributors, countStages, leadPeople, tallyCompanies } from "../store/conversion-funnel.js";
import { listCustomers } from "../store/customers.js";
import type { DB } from "../store/db.js";
import type { RepositoryRecord } from "../domain/repository.js";
import { countLeads, listLeads } from "../store/leads.js";
import { previewMemberProjection, refreshMemberProjection } from "../store/member-projection.js";
import { funnelEntries } from "./funnel.js";
import { topCompanies } from "./top-companies.js";

const ACTIVE_WINDOW_MS = 30 * 24 * 60 * 60_000;
/** Companies listed in the figures. */
const TOP_COMPANIES = 10;

/**
 * The conversion figures of a repository: the funnel (CHAOSS's conversion rate extended to the
 * business) as it stands at the end of the period, i.e. over all history before `period.end`; new
 * leads are those whose first signal falls in the period, and the listed leads those seen in it.
 * Customers count once entered by `now` (`steward customers add` may backdate their start), so a
 * past digest made again shows the customers it showed (docs/architecture.md, "One digest, one truth").
 *
 * Stages count people of the community: bots and maintainers (by config, or because GitHub called
 * them OWNER, MEMBER or COLLABORATOR) are left out. Each stage is counted on its own (a participant
 * need not have starred), so a rate compares the sizes of two stages, against the base each names
 * (FUNNEL_BASES), and can exceed 1 while the stars' history is not backfilled. Customers per active
 * member uses the active member of docs/architecture.md, "Words" (any non-bot activity in the
 * trailing 30 days).
 *
 * The people stages come from `community_members`, the ledger folded per user and refreshed here
 * first, so history is read once and each collection only folds what was stored since the last.
 * The stage and company counts come from counters the triggers keep as those rows change, corrected for
 * the members active since the period's end, so they cost the same at any history size. Those
 * rows keep firsts and lasts, not every fact, so for a past period a later unstar or a later
 * activity is judged by its latest occurrence (see countStages); for the week just ended it is exact.
 *
 * With `readOnly` (`steward report`, a dry run) the fold is only previewed: the figures are the
 * same, and the projection is left as it was.
 */
export async function collectConversionFigures(
  db: DB,
  repository: RepositoryRecord,
  period: Period,
  now: Date,
  config: StewardConfig,
  options: { readOnly?: boolean } = {},
): Promise<ConversionFigures> {
  // A preview passes its transaction's handle: on PostgreSQL only that connection sees the fold.
  const read = (on: DB = db) => readConversionFigures(on, repository.id, period, now, config);
  if (options.readOnly) return previewMemberProjection(db, repository.id, read);
  // Only the events stored since the last collection are read; the counts then come from the
  // counters and the few members active since `end`, so their cost follows the week, not history.
  await refreshMemberProjection(db, repository.id);
  return read();
}

/** The figures from the member projection as it stands (see collectConversionFigures). */
async function readConversionFigures(db: DB, id: number, period: Period, now: Date, config: StewardConfig): Promise<ConversionFigures> {
  const end = period.end;
  const filter = { ignoreUsers: config.ignoreUsers, maintainers: config.maintainers };
  const stages = await countStages(db, id, end, new Date(end.getTime() - ACTIVE_WINDOW_MS), filter);
  const builders = await countContributors(db, id, end, config.ignoreUsers);
  const leadUsers = await leadPeople(db, id, end);
  const customers = (await listCustomers(db, id)).filter((c) => c.since.getTime() < end.getTime() && c.createdAt.getTime() <= now.getTime());
  const leadCounts = await countLeads(db, id, period.start, end);

  const funnel = funnelEntries([
    ["stargazers", stages.stargazers],
    ["participants", stages.participants],
    ["contributors", builders],
    ["leads", leadUsers.length],
    ["customers", customers.length],
  ]);

  const companies = await tallyCompanies(db, id, end, leadUsers, filter, { top: TOP_COMPANIES });
  const leads = await listLeads(db, id, { since: period.start, until: end });
  return {
    funnel,
    customersPerActiveMember: stages.activeMembers > 0 ? customers.length / stages.activeMembers : null,
    leadsNew: leadCounts.new,
    leadsTotal: leadCounts.total,
    customers: customers.length,
    mrrUsd: customers.reduce((sum, c) => sum + c.mrrCents, 0) / 100,
    topCompanies: topCompanies(companies, customers, TOP_COMPANIES),
    leads: leads.map((lead) => ({
      login: lead.login,
      company: lead.company,
      itemNumber: lead.itemNumber,
      terms: lead.terms,
      lastSeenAt: lead.lastSeenAt,
    })),
  };
}
