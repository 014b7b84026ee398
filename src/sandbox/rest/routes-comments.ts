import { notFound, validationFailed } from "../errors.js";
import type { CommentRecord, RepoState } from "../model/types.js";
import { bodyObject, fullNameOf, intParam, optionalString, repoFor, timeQuery } from "./access.js";
import { pagedList } from "./pagination.js";
import { checkBodyLength, issueFor } from "./routes-issues.js";
import { commentShape } from "./shapes-issue.js";
import { route, type RestContext, type RouteDef } from "./types.js";

/** Issue comments (pull requests' conversation comments are issue comments too). */
export const commentRoutes: RouteDef[] = [
  route("GET /repos/{owner}/{repo}/issues/{issue_number}/comments", (ctx) => {
    const state = repoFor(ctx);
    const issue = issueFor(ctx, state);
    const comments = since(ctx, ctx.model.listComments(fullNameOf(state), issue.number));
    return pagedList(ctx, comments, (c) => commentShape(ctx, state, c));
  }),

  route("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", (ctx) => {
    const state = repoFor(ctx);
    const issue = issueFor(ctx, state);
    const text = requiredBody(ctx);
    const comment = ctx.model.addComment(fullNameOf(state), issue.number, { user: ctx.app.botLogin, body: text });
    return {
      status: 201,
      body: commentShape(ctx, state, comment),
      headers: { location: `${ctx.urls.api}/repos/${fullNameOf(state)}/issues/comments/${comment.id}` },
    };
  }),

  route("GET /repos/{owner}/{repo}/issues/comments", (ctx) => {
    const state = repoFor(ctx);
    const sort = ctx.query.get("sort") ?? "created";
    const descending = ctx.query.get("direction") === "desc";
    const key = (c: CommentRecord) => (sort === "updated" ? c.updated_at : c.created_at);
    const comments = since(ctx, [...ctx.model.listRepoComments(fullNameOf(state))]).sort((a, b) => {
      const order = key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.id - b.id;
      return descending ? -order : order;
    });
    return pagedList(ctx, comments, (c) => commentShape(ctx, state, c));
  }),

  route("GET /repos/{owner}/{repo}/issues/comments/{comment_id}", (ctx) => {
    const state = repoFor(ctx);
    return { body: commentShape(ctx, state, commentFor(ctx, state)) };
  }),

  route("PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}", (ctx) => {
    const state = repoFor(ctx);
    const comment = commentFor(ctx, state);
    const updated = ctx.model.updateComment(fullNameOf(state), comment.id, requiredBody(ctx));
    if (!updated) throw notFound();
    return { body: commentShape(ctx, state, updated) };
  }),

  route("DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}", (ctx) => {
    const state = repoFor(ctx);
    ctx.model.deleteComment(fullNameOf(state), commentFor(ctx, state).id);
    return { status: 204 };
  }),
];

function commentFor(ctx: RestContext, state: RepoState): CommentRecord {
  const comment = ctx.model.getComment(fullNameOf(state), intParam(ctx, "comment_id"));
  if (!comment) throw notFound();
  return comment;
}

function requiredBody(ctx: RestContext): string {
  const text = optionalString(bodyObject(ctx), "body");
  if (text === undefined || text.length === 0) throw validationFailed("IssueComment", "body", "missing_field");
  checkBodyLength("IssueComment", text);
  return text;
}

/** The `since` filter of the comment lists: only comments updated at or after it. */
function since(ctx: RestContext, comments: CommentRecord[]): CommentRecord[] {
  const iso = timeQuery(ctx, "since");
  return iso === null ? comments : comments.filter((c) => c.updated_at >= iso);
}
