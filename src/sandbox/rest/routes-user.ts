import { notFound } from "../errors.js";
import type { SandboxModel } from "../model/model.js";
import { permissionsOf } from "../model/roles.js";
import type { InstallationRecord, RepositoryRecord, RepositoryRole, UserRecord } from "../model/types.js";
import { intParam } from "./access.js";
import { paginate } from "./pagination.js";
import { fullUser, installationShape } from "./shapes-account.js";
import { repoShape } from "./shapes-repo.js";
import { type RestContext, type RouteDef, userRoute } from "./types.js";

/**
 * Routes a user access token from the web flow serves: who signed in, and which of the app's
 * installations and repositories they may act on. Like GitHub, only explicit access counts
 * (owner, organization membership, collaborator role); a public repository grants nothing.
 */
export const userRoutes: RouteDef[] = [
  userRoute("GET /user", (ctx) => {
    const user = signedIn(ctx);
    const owned = ctx.model.listRepositories().filter((r) => r.owner.toLowerCase() === user.login.toLowerCase() && r.private).length;
    // The private fields GitHub adds when the user asks about themself.
    return {
      body: { ...fullUser(ctx, user), private_gists: 0, total_private_repos: owned, owned_private_repos: owned, two_factor_authentication: false },
    };
  }),

  userRoute("GET /user/installations", (ctx) => {
    const user = signedIn(ctx);
    const installations = ctx.model.listInstallations().filter((i) => reachableRepositories(ctx.model, i, user).length > 0);
    const { page, headers } = paginate(ctx, installations);
    return { body: { total_count: installations.length, installations: page.map((i) => installationShape(ctx, ctx.app, i)) }, headers };
  }),

  userRoute("GET /user/installations/{installation_id}/repositories", (ctx) => {
    const user = signedIn(ctx);
    const installation = ctx.model.getInstallation(intParam(ctx, "installation_id"));
    const reachable = installation ? reachableRepositories(ctx.model, installation, user) : [];
    // An installation the user cannot reach is hidden, as GitHub hides what a token cannot see.
    if (!installation || reachable.length === 0) throw notFound();
    const { page, headers } = paginate(ctx, reachable);
    return {
      body: {
        total_count: reachable.length,
        repository_selection: installation.repository_selection,
        repositories: page.map(({ repo, role }) => ({
          ...repoShape(ctx, ctx.model.repoState(`${repo.owner}/${repo.name}`)),
          permissions: permissionsOf(role),
        })),
      },
      headers,
    };
  }),
];

function signedIn(ctx: RestContext): UserRecord {
  if (!ctx.user) throw new Error("sandbox: a user route ran without a user (dispatch authenticates them)");
  return ctx.user;
}

/** The installation's repositories the user holds a role on, each with that role, in creation order. */
function reachableRepositories(
  model: SandboxModel,
  installation: InstallationRecord,
  user: UserRecord,
): { repo: RepositoryRecord; role: RepositoryRole }[] {
  return model.installationRepositories(installation.id).flatMap((repo) => {
    const role = model.repositoryRole(`${repo.owner}/${repo.name}`, user.login);
    return role ? [{ repo, role }] : [];
  });
}
