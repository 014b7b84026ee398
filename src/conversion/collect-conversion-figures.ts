import type { StewardConfig } from "../config/schema.js";
import { isBot } from "../people/roles.js";
import type { ConversionFigures, FunnelStage, Period } from "../report/figures.js";
import {
  activeActors,
  contributorLogins,
  leadLogins,
  participants,
  stargazersAndForkers,
  type FunnelPerson,
} from "../store/conversion-funnel.js";
import { listCustomers } from "../store/customers.js";
import type { DB } from "../store/db.js";
import type { RepositoryRecord } from "../store/installations.js";
import { countLeads, listLeads } from "../store/leads.js";
import { findUserProfiles } from "../store/user-profiles.js";
import { topCompanies } from "./top-companies.js";

const ACTIVE_WINDOW_MS = 30 * 24 * 60 * 60_000;

/**
 * The conversion figures of a repository: the funnel (CHAOSS's conversion rate extended to the
 * business) as it stands at the end of the period, i.e. over all history before `period.end`; new
 * leads are those whose first signal falls in the period, and the listed leads those seen in it.
 * `now` is part of every collector's signature; these figures depend on the period alone.
 *
 * Stages count people of the community: bots and maintainers (by config, or because GitHub called
 * them OWNER, MEMBER or COLLABORATOR) are left out. Each stage is counted on its own (a participant
 * need not have starred), so a rate compares the sizes of two stages and can exceed 1 while the
 * stars' history is not backfilled. Customers per active member uses the DESIGN's active member
 * (any non-bot activity in the trailing 30 days). Every query is grouped per user in SQL.
 */
export async function collectConversionFigures(
  db: DB,
  repository: RepositoryRecord,
  period: Period,
  _now: Date,
  config: StewardConfig,
): Promise<ConversionFigures> {
  const end = period.end;
  const id = repository.id;
  const talking = await participants(db, id, end);
  const maintainers = new Set(talking.filter((p) => p.maintainer).map((p) => p.login));
  const lowerListed = new Set(config.maintainers.map((m) => m.toLowerCase()));
  const notBot = (p: FunnelPerson) => !isBot({ login: p.login, type: p.actorType }, config);
  const community = (p: FunnelPerson) => notBot(p) && !maintainers.has(p.login) && !lowerListed.has(p.login.toLowerCase());

  const stargazers = (await stargazersAndForkers(db, id, end)).filter(community).map((p) => p.login);
  const talkers = talking.filter(community).map((p) => p.login);
  const builders = (await contributorLogins(db, id, end)).filter((login) => !isBot({ login }, config));
  const leadUsers = await leadLogins(db, id, end);
  const customers = (await listCustomers(db, id)).filter((c) => c.since.getTime() < end.getTime());
  const active = (await activeActors(db, id, new Date(end.getTime() - ACTIVE_WINDOW_MS), end)).filter(notBot);
  const leadCounts = await countLeads(db, id, period.start, end);

  const counts: Array<[FunnelStage, number]> = [
    ["stargazers", stargazers.length],
    ["participants", talkers.length],
    ["contributors", builders.length],
    ["leads", leadUsers.length],
    ["customers", customers.length],
  ];
  const funnel = counts.map(([stage, count], i) => {
    const previous = i === 0 ? 0 : counts[i - 1]![1];
    return { stage, count, rateFromPrevious: i > 0 && previous > 0 ? count / previous : null };
  });

  const profiles = await findUserProfiles(db, [...new Set([...stargazers, ...talkers, ...leadUsers])]);
  const leads = await listLeads(db, id, { since: period.start, until: end });
  return {
    funnel,
    customersPerActiveMember: active.length > 0 ? customers.length / active.length : null,
    leadsNew: leadCounts.new,
    leadsTotal: leadCounts.total,
    customers: customers.length,
    mrrUsd: customers.reduce((sum, c) => sum + c.mrrCents, 0) / 100,
    topCompanies: topCompanies({ stargazers, participants: talkers, leads: leadUsers }, profiles, customers),
    leads: leads.map((lead) => ({
      login: lead.login,
      company: lead.company,
      itemNumber: lead.itemNumber,
      terms: lead.terms,
      lastSeenAt: lead.lastSeenAt,
    })),
  };
}
