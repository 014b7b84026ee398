import type { GitHubEndpoints } from "./github-endpoints.js";

/** GitHub refused the user's token (expired or revoked): the user must sign in again. */
export class UserTokenRejected extends Error {}

/** A sign-in GitHub did not complete, with the reason to show the user. */
export class SignInFailed extends Error {}

export interface UserAccessToken {
  token: string;
  /** Seconds; null when the app's tokens do not expire (token expiration opted out). */
  expiresIn: number | null;
}

export interface GitHubUser {
  id: number;
  login: string;
}

export interface UserInstallation {
  id: number;
  account: string;
}

export interface UserRepository {
  id: number;
  fullName: string;
  permissions: { admin: boolean; maintain: boolean; push: boolean; triage: boolean; pull: boolean };
}

const PER_PAGE = 100;
/** Enough for any user: past it, the rest is not shown rather than fetched forever. */
const MAX_PAGES = 50;

/**
 * The user side of GitHub for a GitHub App: the web flow's code exchange and what a user access
 * token may reach. Plain fetch, because these calls carry the user's token, never the app's, and
 * must not go through the app's paced, retried Octokit.
 */
export function userApi(endpoints: GitHubEndpoints, fetchImpl: typeof fetch = fetch) {
  async function get(path: string, token: string): Promise<unknown> {
    const response = await fetchImpl(`${endpoints.api}${path}`, {
      headers: {
        accept: "application/vnd.github+json",
        authorization: `Bearer ${token}`,
        "x-github-api-version": "2022-11-28",
        "user-agent": "steward-dashboard",
      },
    });
    if (response.status === 401) throw new UserTokenRejected("GitHub no longer accepts this sign-in");
    if (!response.ok) throw new Error(`GitHub answered ${response.status} to GET ${path}`);
    return response.json();
  }

  async function pages<T>(path: string, token: string, itemsOf: (body: unknown) => T[]): Promise<T[]> {
    const all: T[] = [];
    for (let page = 1; page <= MAX_PAGES; page++) {
      const separator = path.includes("?") ? "&" : "?";
      const items = itemsOf(await get(`${path}${separator}per_page=${PER_PAGE}&page=${page}`, token));
      all.push(...items);
      if (items.length < PER_PAGE) break;
    }
    return all;
  }

  return {
    authorizeUrl(clientId: string, redirectUri: string, state: string): string {
      const query = new URLSearchParams({ client_id: clientId, redirect_uri: redirectUri, state, allow_signup: "false" });
      return `${endpoints.web}/login/oauth/authorize?${query}`;
    },

    /** GitHub answers a refused code with 200 and an `error` field, so the body decides. */
    async exchangeCode(input: { clientId: string; clientSecret: string; code: string; redirectUri: string }): Promise<UserAccessToken> {
      const response = await fetchImpl(`${endpoints.web}/login/oauth/access_token`, {
        method: "POST",
        headers: { accept: "application/json", "content-type": "application/json", "user-agent": "steward-dashboard" },
        body: JSON.stringify({ client_id: input.clientId, client_secret: input.clientSecret, code: input.code, redirect_uri: input.redirectUri }),
      });
      if (!response.ok) throw new SignInFailed(`GitHub answered ${response.status} to the sign-in`);
      const body = (await response.json()) as { access_token?: unknown; expires_in?: unknown; error?: unknown; error_description?: unknown };
      if (typeof body.access_token !== "string") {
        const why = typeof body.error_description === "string" ? body.error_description : String(body.error ?? "no token in GitHub's answer");
        throw new SignInFailed(`GitHub refused the sign-in: ${why}`);
      }
      return { token: body.access_token, expiresIn: typeof body.expires_in === "number" ? body.expires_in : null };
    },

    async user(token: string): Promise<GitHubUser> {
      const body = (await get("/user", token)) as { id: number; login: string };
      return { id: body.id, login: body.login };
    },

    installations(token: string): Promise<UserInstallation[]> {
      return pages("/user/installations", token, (body) =>
        ((body as { installations?: Array<{ id: number; account: { login: string } | null }> }).installations ?? []).map((i) => ({
          id: i.id,
          account: i.account?.login ?? String(i.id),
        })),
      );
    },

    repositories(token: string, installationId: number): Promise<UserRepository[]> {
      return pages(`/user/installations/${installationId}/repositories`, token, (body) =>
        (
          (body as { repositories?: Array<{ id: number; full_name: string; permissions?: Partial<UserRepository["permissions"]> }> }).repositories ??
          []
        ).map((r) => ({
          id: r.id,
          fullName: r.full_name,
          permissions: {
            admin: r.permissions?.admin === true,
            maintain: r.permissions?.maintain === true,
            push: r.permissions?.push === true,
            triage: r.permissions?.triage === true,
            pull: r.permissions?.pull === true,
          },
        })),
      );
    },
  };
}

export type UserApi = ReturnType<typeof userApi>;
