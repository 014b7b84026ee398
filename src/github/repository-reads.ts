import type { GitHubClient, RepoCoordinates } from "./octokit.js";

/** The current totals GitHub gives for a repository. */
export interface RepositoryTotals {
  stars: number;
  forks: number;
  /** GitHub's `open_issues_count`: open issues and pull requests together. */
  openIssues: number;
  archived: boolean;
  fork: boolean;
  /** SPDX id of the detected license, null when none. */
  license: string | null;
}

/** Reads the repository's totals (`GET /repos/{owner}/{repo}`). */
export async function readRepositoryTotals(octokit: GitHubClient, repo: RepoCoordinates): Promise<RepositoryTotals> {
  const { data } = await octokit.rest.repos.get({ owner: repo.owner, repo: repo.repo });
  return {
    stars: data.stargazers_count,
    forks: data.forks_count,
    openIssues: data.open_issues_count,
    archived: data.archived,
    fork: data.fork,
    license: data.license?.spdx_id ?? null,
  };
}

/** Traffic of the last 14 days, or why it could not be read. */
export type Traffic =
  | { available: true; views: number; uniqueVisitors: number; clones: number; uniqueCloners: number }
  | { available: false; reason: string };

/**
 * Reads 14-day views and clones. The traffic API needs the Administration (read) permission,
 * which most installations do not grant: a 403 is an answer ("not granted"), not a failure.
 */
export async function readTraffic(octokit: GitHubClient, repo: RepoCoordinates): Promise<Traffic> {
  try {
    const views = await octokit.rest.repos.getViews({ owner: repo.owner, repo: repo.repo });
    const clones = await octokit.rest.repos.getClones({ owner: repo.owner, repo: repo.repo });
    return {
      available: true,
      views: views.data.count,
      uniqueVisitors: views.data.uniques,
      clones: clones.data.count,
      uniqueCloners: clones.data.uniques,
    };
  } catch (error) {
    const status = (error as { status?: number }).status;
    if (status === 403 || status === 404)
      return { available: false, reason: `traffic API answered ${status}: the installation lacks Administration (read)` };
    throw error;
  }
}

/** Which community files GitHub finds, per its community profile. */
export interface CommunityProfile {
  healthPercentage: number;
  readme: boolean;
  contributing: boolean;
  codeOfConduct: boolean;
  issueTemplate: boolean;
  pullRequestTemplate: boolean;
  /** SPDX id, null when GitHub finds no license. */
  license: string | null;
}

/** Reads the community profile; null for a fork (GitHub has none for forks and answers 404). */
export async function readCommunityProfile(octokit: GitHubClient, repo: RepoCoordinates): Promise<CommunityProfile | null> {
  try {
    const { data } = await octokit.rest.repos.getCommunityProfileMetrics({ owner: repo.owner, repo: repo.repo });
    const files = data.files;
    return {
      healthPercentage: data.health_percentage,
      readme: files.readme !== null,
      contributing: files.contributing !== null,
      codeOfConduct: files.code_of_conduct !== null || (files.code_of_conduct_file ?? null) !== null,
      issueTemplate: files.issue_template !== null,
      pullRequestTemplate: files.pull_request_template !== null,
      license: files.license?.spdx_id ?? null,
    };
  } catch (error) {
    if ((error as { status?: number }).status === 404) return null;
    throw error;
  }
}
