import { itemSnapshot } from "./item-snapshot.js";
import { commandEvent } from "./map-command.js";
import type { LedgerEvent, LedgerEntry } from "../domain/ledger.js";
import { num, obj, str, time, user, type Json } from "../domain/payload-fields.js";

type Mapped = Pick<LedgerEntry, "events" | "item" | "removedItemNumber">;

function actorEvent(
  base: { kind: string; naturalKey: string; occurredAt: Date; itemNumber: number; isPull: boolean },
  actorRaw: unknown,
  association: string | null,
  data: Record<string, unknown> | null = null,
): LedgerEvent {
  const actor = user(actorRaw);
  return { ...base, actorLogin: actor.login, actorId: actor.id, actorType: actor.type, association, data };
}

/** What a labeled/assigned/review-requested action was about, so two in one second stay distinct. */
function actionTarget(payload: Json): string {
  return (
    str(obj(payload.label)?.name) ??
    str(obj(payload.assignee)?.login) ??
    str(obj(payload.requested_reviewer)?.login) ??
    str(obj(payload.requested_team)?.slug) ??
    str(payload.after) ??
    ""
  );
}

/** `issues.*`: the opening and closing times come from the issue itself. */
export function mapIssues(action: string, payload: Json): Mapped | null {
  const issue = obj(payload.issue);
  const id = num(issue?.id);
  const item = itemSnapshot(issue, obj(issue?.pull_request) !== null);
  if (!issue || id === null || !item) return null;
  const base = { itemNumber: item.number, isPull: item.isPull };
  let event: LedgerEvent;
  if (action === "opened") {
    event = actorEvent(
      { ...base, kind: "issues.opened", naturalKey: `issue:${id}:opened`, occurredAt: item.createdAt },
      issue.user,
      item.authorAssociation,
    );
  } else {
    const at = action === "closed" ? (item.closedAt ?? item.updatedAt) : item.updatedAt;
    const data = action === "closed" ? { stateReason: str(issue.state_reason) } : targetData(payload);
    event = actorEvent(
      {
        ...base,
        kind: `issues.${action}`,
        naturalKey: `issue:${id}:${action}:${at.getTime()}:${actionTarget(payload)}`,
        occurredAt: at,
      },
      payload.sender,
      null,
      data,
    );
  }
  const gone = action === "deleted" || action === "transferred";
  return { events: [event], item: gone ? null : item, removedItemNumber: gone ? item.number : null };
}

function targetData(payload: Json): Record<string, unknown> | null {
  const target = actionTarget(payload);
  return target ? { target } : null;
}

/** `issue_comment.*`: the comment's author and times; the issue comes along for the items table. */
export function mapIssueComment(action: string, payload: Json): Mapped | null {
  const comment = obj(payload.comment);
  const issue = obj(payload.issue);
  const id = num(comment?.id);
  const item = itemSnapshot(issue, obj(issue?.pull_request) !== null);
  const createdAt = time(comment?.created_at);
  if (!comment || id === null || !item || !createdAt) return null;
  const at = action === "created" ? createdAt : (time(comment.updated_at) ?? createdAt);
  const key = action === "edited" ? `comment:${id}:edited:${at.getTime()}` : `comment:${id}:${action}`;
  const base = { occurredAt: at, itemNumber: item.number, isPull: item.isPull };
  const association = str(comment.author_association);
  // Only a new comment gives a command: an edit or a redelivery never applies one again.
  const command = action === "created" ? commandEvent(id, str(comment.body) ?? "", at) : null;
  const data = command?.onlyCommands ? { commentId: id, onlyCommands: true } : { commentId: id };
  const event = actorEvent({ ...base, kind: `issue_comment.${action}`, naturalKey: key }, comment.user, association, data);
  const events = [event];
  if (command?.fact) events.push(actorEvent({ ...base, ...command.fact.base }, comment.user, association, command.fact.data));
  return { events, item, removedItemNumber: null };
}

/** `pull_request.*`: a close with `merged: true` is recorded as `pull_request.merged`. */
export function mapPullRequest(action: string, payload: Json): Mapped | null {
  const pr = obj(payload.pull_request);
  const id = num(pr?.id);
  const item = itemSnapshot(pr, true);
  if (!pr || id === null || !item) return null;
  const base = { itemNumber: item.number, isPull: true };
  let event: LedgerEvent;
  if (action === "opened") {
    event = actorEvent(
      { ...base, kind: "pull_request.opened", naturalKey: `pr:${id}:opened`, occurredAt: item.createdAt },
      pr.user,
      item.authorAssociation,
      item.draft ? { draft: true } : null,
    );
  } else if (action === "closed" && pr.merged === true) {
    const mergedBy = obj(pr.merged_by);
    event = actorEvent(
      { ...base, kind: "pull_request.merged", naturalKey: `pr:${id}:merged`, occurredAt: item.mergedAt ?? item.updatedAt },
      pr.user,
      item.authorAssociation,
      mergedBy ? { mergedBy: user(mergedBy).login } : null,
    );
  } else {
    const at = action === "closed" ? (item.closedAt ?? item.updatedAt) : item.updatedAt;
    event = actorEvent(
      {
        ...base,
        kind: `pull_request.${action}`,
        naturalKey: `pr:${id}:${action}:${at.getTime()}:${actionTarget(payload)}`,
        occurredAt: at,
      },
      payload.sender,
      null,
      targetData(payload),
    );
  }
  return { events: [event], item, removedItemNumber: null };
}

/** `pull_request_review.*` and `pull_request_review_comment.*`. */
export function mapReview(eventName: string, action: string, payload: Json): Mapped | null {
  const isComment = eventName === "pull_request_review_comment";
  const subject = obj(isComment ? payload.comment : payload.review);
  const id = num(subject?.id);
  const item = itemSnapshot(payload.pull_request, true);
  const created = time(isComment ? subject?.created_at : subject?.submitted_at);
  const at = action === "edited" || action === "dismissed" ? (time(subject?.updated_at) ?? created) : created;
  if (!subject || id === null || !item || !at) return null;
  const prefix = isComment ? "review_comment" : "review";
  const key = action === "edited" ? `${prefix}:${id}:edited:${at.getTime()}` : `${prefix}:${id}:${action}`;
  const state = str(subject.state);
  const event = actorEvent(
    { kind: `${eventName}.${action}`, naturalKey: key, occurredAt: at, itemNumber: item.number, isPull: true },
    subject.user,
    str(subject.author_association),
    !isComment && state ? { state: state.toLowerCase() } : null,
  );
  return { events: [event], item, removedItemNumber: null };
}
