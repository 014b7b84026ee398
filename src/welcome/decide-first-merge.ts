import type { StewardConfig } from "../config/schema.js";
import type { PersonRef } from "../domain/identity.js";
import type { Person } from "../people/roles.js";
import { screenPerson, type SkipReason } from "./decide-first-opening.js";
import type { UserHistory } from "../domain/user-history.js";

/** The congratulation a first merged pull request gets. */
export type MergeMessage = { message: "foundingContributor" | "firstMerge"; number: number } | { message: "firstMergeWithoutNumber" };

/** Who gets no congratulation for a merge (their contribution is still recorded). */
export function screenMerge(author: Person, config: StewardConfig): SkipReason | null {
  if (!config.welcome.enabled || !config.welcome.firstMerge) return "disabled";
  return screenPerson(author, config);
}

/**
 * Whether the merge of `pullNumber` is the contributor's first contribution, by Steward's record:
 * their first contribution is this pull request. Asking the record rather than "was the row just
 * inserted" gives the same answer on every redelivery, so a failed post can be retried.
 */
export function isFirstMergeByRecords(contributor: { firstPullNumber: number | null } | undefined, pullNumber: number): boolean {
  return contributor?.firstPullNumber === pullNumber;
}

/**
 * Before the history is known, the record only knows merges since Steward came: one API read of
 * the user's items must show no other pull request merged before this one. An incomplete read
 * without one is not proof, so it counts as not first.
 */
export function isFirstMergeByUserHistory(pullNumber: number, mergedAt: Date, history: UserHistory): boolean {
  const earlier = history.items.some(
    (item) =>
      item.isPull &&
      item.number !== pullNumber &&
      item.mergedAt !== null &&
      (item.mergedAt.getTime() < mergedAt.getTime() || (item.mergedAt.getTime() === mergedAt.getTime() && item.number < pullNumber)),
  );
  if (earlier) return false;
  return history.complete || history.items.some((item) => item.number === pullNumber);
}

/**
 * Which congratulation: the founding-contributor message for the first `foundingContributors`,
 * the numbered one after them, and without a number while the history is unknown (a wrong number
 * is worse than none).
 */
export function chooseMergeMessage(number: number | null, config: StewardConfig): MergeMessage {
  if (number === null) return { message: "firstMergeWithoutNumber" };
  if (number <= config.welcome.foundingContributors) return { message: "foundingContributor", number };
  return { message: "firstMerge", number };
}

/**
 * The contributor milestones to announce on pull request `pullNumber`: those its author crossed
 * with it, where announcing is on. Derived from the recorded crossings, so a redelivery finds the
 * same ones (and the announcement's claim keeps it to one). The author is matched by account id
 * where both sides know it (a login may have changed since), else by login.
 */
export function milestonesToAnnounce<C extends { metric: string; login: string | null; userId?: number | null; itemNumber: number | null }>(
  crossings: readonly C[],
  author: PersonRef,
  pullNumber: number,
  config: StewardConfig,
): C[] {
  if (!config.welcome.enabled || !config.welcome.announceMilestones) return [];
  const byAuthor = (c: C) => (c.userId != null && author.id !== null ? c.userId === author.id : c.login === author.login);
  return crossings.filter((c) => c.metric === "contributors" && byAuthor(c) && c.itemNumber === pullNumber);
}
