import type { GitHubClient, RepoCoordinates } from "./octokit.js";

/** Who may read a repository and where it lives, as GitHub says now. */
export interface RepositoryVisibility {
  owner: string;
  name: string;
  fullName: string;
  /** True unless GitHub says the repository is public: internal repositories count as private. */
  private: boolean;
  /** An archived repository is read-only: GitHub refuses new issues and comments there. */
  archived: boolean;
}

/**
 * Reads the repository (`GET /repos/{owner}/{repo}`, which the Metadata permission every app has
 * allows). It is public only when both of GitHub's fields say so: `private: false` and, where
 * present, `visibility: "public"`; anything else reads as private. A renamed repository answers
 * under its new name (GitHub redirects the old one), which is returned.
 */
export async function readRepositoryVisibility(octokit: GitHubClient, repo: RepoCoordinates): Promise<RepositoryVisibility> {
  const { data } = await octokit.rest.repos.get({ owner: repo.owner, repo: repo.repo });
  const visibility = data.visibility ?? "public";
  return {
    owner: data.owner.login,
    name: data.name,
    fullName: data.full_name,
    private: data.private !== false || visibility !== "public",
    archived: data.archived === true,
  };
}
