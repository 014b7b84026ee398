import type { GitHubClient } from "./octokit.js";

/**
 * The app's bot login, `<slug>[bot]`, from GET /app. `app` must be authenticated as the app itself
 * (its JWT, Probot's `auth()` without an installation): an installation token cannot read /app.
 */
export async function readAppBotLogin(app: GitHubClient): Promise<string> {
  const { data } = await app.rest.apps.getAuthenticated();
  if (!data?.slug) throw new Error("GET /app answered without the app's slug");
  return `${data.slug}[bot]`;
}
