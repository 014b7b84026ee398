import type { InstallationRecord, UserRecord } from "../model/types.js";
import type { AppInfo, ShapeContext } from "./types.js";

/** GitHub's "simple user", embedded as `user`, `owner`, `account`, `assignees` ... */
export function simpleUser(ctx: ShapeContext, login: string): Record<string, unknown> {
  const user = ctx.model.ensureUser(login);
  const url = `${ctx.urls.api}/users/${encodeURIComponent(user.login)}`;
  return {
    login: user.login,
    id: user.id,
    node_id: user.node_id,
    avatar_url: `${ctx.urls.web}/avatars/u/${user.id}?v=4`,
    gravatar_id: "",
    url,
    html_url: `${ctx.urls.web}/${user.login}`,
    followers_url: `${url}/followers`,
    following_url: `${url}/following{/other_user}`,
    gists_url: `${url}/gists{/gist_id}`,
    starred_url: `${url}/starred{/owner}{/repo}`,
    subscriptions_url: `${url}/subscriptions`,
    organizations_url: `${url}/orgs`,
    repos_url: `${url}/repos`,
    events_url: `${url}/events{/privacy}`,
    received_events_url: `${url}/received_events`,
    type: user.type,
    user_view_type: "public",
    site_admin: false,
  };
}

/** `GET /users/{username}`: the simple user plus the public profile. */
export function fullUser(ctx: ShapeContext, user: UserRecord): Record<string, unknown> {
  const repos = ctx.model.listRepositories().filter((r) => r.owner.toLowerCase() === user.login.toLowerCase() && !r.private);
  return {
    ...simpleUser(ctx, user.login),
    name: user.name,
    company: user.company,
    blog: "",
    location: user.location,
    email: user.email,
    hireable: null,
    bio: user.bio,
    twitter_username: null,
    public_repos: repos.length,
    public_gists: 0,
    followers: 0,
    following: 0,
    created_at: user.created_at,
    updated_at: user.created_at,
  };
}

/** An installation as the `/app/installations` routes return it. */
export function installationShape(ctx: ShapeContext, app: AppInfo, installation: InstallationRecord): Record<string, unknown> {
  const account = ctx.model.ensureUser(installation.account);
  return {
    id: installation.id,
    client_id: app.clientId,
    account: simpleUser(ctx, account.login),
    repository_selection: installation.repository_selection,
    access_tokens_url: `${ctx.urls.api}/app/installations/${installation.id}/access_tokens`,
    repositories_url: `${ctx.urls.api}/installation/repositories`,
    html_url: `${ctx.urls.web}/settings/installations/${installation.id}`,
    app_id: app.id,
    app_slug: app.slug,
    target_id: account.id,
    target_type: account.type === "Organization" ? "Organization" : "User",
    permissions: installation.permissions,
    events: installation.events,
    created_at: installation.created_at,
    updated_at: installation.created_at,
    single_file_name: null,
    has_multiple_single_files: false,
    single_file_paths: [],
    suspended_by: null,
    suspended_at: null,
  };
}

/** `GET /app`. */
export function appShape(ctx: ShapeContext, app: AppInfo): Record<string, unknown> {
  return {
    id: app.id,
    slug: app.slug,
    node_id: Buffer.from(`03:App${app.id}`).toString("base64"),
    client_id: app.clientId,
    owner: null,
    name: app.name,
    description: "GitHub App served by the Steward sandbox",
    external_url: ctx.urls.web,
    html_url: `${ctx.urls.web}/apps/${app.slug}`,
    created_at: app.created_at,
    updated_at: app.created_at,
    permissions: { issues: "write", pull_requests: "write", metadata: "read", contents: "read", administration: "read" },
    events: ["issues", "issue_comment", "pull_request", "pull_request_review", "star", "fork", "installation"],
    installations_count: ctx.model.listInstallations().length,
  };
}
