import { GHOST_ACCOUNT_ID, type UserProfile } from "../domain/identity.js";
import type { LedgerEvent } from "../domain/ledger.js";
import type { DB } from "../store/db.js";
import { recordLeadSignal, type LeadSignal } from "../store/leads.js";
import { saveUserProfiles } from "../store/user-profiles.js";
import { leadTerms, type LeadRules } from "./lead-terms.js";

/**
 * Leads in the history the backfill reads (README, "History backfill"): an issue's or PR's title and
 * body, a comment, a review, matched by the webhooks' rule (`leadTerms`) and recorded under the
 * natural key of the ledger fact it came with, the one the webhook's signal carries, so a signal
 * seen both ways is stored once whichever came first. Nothing is said on GitHub: no label, no comment.
 */

/** Something a person wrote, as the backfill read it. */
export interface WrittenFact {
  /** The fact its webhook records (`issues.opened`, `issue_comment.created`, ...): key, item, time, author. */
  fact: LedgerEvent;
  /** Matched separately, as the webhook's texts are (a title and a body). */
  texts: string[];
  /** The author's public company, read with the text; undefined where the read gave none (not a user). */
  company?: string | null;
}

/** A signal found in history, with the author's profile where the same read gave it. */
export interface HistoryLead {
  signal: LeadSignal;
  profile: UserProfile | null;
}

/** The signals in `writings`. Pure. */
export function historyLeads(repositoryId: number, writings: readonly WrittenFact[], rules: LeadRules): HistoryLead[] {
  const found: HistoryLead[] = [];
  for (const { fact, texts, company } of writings) {
    // Every deleted account is GitHub's one "ghost": nobody to talk to, and not one person.
    if (fact.actorId === GHOST_ACCOUNT_ID) continue;
    const terms = leadTerms({ login: fact.actorLogin, type: fact.actorType, association: fact.association }, texts, rules);
    if (terms.length === 0) continue;
    const signal: LeadSignal = {
      repositoryId,
      naturalKey: fact.naturalKey,
      login: fact.actorLogin,
      userId: fact.actorId,
      itemNumber: fact.itemNumber,
      terms,
      occurredAt: fact.occurredAt,
    };
    const read = company !== undefined && fact.actorType === "User" && fact.actorId !== null;
    found.push({ signal, profile: read ? { login: fact.actorLogin, userId: fact.actorId, type: "User", company: company ?? null } : null });
  }
  return found;
}

/**
 * Records the signals in `writings`; returns how many were new. A new lead's company comes from the
 * page that held their words, saved as a profile read `now` (so the webhook's monthly read waits), at
 * no request: the backfill's request bound holds whatever it finds.
 */
export async function recordHistoryLeads(
  db: DB,
  repositoryId: number,
  writings: readonly WrittenFact[],
  rules: LeadRules,
  now: Date,
): Promise<number> {
  const profiles: UserProfile[] = [];
  let recorded = 0;
  for (const { signal, profile } of historyLeads(repositoryId, writings, rules)) {
    if (!(await recordLeadSignal(db, signal))) continue;
    recorded++;
    if (profile) profiles.push(profile);
  }
  await saveUserProfiles(db, profiles, now);
  return recorded;
}
