import { notFound, SandboxHttpError, validationFailed } from "../errors.js";
import type { IssueRecord, RepoState, StateReason } from "../model/types.js";
import { bodyObject, fullNameOf, intParam, optionalString, optionalStringList, repoFor, timeQuery } from "./access.js";
import { pagedList } from "./pagination.js";
import { issueShape } from "./shapes-issue.js";
import { route, type RestContext, type RouteDef } from "./types.js";

/** GitHub rejects issue and comment bodies over 65,536 characters. */
export const MAX_BODY_LENGTH = 65_536;

/** Issues: create, read, update and list (the list includes pull requests, as on GitHub). */
export const issueRoutes: RouteDef[] = [
  route("POST /repos/{owner}/{repo}/issues", (ctx) => {
    const state = repoFor(ctx);
    const body = bodyObject(ctx);
    const title = body["title"];
    if (typeof title !== "string" && typeof title !== "number") throw validationFailed("Issue", "title", "missing_field");
    const text = optionalString(body, "body");
    checkBodyLength("Issue", text);
    const assignee = optionalString(body, "assignee");
    const assignees = optionalStringList(body, "assignees") ?? (assignee ? [assignee] : []);
    const labels = optionalStringList(body, "labels") ?? [];
    const issue = ctx.model.addIssue(fullNameOf(state), { user: ctx.app.botLogin, title: String(title), body: text ?? null, labels, assignees });
    return {
      status: 201,
      body: issueShape(ctx, state, issue),
      headers: { location: `${ctx.urls.api}/repos/${fullNameOf(state)}/issues/${issue.number}` },
    };
  }),

  route("GET /repos/{owner}/{repo}/issues/{issue_number}", (ctx) => {
    const state = repoFor(ctx);
    return { body: issueShape(ctx, state, issueFor(ctx, state)) };
  }),

  route("PATCH /repos/{owner}/{repo}/issues/{issue_number}", (ctx) => {
    const state = repoFor(ctx);
    const issue = issueFor(ctx, state);
    const body = bodyObject(ctx);
    const newState = optionalString(body, "state");
    if (newState !== undefined && newState !== "open" && newState !== "closed") throw validationFailed("Issue", "state", "invalid");
    const reason = body["state_reason"];
    if (reason !== undefined && reason !== null && !["completed", "not_planned", "reopened"].includes(String(reason))) {
      throw validationFailed("Issue", "state_reason", "invalid");
    }
    const text = body["body"] === null ? null : optionalString(body, "body");
    checkBodyLength("Issue", text ?? undefined);
    const title = optionalString(body, "title");
    const labels = optionalStringList(body, "labels");
    const assignees = optionalStringList(body, "assignees");
    const updated = ctx.model.updateIssue(
      fullNameOf(state),
      issue.number,
      {
        ...(title === undefined ? {} : { title }),
        ...(text === undefined ? {} : { body: text }),
        ...(newState === undefined ? {} : { state: newState }),
        ...(reason === undefined ? {} : { state_reason: reason as StateReason }),
        ...(labels === undefined ? {} : { labels }),
        ...(assignees === undefined ? {} : { assignees }),
      },
      ctx.app.botLogin,
    );
    return { body: issueShape(ctx, state, updated) };
  }),

  route("GET /repos/{owner}/{repo}/issues", (ctx) => {
    const state = repoFor(ctx);
    return pagedList(ctx, filterIssues(ctx, [...state.issues.values()]), (issue) => issueShape(ctx, state, issue));
  }),
];

/** The issue (or pull request) named by `{issue_number}`, or GitHub's 404. */
export function issueFor(ctx: RestContext, state: RepoState): IssueRecord {
  const issue = state.issues.get(intParam(ctx, "issue_number"));
  if (!issue) throw notFound();
  return issue;
}

/** GitHub's 422 for bodies over the 65,536-character limit. */
export function checkBodyLength(resource: string, body: string | undefined): void {
  if (body !== undefined && body.length > MAX_BODY_LENGTH) {
    throw new SandboxHttpError(422, "Validation Failed", {
      errors: [{ resource, code: "custom", field: "body", message: `body is too long (maximum is ${MAX_BODY_LENGTH} characters)` }],
      status: "422",
    });
  }
}

/** `GET /repos/{o}/{r}/issues` filters: state, labels, since, creator, assignee, sort, direction. */
function filterIssues(ctx: RestContext, issues: IssueRecord[]): IssueRecord[] {
  const q = ctx.query;
  const state = q.get("state") ?? "open";
  const labels = (q.get("labels") ?? "")
    .split(",")
    .map((l) => l.trim().toLowerCase())
    .filter(Boolean);
  const sinceIso = timeQuery(ctx, "since");
  const creator = q.get("creator")?.toLowerCase();
  const assignee = q.get("assignee")?.toLowerCase();
  const assigned = (issue: IssueRecord): boolean => {
    if (assignee === undefined) return true;
    if (assignee === "none") return issue.assignees.length === 0;
    if (assignee === "*") return issue.assignees.length > 0;
    return issue.assignees.some((a) => a.toLowerCase() === assignee);
  };
  const filtered = issues.filter(
    (issue) =>
      (state === "all" || issue.state === state) &&
      labels.every((l) => issue.labels.some((n) => n.toLowerCase() === l)) &&
      (sinceIso === null || issue.updated_at >= sinceIso) &&
      (creator === undefined || issue.user.toLowerCase() === creator) &&
      assigned(issue),
  );
  const sort = q.get("sort") ?? "created";
  const direction = q.get("direction") === "asc" ? 1 : -1;
  const countComments = (issue: IssueRecord) => ctx.model.listComments(`${ctx.params["owner"]}/${ctx.params["repo"]}`, issue.number).length;
  const key = (issue: IssueRecord): string | number =>
    sort === "updated" ? issue.updated_at : sort === "comments" ? countComments(issue) : issue.created_at;
  return filtered.sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    return (ka < kb ? -1 : ka > kb ? 1 : a.number - b.number) * direction;
  });
}
