import type { StewardConfig } from "../config/schema.js";
import { personKey, type PersonRef } from "../domain/identity.js";
import type { Person } from "../people/roles.js";
import { chooseMergeMessage, screenMerge } from "./decide-first-merge.js";
import { screenPerson, type SkipReason } from "./decide-first-opening.js";
import type { WelcomePost } from "./post-welcome.js";

/** The kinds of welcome claims, as `postWelcome` names their effects. */
export const WELCOME_KINDS = {
  firstIssue: "welcome.first-issue",
  firstPull: "welcome.first-pr",
  firstMerge: "welcome.first-merge",
  milestone: "welcome.milestone",
} as const;

/**
 * What a person's welcome is claimed under, once per repository ever: their account id
 * (`id:<id>`), so a renamed account is not welcomed again; the lowercased login only where GitHub
 * gave no id (as every claim was keyed before ids).
 */
export function welcomeSubject(author: PersonRef): string {
  return author.id === null ? author.login.toLowerCase() : personKey(author);
}

/** The author of an item as Steward's records last saw them. */
export interface RetryItem {
  number: number;
  authorLogin: string;
  authorType: string;
  authorAssociation: string;
}

/**
 * What Steward's own records say about an unfinished welcome: the item it answers (null when the
 * item left the repository or was never recorded) and, for a congratulation, the contributor and
 * whether the history is known; for a milestone, the recorded crossing.
 */
export interface RetryRecords {
  item: RetryItem | null;
  contributor?: { number: number | null; firstPullNumber: number | null } | null;
  historyKnown?: boolean;
  crossing?: { threshold: number; value: number; login: string | null; itemNumber: number | null } | null;
}

/** Why an unfinished welcome is closed without a post. */
export type RetryCloseReason =
  | SkipReason
  /** The issue or pull request was deleted or transferred, or is unknown to the ledger. */
  | "item-gone"
  /** A backfill learnt of an earlier contribution: this merge was not the author's first after all. */
  | "not-first"
  /** The record the message is built from (the contributor, the milestone crossing) is missing. */
  | "no-record"
  | "unknown-kind";

export type RetryPlan =
  | { action: "post"; post: WelcomePost }
  /** `issueNumber`: where an earlier attempt may have posted after all, so the close looks there first. */
  | { action: "close"; reason: RetryCloseReason; issueNumber: number | null };

const authorOf = (item: RetryItem): Person => ({ login: item.authorLogin, type: item.authorType, association: item.authorAssociation });

/**
 * Rebuilds an unfinished welcome from Steward's records with the repository's configuration as it
 * is now, or says why it no longer makes sense. The claim already records that the first was
 * decided, so that is not decided again; what is checked again is what may have changed since: the
 * message switched off, the item gone, the author now a maintainer (or a bot per `ignoreUsers`).
 * A pull request's author being a CONTRIBUTOR by now is no reason: merging made them one.
 */
export function planWelcomeRetry(claim: { kind: string; subject: string }, records: RetryRecords, config: StewardConfig): RetryPlan {
  const item = records.item;
  const close = (reason: RetryCloseReason): RetryPlan => ({ action: "close", reason, issueNumber: item?.number ?? null });
  const welcome = config.welcome;
  switch (claim.kind) {
    case WELCOME_KINDS.firstIssue:
    case WELCOME_KINDS.firstPull: {
      const isIssue = claim.kind === WELCOME_KINDS.firstIssue;
      if (!welcome.enabled || !(isIssue ? welcome.firstIssue : welcome.firstPullRequest)) return close("disabled");
      if (!item) return close("item-gone");
      const skip = screenPerson(authorOf(item), config);
      if (skip) return close(skip);
      return post(claim, isIssue ? "firstIssue" : "firstPullRequest", item.number, { author: item.authorLogin });
    }
    case WELCOME_KINDS.firstMerge: {
      if (!welcome.enabled || !welcome.firstMerge) return close("disabled");
      const contributor = records.contributor;
      if (!contributor) return close("no-record");
      if (contributor.firstPullNumber === null || (item && item.number !== contributor.firstPullNumber)) return close("not-first");
      if (!item) return close("item-gone");
      const skip = screenMerge(authorOf(item), config);
      if (skip) return close(skip);
      const choice = chooseMergeMessage(records.historyKnown ? contributor.number : null, config);
      return post(claim, choice.message, item.number, { author: item.authorLogin, number: "number" in choice ? choice.number : null });
    }
    case WELCOME_KINDS.milestone: {
      if (!welcome.enabled || !welcome.announceMilestones) return close("disabled");
      const crossing = records.crossing;
      if (!crossing || crossing.login === null || crossing.itemNumber === null) return close("no-record");
      if (!item) return close("item-gone");
      return post(claim, "milestone", item.number, { author: crossing.login, number: crossing.value, threshold: crossing.threshold });
    }
    default:
      return close("unknown-kind");
  }
}

function post(
  claim: { kind: string; subject: string },
  message: WelcomePost["message"],
  issueNumber: number,
  facts: WelcomePost["facts"],
): RetryPlan {
  return { action: "post", post: { effect: claim.kind, subject: claim.subject, message, issueNumber, facts } };
}
