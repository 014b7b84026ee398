import type { ItemActivity, ItemActivityHandler } from "../runtime/item-activity.js";
import type { LedgerEvent } from "../domain/ledger.js";
import { performOnce } from "../effects/perform-once.js";
import { addIssueLabel, hasIssueLabel } from "../github/issue-labels.js";
import { fetchUserProfile } from "../github/user-profile.js";
import { recordLeadSignal, termsRecordedOnItem } from "../store/leads.js";
import { isProfileStale, saveUserProfiles } from "../store/user-profiles.js";
import { leadCandidate } from "./lead-candidate.js";
import { leadTerms } from "./lead-terms.js";

/** A profile's company is read at most once a month per user. */
export const PROFILE_MAX_AGE_MS = 30 * 24 * 60 * 60_000;

/**
 * Records enterprise interest: an issue, PR, comment or review by a community member (never a
 * maintainer or a bot) whose own words match the configured terms becomes a lead signal, keyed by
 * the ledger's natural key of the fact so a redelivery adds nothing. An edit counts only for terms
 * its author had not yet used on that item (fixing a typo is not new interest). Then the author's
 * public company is read once (refreshed monthly; a failed read is logged and the lead stays), and
 * where configured the item gets the lead label, once ever.
 */
export const handleLeadActivity: ItemActivityHandler = async (activity) => {
  const { config } = activity;
  if (!config.conversion.enabled) return;
  for (const event of activity.entry.events) {
    const candidate = leadCandidate(event, activity.payload, activity.entry.item);
    if (!candidate) continue;
    const person = { login: candidate.author.login, id: candidate.authorId };
    let terms = leadTerms(candidate.author, candidate.texts, config);
    if (terms.length === 0) continue;
    if (candidate.edit && event.itemNumber !== null) {
      const known = await termsRecordedOnItem(activity.db, activity.repository.id, person, event.itemNumber);
      terms = terms.filter((term) => !known.has(term.toLowerCase()));
    }
    if (terms.length === 0) continue;
    const recorded = await recordLeadSignal(activity.db, {
      repositoryId: activity.repository.id,
      naturalKey: event.naturalKey,
      login: candidate.author.login,
      userId: candidate.authorId,
      itemNumber: event.itemNumber,
      terms,
      occurredAt: event.occurredAt,
    });
    if (!recorded) continue;
    activity.log.info(`${activity.repository.fullName}: lead ${candidate.author.login} (${terms.join(", ")}) on #${event.itemNumber ?? "?"}`);
    if (person.id !== null) await refreshProfile(activity, person.login, person.id);
    if (config.conversion.labelLeads) await labelItem(activity, event);
  }
};

/** Profiles are kept per account id (a person without one gets none): read by login, saved by id. */
export async function refreshProfile(activity: ItemActivity, login: string, userId: number): Promise<void> {
  const now = activity.now();
  if (!(await isProfileStale(activity.db, userId, now, PROFILE_MAX_AGE_MS))) return;
  try {
    const profile = await fetchUserProfile(activity.octokit, login);
    if (profile) await saveUserProfiles(activity.db, [profile], now);
  } catch (error) {
    const status = (error as { status?: unknown }).status;
    activity.log.warn(
      `${activity.repository.fullName}: could not read the profile of ${login}${typeof status === "number" ? ` (HTTP ${status})` : ""}; the lead is recorded without a company`,
    );
  }
}

async function labelItem(activity: ItemActivity, event: LedgerEvent): Promise<void> {
  if (event.itemNumber === null) return;
  const label = activity.config.conversion.leadLabel;
  const where = { owner: activity.repository.owner, repo: activity.repository.name, issueNumber: event.itemNumber };
  const outcome = await performOnce(
    { db: activity.db, now: activity.now, metrics: activity.metrics },
    { repositoryId: activity.repository.id, kind: "conversion.lead-label", subject: `#${event.itemNumber}`, period: "" },
    {
      find: async () => ((await hasIssueLabel(activity.octokit, where, label)) ? { label } : null),
      create: () => addIssueLabel(activity.octokit, where, label),
    },
  );
  if (outcome.status === "failed")
    activity.log.warn(`${activity.repository.fullName}: could not label #${event.itemNumber} "${label}": ${outcome.error}`);
}
