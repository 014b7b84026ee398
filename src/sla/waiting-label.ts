import type { StewardConfig } from "../config/schema.js";
import type { ClockItem } from "../domain/clock.js";
import type { ResponseClock } from "./response-clock.js";

/**
 * The author's reply whose waiting-for-author label Steward takes off now, if any: the item is
 * open, still carries the label, its author has replied since it was put on, and
 * `response.removeWaitingLabelOnReply` is on. The reply's time is the removal's period, so each
 * pause a reply lifts is one removal, done once, by the webhook or else by a later sweep. Pure.
 */
export function waitingLabelToRemove(item: ClockItem, clock: ResponseClock, config: StewardConfig): Date | null {
  if (!config.response.removeWaitingLabelOnReply || item.state !== "open") return null;
  return clock.waitingReplyAt;
}
