import type { Logger } from "probot";
import type { StewardIdentity } from "../domain/steward-identity.js";
import { readAppBotLogin } from "../github/app-identity.js";
import type { GitHubClient } from "../github/octokit.js";

/** Steward's identity, read when first needed: what JobDeps and ItemActivity carry as `steward`. */
export type StewardIdentitySource = () => Promise<StewardIdentity>;

/**
 * Who Steward is, for judging markers: the app id is known from the environment, the bot login is
 * read from GitHub (GET /app, as the app) the first time a marker check needs it and then kept for
 * the process's life. Read lazily, not at start: most runs never resume an effect, and a start or a
 * CLI command should not depend on that read. When it fails, the marker check goes on with the app
 * id alone (which is all github.com needs) and the next check asks again.
 */
export function stewardIdentitySource(appId: number, appClient: () => Promise<GitHubClient>, log: Logger): StewardIdentitySource {
  let known: Promise<StewardIdentity> | null = null;
  return () => {
    known ??= appClient()
      .then(readAppBotLogin)
      .then((botLogin) => ({ appId, botLogin }));
    const attempt = known;
    return attempt.catch((error: unknown) => {
      // Forgotten once, by the first caller to see it fail, so the next check asks again.
      if (known === attempt) {
        known = null;
        log.warn(`could not read the app's bot login (GET /app: ${(error as Error).message}); judging markers by the app id alone`);
      }
      return { appId, botLogin: null };
    });
  };
}
