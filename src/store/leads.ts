import { and, eq, inArray, isNull, lt, sql, type SQL } from "drizzle-orm";
import { personKey, type PersonRef } from "../domain/identity.js";
import type { LeadSignalKind } from "../domain/lead-signal-kind.js";
import { type DB, type Tables, tablesOf } from "./engine.js";
import { dismissedPeople, isSignal } from "./lead-verdicts.js";

/** One issue, PR or comment that showed enterprise interest. */
export interface LeadSignal {
  repositoryId: number;
  /** The ledger's natural key of the fact, so a redelivery or a backfill adds nothing. */
  naturalKey: string;
  /** Who wrote it: their login then, and their account id (null where GitHub gave none). */
  login: string;
  userId: number | null;
  itemNumber: number | null;
  terms: string[];
  occurredAt: Date;
  /** `interest` unless a maintainer's command wrote it (`LeadSignalKind`). */
  kind?: LeadSignalKind;
}

/** A person's signals: by account id, or by login for one without (docs/architecture.md, "Words": person). */
function signalBy(leadSignals: Tables["leadSignals"], person: PersonRef): SQL {
  return person.id !== null ? eq(leadSignals.userId, person.id) : and(isNull(leadSignals.userId), eq(leadSignals.login, person.login))!;
}

/** Records a lead signal; false when this fact was recorded before. */
export async function recordLeadSignal(db: DB, signal: LeadSignal): Promise<boolean> {
  const { leadSignals } = tablesOf(db);
  const inserted = await db.insert(leadSignals).values(signal).onConflictDoNothing().returning({ naturalKey: leadSignals.naturalKey });
  return inserted.length === 1;
}

/** The terms already recorded for a person on item `itemNumber`, so an edit only adds what is new. */
export async function termsRecordedOnItem(db: DB, repositoryId: number, person: PersonRef, itemNumber: number): Promise<Set<string>> {
  const { leadSignals } = tablesOf(db);
  const rows = await db
    .select({ terms: leadSignals.terms })
    .from(leadSignals)
    .where(and(eq(leadSignals.repositoryId, repositoryId), signalBy(leadSignals, person), eq(leadSignals.itemNumber, itemNumber)));
  return new Set(rows.flatMap((row) => row.terms.map((term) => term.toLowerCase())));
}

/** A lead: one community user, with everything their signals showed. */
export interface Lead {
  /** Their login now: their member row's, else that of their latest signal. */
  login: string;
  userId: number | null;
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
 * The leads of a repository, latest first: people (by account id) with a signal before `until`
 * and, when `since` is given, at or after it, unless a maintainer's `/steward not-lead` before
 * `until` took them off (`dismissedPeople`). One read of their signals over the (repository,
 * person) index, then their member rows' logins and their profiles; a lead is converted when a
 * customer carries a login of theirs or their company's key.
 */
export async function listLeads(db: DB, repositoryId: number, range: { since?: Date | null; until?: Date | null } = {}): Promise<Lead[]> {
  const { communityMembers, customers, events, leadSignals, userProfiles } = tablesOf(db);
  const conditions = [eq(leadSignals.repositoryId, repositoryId), isSignal(leadSignals)];
  if (range.until) conditions.push(lt(leadSignals.occurredAt, range.until));
  const inRange = and(...conditions);
  const dismissed = await dismissedPeople(db, repositoryId, range.until ?? null);
  const rows = await db
    .select({
      login: leadSignals.login,
      userId: leadSignals.userId,
      naturalKey: leadSignals.naturalKey,
      itemNumber: leadSignals.itemNumber,
      terms: leadSignals.terms,
      occurredAt: leadSignals.occurredAt,
      isPull: events.isPull,
    })
    .from(leadSignals)
    .leftJoin(events, and(eq(events.repositoryId, leadSignals.repositoryId), eq(events.naturalKey, leadSignals.naturalKey)))
    .where(inRange)
    .orderBy(leadSignals.occurredAt, leadSignals.naturalKey);
  // Each person's signals in time order: the latest names their item, and their login where no member row does.
  type Gathered = Omit<Lead, "company" | "companyKey" | "status"> & { logins: Set<string> };
  const byPerson = new Map<string, Gathered>();
  for (const row of rows) {
    const key = personKey({ login: row.login, id: row.userId });
    if (dismissed.has(key)) continue;
    const lead = byPerson.get(key);
    if (!lead) {
      byPerson.set(key, {
        login: row.login,
        userId: row.userId,
        logins: new Set([row.login.toLowerCase()]),
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
    lead.login = row.login;
    lead.logins.add(row.login.toLowerCase());
    lead.lastSeenAt = row.occurredAt;
    lead.itemNumber = row.itemNumber;
    lead.isPull = row.isPull;
    lead.naturalKey = row.naturalKey;
    lead.signals++;
    const known = new Set(lead.terms.map((t) => t.toLowerCase()));
    for (const term of row.terms) if (!known.has(term.toLowerCase())) lead.terms.push(term);
  }
  const since = range.since?.getTime();
  const picked = [...byPerson.values()].filter((lead) => since === undefined || lead.lastSeenAt.getTime() >= since);
  if (picked.length === 0) return [];
  const ids = picked.flatMap((lead) => (lead.userId === null ? [] : [lead.userId]));
  const profiles = new Map<number | null, { company: string | null; companyKey: string | null }>();
  // A renamed lead is named by their login now, as their member row (folded from the ledger) has it.
  const labels = new Map<number | null, string>();
  for (const part of chunked(ids)) {
    const profileRows = await db
      .select({ userId: userProfiles.userId, company: userProfiles.company, companyKey: userProfiles.companyKey })
      .from(userProfiles)
      .where(inArray(userProfiles.userId, part));
    for (const p of profileRows) profiles.set(p.userId, p);
    const memberRows = await db
      .select({ userId: communityMembers.userId, login: communityMembers.login })
      .from(communityMembers)
      .where(and(eq(communityMembers.repositoryId, repositoryId), inArray(communityMembers.userId, part)));
    for (const m of memberRows) labels.set(m.userId, m.login);
  }
  const customerRows = await db
    .select({ login: customers.login, companyKey: customers.companyKey })
    .from(customers)
    .where(eq(customers.repositoryId, repositoryId));
  const customerLogins = new Set(customerRows.flatMap((c) => (c.login ? [c.login.toLowerCase()] : [])));
  const customerKeys = new Set(customerRows.map((c) => c.companyKey));
  return picked
    .map(({ logins, ...lead }): Lead => {
      const login = (lead.userId === null ? undefined : labels.get(lead.userId)) ?? lead.login;
      const profile = lead.userId === null ? undefined : profiles.get(lead.userId);
      const companyKey = profile?.companyKey ?? null;
      const named = customerLogins.has(login.toLowerCase()) || [...logins].some((l) => customerLogins.has(l));
      const converted = named || (companyKey !== null && customerKeys.has(companyKey));
      return { ...lead, login, company: profile?.company ?? null, companyKey, status: converted ? "converted" : "open" };
    })
    .sort((a, b) => b.lastSeenAt.getTime() - a.lastSeenAt.getTime() || a.login.localeCompare(b.login));
}

/** Ids per `IN (...)` list. */
const CHUNK = 500;
const chunked = <T>(items: readonly T[]): T[][] =>
  Array.from({ length: Math.ceil(items.length / CHUNK) }, (_, i) => items.slice(i * CHUNK, (i + 1) * CHUNK));

/**
 * Distinct people with a lead signal before `until`, and those whose first one is at or after
 * `since`; people dismissed by then (`/steward not-lead`) count in neither.
 */
export async function countLeads(db: DB, repositoryId: number, since: Date, until: Date): Promise<{ total: number; new: number }> {
  const { leadSignals } = tablesOf(db);
  const firsts = await db
    .select({
      login: sql<string>`max(${leadSignals.login})`,
      userId: leadSignals.userId,
      first: sql<number>`min(${leadSignals.occurredAt})`.mapWith(Number),
    })
    .from(leadSignals)
    .where(and(eq(leadSignals.repositoryId, repositoryId), isSignal(leadSignals), lt(leadSignals.occurredAt, until)))
    .groupBy(leadSignals.userId, sql`case when ${leadSignals.userId} is null then ${leadSignals.login} end`);
  const dismissed = await dismissedPeople(db, repositoryId, until);
  const counted = firsts.filter((row) => !dismissed.has(personKey({ login: row.login, id: row.userId })));
  return { total: counted.length, new: counted.filter((row) => row.first >= since.getTime()).length };
}
