import type { StewardConfig } from "../config/schema.js";
import type { UserHistory } from "../domain/user-history.js";
import { isBot, isMaintainer, type Person } from "../people/roles.js";

/** What a user opened: an issue or a pull request. */
export type OpeningKind = "issue" | "pull";

/** Why someone gets no welcome, for the log. */
export type SkipReason = "disabled" | "bot" | "maintainer" | "mannequin" | "already-contributor";

/**
 * Who is never welcomed for an opening, whatever the history says: switched off, bots (never
 * contributors), maintainers, mannequins (placeholders of imported accounts nobody reads), and a
 * pull request by someone GitHub already calls a CONTRIBUTOR (commits in the repository: their
 * first contribution lies behind them). Null: a candidate, whose first still needs confirming.
 */
export function screenOpening(kind: OpeningKind, author: Person, config: StewardConfig): SkipReason | null {
  const welcome = config.welcome;
  if (!welcome.enabled || !(kind === "issue" ? welcome.firstIssue : welcome.firstPullRequest)) return "disabled";
  return screenPerson(author, config) ?? (kind === "pull" && author.association === "CONTRIBUTOR" ? "already-contributor" : null);
}

/** Bots, maintainers and mannequins get no message of any kind. */
export function screenPerson(author: Person, config: StewardConfig): SkipReason | null {
  if (isBot(author, config)) return "bot";
  if (isMaintainer(author, config)) return "maintainer";
  if (author.association === "MANNEQUIN" || author.type === "Mannequin") return "mannequin";
  return null;
}

/**
 * Whether item `number` is the user's first of its kind, from Steward's records (used once the
 * repository's history is known): how many of their openings of that kind have a lower number.
 * Numbers are handed out in creation order, so a lower number is an earlier item, and the
 * delivery's own event (already in the ledger) does not count.
 */
export function isFirstByRecords(earlierOpenings: number): boolean {
  return earlierOpenings === 0;
}

/**
 * Whether item `number` is the user's first of its kind, from one API read of their items in the
 * repository (before the history is known). An incomplete read that shows no earlier item of the
 * kind is not proof: someone with that many items is no newcomer, so it counts as not first.
 */
export function isFirstByUserHistory(kind: OpeningKind, number: number, history: UserHistory): boolean {
  const earlier = history.items.some((item) => item.isPull === (kind === "pull") && item.number < number);
  if (earlier) return false;
  return history.complete || history.items.some((item) => item.number === number);
}
