import { recordsOf } from "./records-by-number.js";
import type { IssueRecord, RepoState, StateReason, TimelineEventRecord, TimelineEventType } from "./types.js";

/**
 * The timeline events GitHub keeps for every change of a thread that Steward's response clock reads
 * (closes, reopens, labels put on and taken off, draft changes), recorded by the model's own
 * changes, so that the GraphQL `timelineItems` a backfill reads tell the same history as the
 * webhooks that were sent for it.
 */

/** Appends one event; `at` is the change's own time (the item's `updated_at` after it). */
export function recordTimeline(
  state: RepoState,
  issue: IssueRecord,
  type: TimelineEventType,
  actor: string | null,
  at: string,
  detail: { label?: string; stateReason?: StateReason } = {},
): TimelineEventRecord {
  const event: TimelineEventRecord = {
    seq: state.timeline.length,
    type,
    issue_number: issue.number,
    actor,
    created_at: at,
    label: detail.label ?? null,
    state_reason: detail.stateReason ?? null,
  };
  state.timeline.push(event);
  return event;
}

/** A labeled event per name in `after` and not in `before`, an unlabeled one per name gone (names match without case). */
export function recordLabelChanges(state: RepoState, issue: IssueRecord, before: readonly string[], actor: string | null, at: string): void {
  const has = (list: readonly string[], name: string) => list.some((n) => n.toLowerCase() === name.toLowerCase());
  for (const name of before) if (!has(issue.labels, name)) recordTimeline(state, issue, "UnlabeledEvent", actor, at, { label: name });
  for (const name of issue.labels) if (!has(before, name)) recordTimeline(state, issue, "LabeledEvent", actor, at, { label: name });
}

/** An item's timeline, oldest first (seeds may record out of time order; GitHub lists by time). */
export function timelineOf(state: RepoState, number: number): TimelineEventRecord[] {
  return recordsOf(state.timeline, number, (event) => event.issue_number).sort((a, b) =>
    a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : a.seq - b.seq,
  );
}

/**
 * Marks an open pull request ready for review (`draft` false) or converts it to a draft, as GitHub's
 * buttons do; GitHub refuses either on a closed pull request or one already in that state.
 */
export function setPullDraft(state: RepoState, pull: IssueRecord, draft: boolean, actor: string, at: string): IssueRecord {
  if (!pull.pull || pull.state !== "open") throw new Error(`sandbox: #${pull.number} is not an open pull request`);
  if (pull.pull.draft === draft) throw new Error(`sandbox: #${pull.number} is ${draft ? "already a draft" : "already ready for review"}`);
  pull.pull.draft = draft;
  pull.updated_at = at;
  recordTimeline(state, pull, draft ? "ConvertToDraftEvent" : "ReadyForReviewEvent", actor, at);
  return pull;
}
