import { notFound } from "../errors.js";
import type { IssueRecord, RepoState } from "../model/types.js";
import { fullNameOf, intParam, repoFor } from "./access.js";
import { pagedList } from "./pagination.js";
import { pullShape, reviewCommentShape, reviewShape } from "./shapes-issue.js";
import { route, type RestContext, type RouteDef } from "./types.js";

/** Pull requests, their reviews and review comments (read-only for now). */
export const pullRoutes: RouteDef[] = [
  route("GET /repos/{owner}/{repo}/pulls", (ctx) => {
    const state = repoFor(ctx);
    return pagedList(ctx, listPulls(ctx, state), (pr) => pullShape(ctx, state, pr));
  }),

  route("GET /repos/{owner}/{repo}/pulls/{pull_number}", (ctx) => {
    const state = repoFor(ctx);
    return { body: pullShape(ctx, state, pullFor(ctx, state)) };
  }),

  route("GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews", (ctx) => {
    const state = repoFor(ctx);
    const reviews = ctx.model.listReviews(fullNameOf(state), pullFor(ctx, state).number);
    return pagedList(ctx, reviews, (r) => reviewShape(ctx, state, r));
  }),

  route("GET /repos/{owner}/{repo}/pulls/{pull_number}/comments", (ctx) => {
    const state = repoFor(ctx);
    const comments = ctx.model.listReviewComments(fullNameOf(state), pullFor(ctx, state).number);
    return pagedList(ctx, comments, (c) => reviewCommentShape(ctx, state, c));
  }),
];

function pullFor(ctx: RestContext, state: RepoState): IssueRecord {
  const issue = state.issues.get(intParam(ctx, "pull_number"));
  if (!issue?.pull) throw notFound();
  return issue;
}

/** `GET /pulls` filters: state, head ("owner:ref"), base, sort, direction (desc for created, else asc). */
function listPulls(ctx: RestContext, state: RepoState): IssueRecord[] {
  const q = ctx.query;
  const wanted = q.get("state") ?? "open";
  const head = q.get("head");
  const base = q.get("base");
  const sort = q.get("sort") ?? "created";
  const direction = q.get("direction") ?? (sort === "created" ? "desc" : "asc");
  const pulls = [...state.issues.values()].filter(
    (i) =>
      i.pull &&
      (wanted === "all" || i.state === wanted) &&
      (!head || `${state.repo.owner}:${i.pull.head.ref}` === head || i.pull.head.ref === head) &&
      (!base || i.pull.base.ref === base),
  );
  const key = (i: IssueRecord): string | number =>
    sort === "updated" ? i.updated_at : sort === "popularity" ? ctx.model.listComments(fullNameOf(state), i.number).length : i.created_at;
  return pulls.sort((a, b) => {
    const order = key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.number - b.number;
    return direction === "desc" ? -order : order;
  });
}
