import type { GitHubClient } from "./octokit.js";

/** Where a repository's community files are on GitHub, where it has them. */
export interface CommunityLinks {
  contributing: string | null;
  codeOfConduct: string | null;
}

/**
 * The CONTRIBUTING and code-of-conduct links of a repository, from GitHub's community profile
 * (one request; it also finds the files in `.github/` and `docs/`). Forks have no profile: 404
 * means no links. Other failures throw.
 */
export async function readCommunityLinks(octokit: GitHubClient, where: { owner: string; repo: string }): Promise<CommunityLinks> {
  try {
    const { data } = await octokit.rest.repos.getCommunityProfileMetrics({ owner: where.owner, repo: where.repo });
    const files = data.files;
    return {
      contributing: files.contributing?.html_url ?? null,
      codeOfConduct: files.code_of_conduct_file?.html_url ?? files.code_of_conduct?.html_url ?? null,
    };
  } catch (error) {
    if ((error as { status?: unknown } | null)?.status === 404) return { contributing: null, codeOfConduct: null };
    throw error;
  }
}
