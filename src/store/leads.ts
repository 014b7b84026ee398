import { and, eq, lt, sql } from "drizzle-orm";
import type { DB } from "./db.js";
import { customers, events, leadSignals, userProfiles } from "./schema.js";

/** One issue, PR or comment that showed enterprise interest. */
export interface LeadSignal {
  repositoryId: number;
  /** The ledger's natural key of the fact, so a redelivery or a backfill adds nothing. */
  naturalKey: string;
  login: string;
  itemNumber: number | null;
  terms: string[];
  occurredAt: Date;
}

/** Records a lead signal; false when this fact was recorded before. */
export async function recordLeadSignal(db: DB, signal: LeadSignal): Promise<boolean> {
  return db.insert(leadSignals).values(signal).onConflictDoNothing().run().changes === 1;
}

/** The terms already recorded for `login` on item `itemNumber`, so an edit only adds what is new. */
export async function termsRecordedOnItem(db: DB, repositoryId: number, login: string, itemNumber: number): Promise<Set<string>> {
  const rows = db
    .select({ terms: leadSignals.terms })
    .from(leadSignals)
    .where(and(eq(leadSignals.repositoryId, repositoryId), eq(leadSignals.login, login), eq(leadSignals.itemNumber, itemNumber)))
    .all();
  return new Set(rows.flatMap((row) => row.terms.map((term) => term.toLowerCase())));
}

/** A lead: one community user, with everything their signals showed. */
export interface Lead {
  login: string;
  /** The company from their public profile, as written there. */
  company: string | null;
  companyKey: string | null;
  firstSeenAt: Date;
  lastSeenAt: Date;
  /** The item (and fact) of their latest signal. */
  itemNumber: number | null;
  isPull: boolean | null;
  naturalKey: string;
  /** Every term they used, in the order first seen. */
  terms: string[];
  signals: number;
  /** Converted once a customer is recorded with their login or their company. */
  status: "converted" | "open";
}

/**
 * The leads of a repository, latest first: users with a signal before `until` and, when `since`
 * is given, at or after it. One grouped query over the (repository, login) index plus one read of
 * their signals; a lead is converted when a customer carries their login or their company's key.
 */
export async function listLeads(db: DB, repositoryId: number, range: { since?: Date | null; until?: Date | null } = {}): Promise<Lead[]> {
  const conditions = [eq(leadSignals.repositoryId, repositoryId)];
  if (range.until) conditions.push(lt(leadSignals.occurredAt, range.until));
  const inRange = and(...conditions);
  const rows = db
    .select({
      login: leadSignals.login,
      naturalKey: leadSignals.naturalKey,
      itemNumber: leadSignals.itemNumber,
      terms: leadSignals.terms,
      occurredAt: leadSignals.occurredAt,
      isPull: events.isPull,
    })
    .from(leadSignals)
    .leftJoin(events, and(eq(events.repositoryId, leadSignals.repositoryId), eq(events.naturalKey, leadSignals.naturalKey)))
    .where(inRange)
    .orderBy(leadSignals.login, leadSignals.occurredAt, leadSignals.naturalKey)
    .all();
  const byLogin = new Map<string, Omit<Lead, "company" | "companyKey" | "status">>();
  for (const row of rows) {
    const lead = byLogin.get(row.login);
    if (!lead) {
      byLogin.set(row.login, {
        login: row.login,
        firstSeenAt: row.occurredAt,
        lastSeenAt: row.occurredAt,
        itemNumber: row.itemNumber,
        isPull: row.isPull,
        naturalKey: row.naturalKey,
        terms: [...row.terms],
        signals: 1,
      });
      continue;
    }
    lead.lastSeenAt = row.occurredAt;
    lead.itemNumber = row.itemNumber;
    lead.isPull = row.isPull;
    lead.naturalKey = row.naturalKey;
    lead.signals++;
    const known = new Set(lead.terms.map((t) => t.toLowerCase()));
    for (const term of row.terms) if (!known.has(term.toLowerCase())) lead.terms.push(term);
  }
  const since = range.since?.getTime();
  const picked = [...byLogin.values()].filter((lead) => since === undefined || lead.lastSeenAt.getTime() >= since);
  if (picked.length === 0) return [];
  const profiles = new Map(
    db
      .select({ login: userProfiles.login, company: userProfiles.company, companyKey: userProfiles.companyKey })
      .from(userProfiles)
      .where(sql`${userProfiles.login} in (select distinct ${leadSignals.login} from ${leadSignals} where ${inRange})`)
      .all()
      .map((p) => [p.login, p]),
  );
  const customerRows = db
    .select({ login: customers.login, companyKey: customers.companyKey })
    .from(customers)
    .where(eq(customers.repositoryId, repositoryId))
    .all();
  const customerLogins = new Set(customerRows.flatMap((c) => (c.login ? [c.login.toLowerCase()] : [])));
  const customerKeys = new Set(customerRows.map((c) => c.companyKey));
  return picked
    .map((lead): Lead => {
      const profile = profiles.get(lead.login);
      const companyKey = profile?.companyKey ?? null;
      const converted = customerLogins.has(lead.login.toLowerCase()) || (companyKey !== null && customerKeys.has(companyKey));
      return { ...lead, company: profile?.company ?? null, companyKey, status: converted ? "converted" : "open" };
    })
    .sort((a, b) => b.lastSeenAt.getTime() - a.lastSeenAt.getTime() || a.login.localeCompare(b.login));
}

/** Distinct users with a lead signal before `until`, and those whose first one is at or after `since`. */
export async function countLeads(db: DB, repositoryId: number, since: Date, until: Date): Promise<{ total: number; new: number }> {
  const firsts = db
    .select({ first: sql<number>`min(${leadSignals.occurredAt})`.as("first") })
    .from(leadSignals)
    .where(and(eq(leadSignals.repositoryId, repositoryId), lt(leadSignals.occurredAt, until)))
    .groupBy(leadSignals.login)
    .as("firsts");
  const row = db
    .select({ total: sql<number>`count(*)`, fresh: sql<number>`coalesce(sum(${firsts.first} >= ${since.getTime()}), 0)` })
    .from(firsts)
    .get();
  return { total: row?.total ?? 0, new: row?.fresh ?? 0 };
}
