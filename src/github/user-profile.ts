import type { UserProfile } from "../domain/identity.js";
import type { GitHubClient } from "./octokit.js";

/**
 * Reads a user's public profile (`GET /users/{username}`): their id, account type and the
 * free-text `company` they chose to show. Null when the account no longer exists.
 */
export async function fetchUserProfile(octokit: GitHubClient, login: string): Promise<UserProfile | null> {
  try {
    const { data } = await octokit.rest.users.getByUsername({ username: login });
    return { login: data.login, userId: data.id, type: data.type, company: data.company ?? null };
  } catch (error) {
    if ((error as { status?: unknown }).status === 404) return null;
    throw error;
  }
}
