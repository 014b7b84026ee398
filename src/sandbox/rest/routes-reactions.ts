import { notFound, validationFailed } from "../errors.js";
import { REACTION_CONTENTS, type ReactionContent, type ReactionRecord } from "../model/types.js";
import { bodyObject, fullNameOf, intParam, optionalString, repoFor } from "./access.js";
import { pagedList } from "./pagination.js";
import { simpleUser } from "./shapes-account.js";
import { route, type RestContext, type RouteDef } from "./types.js";

/** Reactions on issue comments: what Steward acknowledges a command with. */
export const reactionRoutes: RouteDef[] = [
  route("GET /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions", (ctx) => {
    const state = repoFor(ctx);
    const commentId = existingComment(ctx, fullNameOf(state));
    const content = ctx.query.get("content");
    const reactions = ctx.model.listReactions(fullNameOf(state), commentId).filter((r) => content === null || r.content === content);
    return pagedList(ctx, reactions, (r) => reactionShape(ctx, r));
  }),

  // GitHub answers 201 for a new reaction and 200 with the existing one when the user already gave it.
  route("POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions", (ctx) => {
    const state = repoFor(ctx);
    const commentId = existingComment(ctx, fullNameOf(state));
    const content = optionalString(bodyObject(ctx), "content");
    if (content === undefined || !(REACTION_CONTENTS as readonly string[]).includes(content)) {
      throw validationFailed("Reaction", "content", content === undefined ? "missing_field" : "invalid");
    }
    const { reaction, created } = ctx.model.addReaction(fullNameOf(state), commentId, ctx.app.botLogin, content as ReactionContent);
    return { status: created ? 201 : 200, body: reactionShape(ctx, reaction) };
  }),
];

function existingComment(ctx: RestContext, fullName: string): number {
  const id = intParam(ctx, "comment_id");
  if (!ctx.model.getComment(fullName, id)) throw notFound();
  return id;
}

function reactionShape(ctx: RestContext, reaction: ReactionRecord): Record<string, unknown> {
  return {
    id: reaction.id,
    node_id: reaction.node_id,
    user: simpleUser(ctx, reaction.user),
    content: reaction.content,
    created_at: reaction.created_at,
  };
}
