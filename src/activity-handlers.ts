import { handleLeadActivity } from "./conversion/handle-lead-activity.js";
import type { ItemActivityHandler } from "./runtime/item-activity.js";
import { handleResponseActivity } from "./sla/handle-response-activity.js";
import { handleWaitingReply } from "./sla/handle-waiting-reply.js";
import { handleWelcomeActivity } from "./welcome/handle-welcome-activity.js";

/**
 * The features that react to issue and pull-request activity, in the order they run for each
 * fresh delivery. Each runs even when an earlier one failed.
 */
export const ITEM_ACTIVITY_HANDLERS: ReadonlyArray<{ feature: string; handle: ItemActivityHandler }> = [
  { feature: "welcome", handle: handleWelcomeActivity },
  { feature: "response", handle: handleResponseActivity },
  { feature: "waiting label", handle: handleWaitingReply },
  { feature: "conversion", handle: handleLeadActivity },
];
