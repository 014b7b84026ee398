import type { GqlActor, GqlComment, GqlReview, GqlStarEdge, GqlThread } from "../github/backfill-queries.js";
import { GHOST_ACCOUNT_ID, personKey } from "../domain/identity.js";
import type { ItemSnapshot, LedgerEvent } from "../domain/ledger.js";

/**
 * Turns the backfill's GraphQL nodes into the very ledger facts the webhooks record, with the
 * same natural keys (see src/ingest/map-item-events.ts and map-repository-events.ts), so a fact
 * learnt both ways is stored once. Pure.
 */

export interface Actor {
  login: string;
  id: number | null;
  type: string;
}

/**
 * GraphQL names bots without the `[bot]` suffix webhooks use; restoring it keeps keys, roles and
 * counts the same whichever way a fact arrived. A deleted account is GitHub's "ghost", with the id
 * its webhooks give it, so every deleted author is one person however the fact arrived.
 */
export function actorOf(raw: GqlActor | null | undefined): Actor {
  if (!raw) return { login: "ghost", id: GHOST_ACCOUNT_ID, type: "User" };
  const isBot = raw.__typename === "Bot";
  const login = isBot && !raw.login.endsWith("[bot]") ? `${raw.login}[bot]` : raw.login;
  return { login, id: raw.databaseId ?? null, type: isBot ? "Bot" : raw.__typename === "Organization" ? "Organization" : "User" };
}

const at = (iso: string) => new Date(iso);

function event(base: Omit<LedgerEvent, "actorLogin" | "actorId" | "actorType">, actor: Actor): LedgerEvent {
  return { ...base, actorLogin: actor.login, actorId: actor.id, actorType: actor.type };
}

/** A stargazer edge: `star.created` at `starredAt`, keyed like the webhook's. */
export function starEvent(edge: GqlStarEdge): LedgerEvent {
  const actor = actorOf(edge.node);
  const starredAt = at(edge.starredAt);
  return event(
    {
      kind: "star.created",
      naturalKey: `star:${personKey(actor)}:${starredAt.getTime()}`,
      association: null,
      itemNumber: null,
      isPull: null,
      occurredAt: starredAt,
      data: null,
    },
    actor,
  );
}

/** The `items` row of an issue or pull request. */
export function threadSnapshot(node: GqlThread, isPull: boolean): ItemSnapshot {
  const author = actorOf(node.author);
  const createdAt = at(node.createdAt);
  return {
    number: node.number,
    isPull,
    title: node.title,
    authorLogin: author.login,
    authorId: author.id,
    authorType: author.type,
    authorAssociation: node.authorAssociation,
    state: node.state === "OPEN" ? "open" : "closed",
    draft: node.isDraft === true,
    locked: node.locked,
    labels: node.labels.nodes.map((l) => l.name),
    assignees: node.assignees.nodes.map((a) => a.login),
    createdAt,
    updatedAt: node.updatedAt ? at(node.updatedAt) : createdAt,
    closedAt: node.closedAt ? at(node.closedAt) : null,
    mergedAt: node.mergedAt ? at(node.mergedAt) : null,
  };
}

/**
 * The facts of one issue or pull request: its opening, its merge and the comments and reviews read
 * with it. Follow-up pages of comments and reviews go through the functions below; closes, reopens,
 * labels and draft changes come from its timeline (`timelineFacts`, backfill-timeline.ts), which
 * also tells whether a pull request was opened as a draft (`draftAtOpening`; else its draft state now).
 */
export function threadEvents(node: GqlThread, isPull: boolean, draftAtOpening = node.isDraft === true): LedgerEvent[] {
  const item = threadSnapshot(node, isPull);
  const base = { itemNumber: item.number, isPull };
  const author = actorOf(node.author);
  const events: LedgerEvent[] = [openedEvent(node, isPull, draftAtOpening)];
  if (isPull && item.mergedAt) {
    const mergedBy = node.mergedBy ? actorOf(node.mergedBy).login : null;
    events.push(
      event(
        {
          ...base,
          kind: "pull_request.merged",
          naturalKey: `pr:${node.databaseId}:merged`,
          association: item.authorAssociation,
          occurredAt: item.mergedAt,
          data: mergedBy ? { mergedBy } : null,
        },
        author,
      ),
    );
  }
  for (const comment of node.comments.nodes) events.push(commentEvent(comment, item.number, isPull));
  for (const review of node.reviews?.nodes ?? []) {
    const mapped = reviewEvent(review, item.number);
    if (mapped) events.push(mapped);
  }
  return events;
}

/** The opening of an issue or pull request: `issues.opened` or `pull_request.opened`. */
export function openedEvent(node: GqlThread, isPull: boolean, draftAtOpening = node.isDraft === true): LedgerEvent {
  return event(
    {
      kind: `${isPull ? "pull_request" : "issues"}.opened`,
      naturalKey: `${isPull ? "pr" : "issue"}:${node.databaseId}:opened`,
      association: node.authorAssociation,
      itemNumber: node.number,
      isPull,
      occurredAt: at(node.createdAt),
      data: isPull && draftAtOpening ? { draft: true } : null,
    },
    actorOf(node.author),
  );
}

/** An issue comment: `issue_comment.created`. */
export function commentEvent(comment: GqlComment, itemNumber: number, isPull: boolean): LedgerEvent {
  return event(
    {
      kind: "issue_comment.created",
      naturalKey: `comment:${comment.databaseId}:created`,
      association: comment.authorAssociation,
      itemNumber,
      isPull,
      occurredAt: at(comment.createdAt),
      data: { commentId: comment.databaseId },
    },
    actorOf(comment.author),
  );
}

/** A submitted review: `pull_request_review.submitted`. A pending (unsubmitted) one is no fact yet. */
export function reviewEvent(review: GqlReview, itemNumber: number): LedgerEvent | null {
  if (!review.submittedAt || review.state === "PENDING") return null;
  return event(
    {
      kind: "pull_request_review.submitted",
      naturalKey: `review:${review.databaseId}:submitted`,
      association: review.authorAssociation,
      itemNumber,
      isPull: true,
      occurredAt: at(review.submittedAt),
      data: { state: review.state.toLowerCase() },
    },
    actorOf(review.author),
  );
}
