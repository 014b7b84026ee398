import type { ItemActivityHandler } from "../runtime/item-activity.js";
import { isCommunity } from "../people/roles.js";
import { itemEffectContext, storedItemOnTheClock } from "./item-on-the-clock.js";
import { computeResponseClock, respondent } from "./response-clock.js";
import { unlabelAnswered } from "./send-reminder.js";

/**
 * Live updates of the response clock: when a delivery brings a community item's first response
 * (a maintainer's comment or review, or a close by a maintainer), the breached label comes off at
 * once. Nothing else is needed to stop the reminders: the sweep reads the same ledger, sees the
 * response and sends nothing more.
 */
export const handleResponseActivity: ItemActivityHandler = async (activity) => {
  const { config, entry, repository } = activity;
  if (!config.response.enabled || !entry.item) return;
  const snapshot = entry.item;
  const label = config.response.breachedLabel;
  // Only the payload's own view of the labels counts here: it is GitHub's, as of this delivery.
  if (!snapshot.labels.some((l) => l.toLowerCase() === label.toLowerCase())) return;
  if (!isCommunity({ login: snapshot.authorLogin, type: snapshot.authorType, association: snapshot.authorAssociation }, config)) return;
  const stored = await storedItemOnTheClock(activity, snapshot.number);
  if (!stored) return;
  const { item, events } = stored;
  if (!entry.events.some((e) => respondent({ ...e, data: e.data }, item, config) !== null)) return;
  const clock = computeResponseClock(item, events, config, activity.now());
  if (clock.firstResponse === null) return;
  const outcome = await unlabelAnswered(itemEffectContext(activity, item.number), label);
  if (outcome.status === "failed") {
    activity.log.warn(`${repository.fullName}#${item.number}: could not remove the ${label} label (${outcome.error}); the next sweep retries`);
  }
};
