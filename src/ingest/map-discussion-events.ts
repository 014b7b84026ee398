import type { LedgerEntry, LedgerEvent } from "../domain/ledger.js";
import { num, obj, str, time, user, type Json } from "../domain/payload-fields.js";

type Mapped = Pick<LedgerEntry, "events" | "item" | "removedItemNumber">;

/** Actions that change a discussion's state, each a fact keyed by the discussion and the time it happened. */
const STATE_ACTIONS = ["unanswered", "closed", "reopened", "category_changed"] as const;
/** Actions after which the discussion is no longer this repository's: once ever each. */
const END_ACTIONS = ["deleted", "transferred"] as const;

/**
 * `discussion.created`, `discussion.answered` and `discussion_comment.created`, and the state
 * changes of DISCUSSION_STATE_KINDS (src/domain/clock.ts). A discussion is no
 * row of `items` (it is neither issue nor pull request, so `isPull` is null), but its number is
 * drawn from the sequence its repository's issues and pull requests use, so `itemNumber` names
 * it without ambiguity. Each fact carries the discussion's category as it was then: whether the
 * discussion is on the response clock is decided where the facts are read, by the configuration.
 */
export function mapDiscussion(action: string, payload: Json, receivedAt: Date): Mapped | null {
  const discussion = obj(payload.discussion);
  const id = num(discussion?.id);
  const number = num(discussion?.number);
  const createdAt = time(discussion?.created_at);
  if (!discussion || id === null || number === null || !createdAt) return null;
  const base = { itemNumber: number, isPull: null, data: discussionData(discussion) };
  if (action === "created") {
    const author = discussion.user;
    return only(
      fact(
        { ...base, kind: "discussion.created", naturalKey: `discussion:${id}:created`, occurredAt: createdAt },
        author,
        str(discussion.author_association),
      ),
    );
  }
  if (action === "answered") {
    const answer = obj(payload.answer);
    const chosenAt = time(discussion.answer_chosen_at) ?? time(discussion.updated_at);
    const answerId = num(answer?.id);
    if (!chosenAt || answerId === null) return null;
    const answerer = user(answer?.user);
    const data = { ...base.data, answerCommentId: answerId, answerAuthorLogin: answerer.login, answerAuthorId: answerer.id };
    // An answer can be unmarked and another chosen later: each choice is its own fact.
    const key = `discussion:${id}:answered:${chosenAt.getTime()}`;
    const chooser = discussion.answer_chosen_by ?? payload.sender;
    return only(fact({ ...base, data, kind: "discussion.answered", naturalKey: key, occurredAt: chosenAt }, chooser, null));
  }
  if (isOneOf(STATE_ACTIONS, action)) {
    // GitHub's payload has no time of its own for these: the discussion's `updated_at` is when it changed.
    const at = time(discussion.updated_at);
    if (!at) return null;
    const key = `discussion:${id}:${action}:${at.getTime()}`;
    return only(fact({ ...base, kind: `discussion.${action}`, naturalKey: key, occurredAt: at }, payload.sender, null));
  }
  if (isOneOf(END_ACTIONS, action)) {
    // Nothing in the payload says when it was deleted or moved away: it leaves the figures from its
    // last known update (or the delivery's arrival), so no digest ever counts it as waiting after.
    const key = `discussion:${id}:${action}`;
    const at = time(discussion.updated_at) ?? receivedAt;
    return only(fact({ ...base, kind: `discussion.${action}`, naturalKey: key, occurredAt: at }, payload.sender, null));
  }
  return null;
}

function isOneOf<T extends string>(list: readonly T[], value: string): value is T {
  return (list as readonly string[]).includes(value);
}

/** `discussion_comment.created`: a comment, or a reply (`parentId`) in a comment's thread. */
export function mapDiscussionComment(action: string, payload: Json): Mapped | null {
  const discussion = obj(payload.discussion);
  const comment = obj(payload.comment);
  const number = num(discussion?.number);
  const id = num(comment?.id);
  const createdAt = time(comment?.created_at);
  if (action !== "created" || !discussion || !comment || number === null || id === null || !createdAt) return null;
  const data = { ...discussionData(discussion), commentId: id, parentId: num(comment.parent_id) };
  const base = { kind: "discussion_comment.created", naturalKey: `discussion_comment:${id}:created`, occurredAt: createdAt };
  return only(fact({ ...base, itemNumber: number, isPull: null, data }, comment.user, str(comment.author_association)));
}

function discussionData(discussion: Json): Record<string, unknown> {
  const category = obj(discussion.category);
  return {
    discussionId: num(discussion.id),
    // The GraphQL id a reminder is posted under (addDiscussionComment takes no number).
    nodeId: str(discussion.node_id),
    title: str(discussion.title) ?? "",
    category: {
      id: num(category?.id),
      name: str(category?.name) ?? "",
      slug: str(category?.slug) ?? "",
      answerable: category?.is_answerable === true,
    },
  };
}

function fact(
  base: Pick<LedgerEvent, "kind" | "naturalKey" | "occurredAt" | "itemNumber" | "isPull" | "data">,
  actorRaw: unknown,
  association: string | null,
): LedgerEvent {
  const actor = user(actorRaw);
  return { ...base, actorLogin: actor.login, actorId: actor.id, actorType: actor.type, association };
}

function only(event: LedgerEvent): Mapped {
  return { events: [event], item: null, removedItemNumber: null };
}
