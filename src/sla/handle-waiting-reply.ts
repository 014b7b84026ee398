import { isCommunity } from "../people/roles.js";
import type { ItemActivityHandler } from "../runtime/item-activity.js";
import { itemEffectContext, storedItemOnTheClock } from "./item-on-the-clock.js";
import { isAuthorReply } from "./off-clock-spans.js";
import { computeResponseClock } from "./response-clock.js";
import { unlabelWaiting } from "./send-reminder.js";
import { waitingLabelToRemove } from "./waiting-label.js";

/**
 * When the author of a community item replies while it carries the waiting-for-author label, the
 * label comes off at once (`response.removeWaitingLabelOnReply`, as actions/stale does): the
 * author did what was waited for. The clock runs again from the reply whether or not it comes off.
 * A removal that fails stays claimed and the next sweep finishes it.
 */
export const handleWaitingReply: ItemActivityHandler = async (activity) => {
  const { config, entry, repository } = activity;
  const response = config.response;
  if (!response.enabled || !response.removeWaitingLabelOnReply || !entry.item) return;
  const snapshot = entry.item;
  // Cheap checks first, on the payload's own view (GitHub's, as of this delivery).
  if (!snapshot.labels.some((l) => l.toLowerCase() === response.waitingLabel.toLowerCase())) return;
  if (!entry.events.some((event) => isAuthorReply(event, snapshot))) return;
  if (!isCommunity({ login: snapshot.authorLogin, type: snapshot.authorType, association: snapshot.authorAssociation }, config)) return;
  const stored = await storedItemOnTheClock(activity, snapshot.number);
  if (!stored) return;
  const { item, events } = stored;
  const replyAt = waitingLabelToRemove(item, computeResponseClock(item, events, config, activity.now()), config);
  if (!replyAt) return;
  const outcome = await unlabelWaiting(itemEffectContext(activity, item.number), response.waitingLabel, replyAt);
  if (outcome.status === "failed") {
    activity.log.warn(
      `${repository.fullName}#${item.number}: could not remove the ${response.waitingLabel} label (${outcome.error}); the next sweep retries`,
    );
  }
};
