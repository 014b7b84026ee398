import type { RepositoryRef } from "../domain/repository.js";
import type { GitHubClient } from "./octokit.js";

/**
 * Whether the app is installed on `repository` through installation `installationId`, asked as the
 * app (its JWT): GitHub answers 404 when it is not. Any other failure is thrown, so the delivery
 * that asked is answered 500 and stores nothing until GitHub can tell.
 */
export async function isAppInstalledOn(app: GitHubClient, installationId: number, repository: RepositoryRef): Promise<boolean> {
  try {
    const { data } = await app.rest.apps.getRepoInstallation({ owner: repository.owner, repo: repository.name });
    return data.id === installationId;
  } catch (error) {
    if ((error as { status?: unknown }).status === 404) return false;
    throw error;
  }
}
