import type { GqlActor, GqlComment, GqlReview, GqlThread } from "../github/backfill-queries.js";
import type { WrittenFact } from "../conversion/history-leads.js";
import { commentEvent, openedEvent, reviewEvent } from "./backfill-mapping.js";

/**
 * What people wrote in the items the backfill reads, beside the ledger fact each text came with, for
 * the lead matcher (src/conversion/history-leads.ts). The texts are as they read now: an edited
 * body counts with its edits, under the key of its opening or creation, as its webhook would have
 * been recorded. Pure.
 */

/** The company where the read gave one (users only); undefined where it could not. */
function companyOf(author: GqlActor | null): string | null | undefined {
  return author?.__typename === "User" && author.company !== undefined ? author.company : undefined;
}

/** An issue's or PR's title and body, and the comments and reviews read with it. */
export function threadWritings(node: GqlThread, isPull: boolean): WrittenFact[] {
  return [
    { fact: openedEvent(node, isPull), texts: [node.title, node.body ?? ""], company: companyOf(node.author) },
    ...node.comments.nodes.map((comment) => commentWriting(comment, node.number, isPull)),
    ...(node.reviews?.nodes ?? []).flatMap((review) => reviewWriting(review, node.number)),
  ];
}

export function commentWriting(comment: GqlComment, itemNumber: number, isPull: boolean): WrittenFact {
  return { fact: commentEvent(comment, itemNumber, isPull), texts: [comment.body ?? ""], company: companyOf(comment.author) };
}

/** A submitted review's body; a pending one is no fact, and so no signal. */
export function reviewWriting(review: GqlReview, itemNumber: number): WrittenFact[] {
  const fact = reviewEvent(review, itemNumber);
  return fact && review.body ? [{ fact, texts: [review.body], company: companyOf(review.author) }] : [];
}
