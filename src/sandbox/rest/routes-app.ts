import { notFound, SandboxHttpError, validationFailed } from "../errors.js";
import { isoSeconds } from "../model/ids.js";
import type { InstallationRecord, Permission } from "../model/types.js";
import { bodyObject } from "./access.js";
import { paginate } from "./pagination.js";
import { appShape, installationShape } from "./shapes-account.js";
import { appRoute, type RestContext, type RouteDef } from "./types.js";

/** Routes authenticated with the app's JWT: the app itself, its installations, their tokens. */
export const appRoutes: RouteDef[] = [
  appRoute("GET /app", (ctx) => ({ body: appShape(ctx, ctx.app) })),

  appRoute("GET /app/installations", (ctx) => {
    const { page, headers } = paginate(ctx, ctx.model.listInstallations());
    return { body: page.map((i) => installationShape(ctx, ctx.app, i)), headers };
  }),

  appRoute("GET /app/installations/{installation_id}", (ctx) => ({
    body: installationShape(ctx, ctx.app, installationById(ctx)),
  })),

  appRoute("POST /app/installations/{installation_id}/access_tokens", (ctx) => {
    const installation = installationById(ctx);
    const body = bodyObject(ctx);
    const permissions = narrowPermissions(installation, body["permissions"]);
    const repositoryIds = narrowRepositories(ctx, installation, body);
    const token = ctx.tokens.issue(installation.id, permissions, repositoryIds);
    const repos = repositoryIds ? ctx.model.installationRepositories(installation.id).filter((r) => repositoryIds.has(r.id)) : null;
    return {
      status: 201,
      body: {
        token: token.token,
        expires_at: isoSeconds(new Date(token.expiresAt)),
        permissions,
        repository_selection: repositoryIds ? "selected" : installation.repository_selection,
        ...(repos ? { repositories: repos.map((r) => ({ id: r.id, name: r.name, full_name: `${r.owner}/${r.name}` })) } : {}),
      },
    };
  }),

  appRoute("GET /repos/{owner}/{repo}/installation", (ctx) => {
    const repo = ctx.model.getRepository(`${ctx.params["owner"]}/${ctx.params["repo"]}`);
    const installation = repo && ctx.model.listInstallations().find((i) => ctx.model.installationRepositories(i.id).some((r) => r.id === repo.id));
    if (!installation) throw notFound();
    return { body: installationShape(ctx, ctx.app, installation) };
  }),

  appRoute("GET /orgs/{org}/installation", (ctx) => accountInstallation(ctx, ctx.params["org"] ?? "", "Organization")),
  appRoute("GET /users/{username}/installation", (ctx) => accountInstallation(ctx, ctx.params["username"] ?? "", "User")),
];

function installationById(ctx: RestContext): InstallationRecord {
  const installation = ctx.model.getInstallation(Number(ctx.params["installation_id"]));
  if (!installation) throw notFound();
  return installation;
}

function accountInstallation(ctx: RestContext, login: string, type: "User" | "Organization") {
  const installation = ctx.model.installationForAccount(login);
  const accountType = installation && ctx.model.getUser(installation.account)?.type;
  if (!installation || (type === "Organization") !== (accountType === "Organization")) throw notFound();
  return { body: installationShape(ctx, ctx.app, installation) };
}

/** A token may ask for fewer permissions than the installation has, never more. */
function narrowPermissions(installation: InstallationRecord, requested: unknown): Record<string, Permission> {
  if (requested === undefined) return { ...installation.permissions };
  if (!requested || typeof requested !== "object") throw validationFailed("Installation", "permissions", "invalid");
  const rank: Record<string, number> = { read: 1, write: 2, admin: 3 };
  const result: Record<string, Permission> = {};
  for (const [name, level] of Object.entries(requested as Record<string, unknown>)) {
    const granted = installation.permissions[name];
    if (typeof level !== "string" || !granted || (rank[level] ?? 9) > (rank[granted] ?? 0)) {
      throw new SandboxHttpError(422, `The permissions requested are not granted to this installation.`);
    }
    result[name] = level as Permission;
  }
  return result;
}

/** `repositories` (names) or `repository_ids` narrow a token to some of the installation's repositories. */
function narrowRepositories(ctx: RestContext, installation: InstallationRecord, body: Record<string, unknown>): Set<number> | null {
  const names = body["repositories"];
  const ids = body["repository_ids"];
  if (names === undefined && ids === undefined) return null;
  const reachable = ctx.model.installationRepositories(installation.id);
  const result = new Set<number>();
  for (const name of Array.isArray(names) ? names : []) {
    const repo = reachable.find((r) => r.name.toLowerCase() === String(name).toLowerCase());
    if (!repo) throw inaccessibleRepository();
    result.add(repo.id);
  }
  for (const id of Array.isArray(ids) ? ids : []) {
    if (!reachable.some((r) => r.id === Number(id))) throw inaccessibleRepository();
    result.add(Number(id));
  }
  return result;
}

function inaccessibleRepository(): SandboxHttpError {
  return new SandboxHttpError(422, "There is at least one repository that does not exist or is not accessible to the parent installation.");
}
