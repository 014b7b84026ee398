import { handleCommands } from "./commands/handle-commands.js";
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
  { feature: "commands", handle: handleCommands },
];

/**
 * The webhook events the features above react to. Stars and forks are only recorded: no feature
 * acts on them, so their payloads are not kept for a re-run (see app/handle-ledger-delivery.ts).
 * `discussion` is here for the welcome of a first discussion; the other features return on it at
 * once (no `entry.item`). `discussion_comment` stays recorded only: the sweep reads its facts.
 */
export const ITEM_ACTIVITY_EVENTS: ReadonlySet<string> = new Set([
  "issues",
  "issue_comment",
  "pull_request",
  "pull_request_review",
  "pull_request_review_comment",
  "discussion",
]);
