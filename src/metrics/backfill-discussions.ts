import {
  fetchDiscussionFollowUps,
  fetchDiscussionsPage,
  type DiscussionFollowUp,
  type GqlDiscussion,
  type GqlDiscussionComment,
} from "../github/backfill-discussions-query.js";
import { FOLLOW_UPS_PER_REQUEST, type RateLimitInfo } from "../github/backfill-queries.js";
import type { LedgerEvent } from "../domain/ledger.js";
import { recordBackfilledFacts } from "../store/backfilled-facts.js";
import type { KindPass } from "./backfill-kind.js";
import { actorOf } from "./backfill-mapping.js";
import type { PassContext } from "./backfill-passes.js";

/**
 * A discussion node as the facts `discussion.created`, `discussion.answered`, `discussion.closed`
 * (when closed now) and `discussion_comment.created`, with the natural keys and data of src/ingest/map-discussion-events.ts,
 * so a discussion seen by webhook and by backfill is stored once. Pure.
 */
export function discussionEvents(node: GqlDiscussion, comments: readonly GqlDiscussionComment[] = node.comments.nodes): LedgerEvent[] {
  const data = discussionData(node);
  const base = { itemNumber: node.number, isPull: null };
  const author = actorOf(node.author);
  const facts: LedgerEvent[] = [
    {
      ...base,
      data,
      kind: "discussion.created",
      naturalKey: `discussion:${node.databaseId}:created`,
      occurredAt: new Date(node.createdAt),
      actorLogin: author.login,
      actorId: author.id,
      actorType: author.type,
      association: node.authorAssociation,
    },
  ];
  if (node.answer && node.answerChosenAt) {
    // Only the current choice is known to GraphQL: earlier, unmarked answers are not in history.
    const chosenAt = new Date(node.answerChosenAt);
    const answerer = actorOf(node.answer.author);
    const chooser = actorOf(node.answerChosenBy);
    facts.push({
      ...base,
      data: { ...data, answerCommentId: node.answer.databaseId, answerAuthorLogin: answerer.login, answerAuthorId: answerer.id },
      kind: "discussion.answered",
      naturalKey: `discussion:${node.databaseId}:answered:${chosenAt.getTime()}`,
      occurredAt: chosenAt,
      actorLogin: chooser.login,
      actorId: chooser.id,
      actorType: chooser.type,
      association: null,
    });
  }
  if (node.closed && node.closedAt) {
    // GraphQL names no closer without a timeline read; the fact's time and key match the webhook's.
    const closedAt = new Date(node.closedAt);
    const closer = actorOf(null);
    facts.push({
      ...base,
      data,
      kind: "discussion.closed",
      naturalKey: `discussion:${node.databaseId}:closed:${closedAt.getTime()}`,
      occurredAt: closedAt,
      actorLogin: closer.login,
      actorId: closer.id,
      actorType: closer.type,
      association: null,
    });
  }
  for (const comment of comments) facts.push(commentEvent(node, comment));
  return facts;
}

/** A top-level comment (the backfill reads no replies: `parentId` is null). */
export function commentEvent(node: GqlDiscussion, comment: GqlDiscussionComment): LedgerEvent {
  const actor = actorOf(comment.author);
  return {
    itemNumber: node.number,
    isPull: null,
    data: { ...discussionData(node), commentId: comment.databaseId, parentId: null },
    kind: "discussion_comment.created",
    naturalKey: `discussion_comment:${comment.databaseId}:created`,
    occurredAt: new Date(comment.createdAt),
    actorLogin: actor.login,
    actorId: actor.id,
    actorType: actor.type,
    association: comment.authorAssociation,
  };
}

function discussionData(node: GqlDiscussion): Record<string, unknown> {
  return {
    discussionId: node.databaseId,
    nodeId: node.id,
    title: node.title,
    // GraphQL gives a category no database id; only its name, slug and format are read.
    category: { id: null, name: node.category.name, slug: node.category.slug, answerable: node.category.isAnswerable },
  };
}

/**
 * Discussions, each with its first comments; a discussion with more gets follow-up pages, batched
 * FOLLOW_UPS_PER_REQUEST to a request. In creation order; with `since`, most recently updated first,
 * stopping at the first one not updated since then (GitHub has no `since` filter on discussions).
 */
export function discussionsPass(ctx: PassContext): KindPass<GqlDiscussion> {
  const repo = { owner: ctx.repository.owner, repo: ctx.repository.name };
  return {
    kind: "discussions",
    fetch: (after, since) => fetchDiscussionsPage(ctx.octokit, repo, after, since !== null),
    async store(page, since) {
      const nodes = page.items.filter((node) => since === null || new Date(node.updatedAt) >= since);
      const comments = new Map(nodes.map((node) => [node.number, [...node.comments.nodes]]));
      let pending: DiscussionFollowUp[] = nodes.flatMap((node) => {
        const info = node.comments.pageInfo;
        return info.hasNextPage && info.endCursor ? [{ number: node.number, after: info.endCursor }] : [];
      });
      let requests = 0;
      let rateLimit: RateLimitInfo | null = null;
      while (pending.length > 0) {
        const batch = pending.slice(0, FOLLOW_UPS_PER_REQUEST);
        pending = pending.slice(FOLLOW_UPS_PER_REQUEST);
        requests++;
        const answer = await fetchDiscussionFollowUps(ctx.octokit, repo, batch);
        rateLimit = answer.rateLimit;
        for (const result of answer.results) {
          comments.get(result.number)?.push(...result.comments);
          if (result.pageInfo.hasNextPage && result.pageInfo.endCursor) pending.push({ number: result.number, after: result.pageInfo.endCursor });
        }
      }
      const events = nodes.flatMap((node) => discussionEvents(node, comments.get(node.number)));
      await recordBackfilledFacts(ctx.deps.db, ctx.repository.id, { events, items: [] });
      return { stored: nodes.length, reachedSince: nodes.length < page.items.length, requests, rateLimit };
    },
  };
}
