import { notFound, SandboxHttpError } from "../errors.js";
import { bodyObject, fullNameOf, optionalString, optionalStringList, repoFor } from "./access.js";
import { pagedList } from "./pagination.js";
import { issueFor } from "./routes-issues.js";
import { labelShape } from "./shapes-repo.js";
import { route, type RestContext, type RouteDef } from "./types.js";

/** Repository labels and the labels on an issue. */
export const labelRoutes: RouteDef[] = [
  route("GET /repos/{owner}/{repo}/issues/{issue_number}/labels", (ctx) => {
    const state = repoFor(ctx);
    const labels = ctx.model.issueLabels(fullNameOf(state), issueFor(ctx, state).number);
    return pagedList(ctx, labels, (l) => labelShape(ctx, state, l));
  }),

  route("POST /repos/{owner}/{repo}/issues/{issue_number}/labels", (ctx) => {
    const state = repoFor(ctx);
    const issue = issueFor(ctx, state);
    const labels = ctx.model.addLabelsToIssue(fullNameOf(state), issue.number, requestedLabels(ctx), undefined, ctx.app.botLogin);
    return { body: labels.map((l) => labelShape(ctx, state, l)) };
  }),

  route("PUT /repos/{owner}/{repo}/issues/{issue_number}/labels", (ctx) => {
    const state = repoFor(ctx);
    const issue = issueFor(ctx, state);
    ctx.model.updateIssue(fullNameOf(state), issue.number, { labels: requestedLabels(ctx) }, ctx.app.botLogin);
    return { body: ctx.model.issueLabels(fullNameOf(state), issue.number).map((l) => labelShape(ctx, state, l)) };
  }),

  route("DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels/{name}", (ctx) => {
    const state = repoFor(ctx);
    const issue = issueFor(ctx, state);
    if (!ctx.model.removeLabelFromIssue(fullNameOf(state), issue.number, ctx.params["name"] ?? "", undefined, ctx.app.botLogin)) {
      throw new SandboxHttpError(404, "Label does not exist");
    }
    return { body: ctx.model.issueLabels(fullNameOf(state), issue.number).map((l) => labelShape(ctx, state, l)) };
  }),

  route("GET /repos/{owner}/{repo}/labels", (ctx) => {
    const state = repoFor(ctx);
    return pagedList(ctx, ctx.model.listLabels(fullNameOf(state)), (l) => labelShape(ctx, state, l));
  }),

  route("GET /repos/{owner}/{repo}/labels/{name}", (ctx) => {
    const state = repoFor(ctx);
    const label = ctx.model.getLabel(fullNameOf(state), ctx.params["name"] ?? "");
    if (!label) throw notFound();
    return { body: labelShape(ctx, state, label) };
  }),

  route("POST /repos/{owner}/{repo}/labels", (ctx) => {
    const state = repoFor(ctx);
    const body = bodyObject(ctx);
    const name = optionalString(body, "name");
    if (!name)
      throw new SandboxHttpError(422, "Validation Failed", { errors: [{ resource: "Label", code: "missing_field", field: "name" }], status: "422" });
    if (ctx.model.getLabel(fullNameOf(state), name)) {
      throw new SandboxHttpError(422, "Validation Failed", { errors: [{ resource: "Label", code: "already_exists", field: "name" }], status: "422" });
    }
    const color = (optionalString(body, "color") ?? "ededed").replace(/^#/, "");
    const label = ctx.model.createLabel(fullNameOf(state), { name, color, description: optionalString(body, "description") ?? null });
    return { status: 201, body: labelShape(ctx, state, label) };
  }),
];

/** GitHub takes `{ labels: [...] }` or, historically, a bare array of names. */
function requestedLabels(ctx: RestContext): string[] {
  if (Array.isArray(ctx.body)) return optionalStringList({ labels: ctx.body }, "labels") ?? [];
  const labels = optionalStringList(bodyObject(ctx), "labels");
  if (!labels)
    throw new SandboxHttpError(422, "Validation Failed", { errors: [{ resource: "Label", code: "missing_field", field: "labels" }], status: "422" });
  return labels;
}
