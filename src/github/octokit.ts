import type { ProbotOctokit } from "probot";

/** The authenticated client Probot hands to handlers (and the CLI builds the same way). */
export type GitHubClient = InstanceType<typeof ProbotOctokit>;

export interface RepoCoordinates {
  owner: string;
  repo: string;
}
