import type { ClockEvent, ClockItem } from "../domain/clock.js";

/**
 * When an item's response clock starts (epoch ms), or null while it has not. Pure; `sorted` is the
 * item's facts in time order.
 *
 * An issue, a pull request opened for review, or any item with `draftsOnClock`: at its opening. A
 * pull request opened as a draft asks for no review yet, so its clock starts at its first "ready
 * for review" and what maintainers said before does not count as its first response (as
 * issue-metrics measures from ready for review); otherwise a comment on the draft would stop the
 * clock and the PR marked ready later would never be reminded. Without its opening fact (history
 * from before Steward) a PR counts as opened as a draft when its first draft fact is "ready for
 * review", or when it has none and is a draft now.
 */
export function clockStart(item: ClockItem, sorted: readonly ClockEvent[], draftsOnClock: boolean): number | null {
  const opened = item.createdAt.getTime();
  if (!item.isPull || draftsOnClock) return opened;
  const openedFact = sorted.find((event) => event.kind === "pull_request.opened");
  const firstDraftFact = sorted.find((event) => event.kind === "pull_request.ready_for_review" || event.kind === "pull_request.converted_to_draft");
  const openedAsDraft = openedFact
    ? openedFact.data?.draft === true
    : firstDraftFact
      ? firstDraftFact.kind === "pull_request.ready_for_review"
      : item.draft;
  if (!openedAsDraft) return opened;
  const ready = sorted.find((event) => event.kind === "pull_request.ready_for_review");
  if (ready) return Math.max(ready.occurredAt.getTime(), opened);
  // Never seen ready: still a draft, or the ready delivery was lost and the item's last update is the best date.
  return item.draft ? null : Math.max(item.updatedAt.getTime(), opened);
}
