import type { GitHubClient } from "./octokit.js";

/** The reaction by which Steward acknowledges a command it applied. */
export type AckReaction = "+1" | "eyes";

/**
 * Reacts to an issue comment as the app. GitHub answers 200 with the existing reaction when the
 * app already gave this one, so a retry or a resumed claim adds nothing: no marker is needed.
 */
export async function reactToComment(
  octokit: GitHubClient,
  where: { owner: string; repo: string; commentId: number },
  content: AckReaction,
): Promise<{ reactionId: number; content: string }> {
  const { data } = await octokit.rest.reactions.createForIssueComment({ owner: where.owner, repo: where.repo, comment_id: where.commentId, content });
  return { reactionId: data.id, content: data.content };
}
