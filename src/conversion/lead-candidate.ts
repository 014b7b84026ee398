import type { ItemSnapshot, LedgerEvent } from "../domain/ledger.js";
import { obj, str } from "../domain/payload-fields.js";
import type { Person } from "../people/roles.js";

/** What a ledger fact lets a user say: who wrote it, the texts they wrote, and whether it is an edit. */
export interface LeadCandidate {
  author: Person;
  /** The author's account id (null where GitHub gave none): the lead is the person, whatever their login. */
  authorId: number | null;
  /** Matched separately, so a phrase never runs from a title into a body. */
  texts: string[];
  /** An edit only adds terms its author had not yet used on that item. */
  edit: boolean;
}

const ITEM_KINDS = new Set(["issues.opened", "issues.edited", "pull_request.opened", "pull_request.edited"]);

/**
 * The text a user wrote in one fact of a delivery, for the interest matcher; null for facts that
 * carry none (labels, closes, stars). Issues and PRs count with their title and body, as their
 * author wrote them, also when someone else edits them; comments, review comments and reviews
 * with their body, as their author wrote it. Pure.
 */
export function leadCandidate(event: LedgerEvent, payload: Record<string, unknown>, item: ItemSnapshot | null): LeadCandidate | null {
  if (ITEM_KINDS.has(event.kind)) {
    if (!item) return null;
    const raw = obj(payload.issue) ?? obj(payload.pull_request);
    return {
      author: { login: item.authorLogin, type: item.authorType, association: item.authorAssociation },
      authorId: item.authorId,
      texts: [item.title, str(raw?.body) ?? ""],
      edit: event.kind.endsWith(".edited"),
    };
  }
  const subject =
    event.kind === "issue_comment.created" || event.kind === "issue_comment.edited" || event.kind === "pull_request_review_comment.created"
      ? obj(payload.comment)
      : event.kind === "pull_request_review.submitted"
        ? obj(payload.review)
        : null;
  const body = str(subject?.body);
  if (!subject || !body) return null;
  return {
    author: { login: event.actorLogin, type: event.actorType, association: event.association },
    authorId: event.actorId,
    texts: [body],
    edit: event.kind.endsWith(".edited"),
  };
}
