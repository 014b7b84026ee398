import type { TokenRecord } from "../auth.js";
import { isoSeconds } from "../model/ids.js";
import type { SandboxModel } from "../model/model.js";
import { notAccessible, notFound, SandboxHttpError } from "../errors.js";
import type { Permission, RepoState } from "../model/types.js";
import type { RestContext } from "./types.js";

/**
 * The repository named by the `{owner}/{repo}` parameters, if the token may see it. Like GitHub,
 * a repository outside the installation (or outside a narrowed token) is a 404, not a 403, and an
 * archived one is read-only: any write is a 403.
 */
export function repoFor(ctx: RestContext): RepoState {
  const owner = ctx.params["owner"] ?? "";
  const name = ctx.params["repo"] ?? "";
  const repo = ctx.model.getRepository(`${owner}/${name}`);
  if (!repo || !canReach(ctx, repo.id)) throw notFound();
  if (repo.archived && ctx.method !== "GET" && ctx.method !== "HEAD") throw new SandboxHttpError(403, "Repository was archived so is read-only.");
  return ctx.model.repoState(`${repo.owner}/${repo.name}`);
}

/** Whether the request's installation token reaches the repository with this id. */
export function canReach(ctx: RestContext, repositoryId: number): boolean {
  return ctx.token !== null && tokenReaches(ctx.model, ctx.token, repositoryId);
}

/** Whether an installation token reaches a repository: in the installation, and in the token's narrowing. */
export function tokenReaches(model: SandboxModel, token: TokenRecord, repositoryId: number): boolean {
  if (token.repositoryIds && !token.repositoryIds.has(repositoryId)) return false;
  return model.installationRepositories(token.installationId).some((r) => r.id === repositoryId);
}

/** "owner/name" of a repository state. */
export function fullNameOf(state: RepoState): string {
  return `${state.repo.owner}/${state.repo.name}`;
}

/** A positive integer path parameter; GitHub answers 404 for anything else. */
export function intParam(ctx: RestContext, name: string): number {
  const value = Number(ctx.params[name]);
  if (!Number.isSafeInteger(value) || value <= 0) throw notFound();
  return value;
}

/** An ISO 8601 query parameter (`since`) normalized to GitHub's format; 422 when unparsable. */
export function timeQuery(ctx: RestContext, name: string): string | null {
  const value = ctx.query.get(name);
  if (!value) return null;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new SandboxHttpError(422, `Invalid value for parameter '${name}': ${value}`, { status: "422" });
  return isoSeconds(date);
}

/** Throws GitHub's 403 unless the token has `name` at `level` or above. */
export function requirePermission(ctx: RestContext, name: string, level: Permission): void {
  const rank: Record<Permission, number> = { read: 1, write: 2, admin: 3 };
  const granted = ctx.token?.permissions[name];
  if (!granted || rank[granted] < rank[level]) throw notAccessible();
}

/** True when the Accept header asks for a media type containing `fragment` (e.g. "raw", "star+json"). */
export function wantsMedia(ctx: RestContext, fragment: string): boolean {
  const accept = ctx.headers.accept ?? "";
  return accept.split(",").some((part) => part.trim().startsWith("application/vnd.github") && part.includes(fragment));
}

/** The request body as an object; GitHub answers 400 for a body that is not a JSON object. */
export function bodyObject(ctx: RestContext): Record<string, unknown> {
  if (ctx.body === undefined || ctx.body === null) return {};
  if (typeof ctx.body !== "object" || Array.isArray(ctx.body)) throw new SandboxHttpError(400, "Problems parsing JSON");
  return ctx.body as Record<string, unknown>;
}

/** A field that must be a string when present. */
export function optionalString(body: Record<string, unknown>, field: string): string | undefined {
  const value = body[field];
  if (value === undefined) return undefined;
  if (typeof value !== "string") throw invalidField(field, value);
  return value;
}

/** A field that must be a list of strings (or of `{ name }` objects, which GitHub also takes for labels). */
export function optionalStringList(body: Record<string, unknown>, field: string): string[] | undefined {
  const value = body[field];
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) throw invalidField(field, value);
  return value.map((item: unknown) => {
    if (typeof item === "string") return item;
    if (item && typeof item === "object" && typeof (item as { name?: unknown }).name === "string") return (item as { name: string }).name;
    throw invalidField(field, value);
  });
}

function invalidField(field: string, value: unknown): SandboxHttpError {
  return new SandboxHttpError(422, `Invalid request.\n\nFor '${field}', ${JSON.stringify(value)} is not of the expected type.`, {
    status: "422",
  });
}
