import type { LedgerEvent } from "../domain/ledger.js";
import { isCommunity } from "../people/roles.js";
import type { ItemActivity } from "../runtime/item-activity.js";
import { recordLeadSignal } from "../store/leads.js";
import { refreshProfile } from "./handle-lead-activity.js";

/** The term a maintainer's `/steward lead` is recorded with, where a lead's own words give theirs. */
export const MAINTAINER_TERM = "maintainer";

/**
 * A maintainer's correction of the conversion records (README, "Maintainer commands"):
 * `/steward lead` records the item's author as a lead (`marked`, term "maintainer"), `/steward
 * not-lead` takes them off the repository's leads (`dismissed`) until a later `/steward lead`.
 * Stored under the command's natural key, so a redelivery records nothing more, at the command's
 * time, so a digest made again for an earlier week is unchanged. Only a community author can be a
 * lead: on a maintainer's or a bot's item the command records nothing. The caller checked that a
 * maintainer gave it.
 */
export async function applyLeadCommand(activity: ItemActivity, fact: LedgerEvent): Promise<void> {
  const item = activity.entry.item;
  if (!item || (fact.kind !== "command.lead" && fact.kind !== "command.not-lead")) return;
  if (!isCommunity({ login: item.authorLogin, type: item.authorType, association: item.authorAssociation }, activity.config)) return;
  const marked = fact.kind === "command.lead";
  const recorded = await recordLeadSignal(activity.db, {
    repositoryId: activity.repository.id,
    naturalKey: fact.naturalKey,
    login: item.authorLogin,
    userId: item.authorId,
    itemNumber: item.number,
    terms: marked ? [MAINTAINER_TERM] : [],
    occurredAt: fact.occurredAt,
    kind: marked ? "marked" : "dismissed",
  });
  if (recorded && marked && item.authorId !== null) await refreshProfile(activity, item.authorLogin, item.authorId);
}
