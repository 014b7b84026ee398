import { isGitHubLogin } from "../text/index.js";

export interface NotifyInput {
  /** `response.notify` from the config: logins or `@org/team`, with or without the "@". */
  configured: readonly string[];
  assignees: readonly string[];
  repositoryOwner: string;
  /** The installation's account type: a "User" owns the repository personally. */
  ownerType: string | null;
}

const TEAM = /^[A-Za-z0-9](?:-?[A-Za-z0-9])*\/[A-Za-z0-9_.-]+$/;

/**
 * Whom a reminder mentions, as `@login` or `@org/team`: the configured people, else the item's
 * assignees, else the owner of a user-owned repository (an organization cannot be mentioned
 * usefully). Mentions are deliberate pings, so only well-formed logins and teams become one; bots
 * never do.
 */
export function notifyTargets({ configured, assignees, repositoryOwner, ownerType }: NotifyInput): string[] {
  const chosen = configured.length > 0 ? configured : assignees.length > 0 ? assignees : ownerType === "User" ? [repositoryOwner] : [];
  const mentions = chosen
    .map((entry) => entry.replace(/^@/, ""))
    .filter((entry) => isGitHubLogin(entry) || TEAM.test(entry))
    .map((entry) => `@${entry}`);
  return [...new Set(mentions.map((m) => m.toLowerCase()))].map((lower) => mentions.find((m) => m.toLowerCase() === lower)!);
}
