import { CONFIG_PATH } from "../domain/config.js";
import type { GitHubClient, RepoCoordinates } from "./octokit.js";

/**
 * The repository's own `.github/steward.yml`, unmerged, or null when it has none: what it says
 * itself, as opposed to what it inherits from the owner's `.github` repository. Throws when the
 * file is not valid YAML.
 */
export async function readOwnStewardYml(octokit: GitHubClient, where: RepoCoordinates): Promise<unknown> {
  const { files } = await octokit.config.get({ owner: where.owner, repo: where.repo, path: CONFIG_PATH });
  const own = files.find((file) => file.owner.toLowerCase() === where.owner.toLowerCase() && file.repo.toLowerCase() === where.repo.toLowerCase());
  return own?.config ?? null;
}
