import { performOnce, type EffectDeps, type EffectOutcome } from "../effects/perform-once.js";
import { createComment, findCommentWithMarker, type IssueRef, type PostedComment } from "../github/comments.js";
import type { GitHubClient } from "../github/octokit.js";
import { reactToComment } from "../github/reactions.js";
import type { StewardIdentitySource } from "../runtime/steward-identity.js";
import { HELP_KIND, REACTION_KIND, REFUSAL_KIND, helpBody, refusalBody } from "./command-replies.js";

/** Where a command's answer goes: the item it was given on, once, by claims keyed by the comment or the person. */
export interface CommandContext extends EffectDeps {
  octokit: GitHubClient;
  steward: StewardIdentitySource;
  repositoryId: number;
  where: IssueRef;
}

const key = (ctx: CommandContext, kind: string, period: string) => ({
  repositoryId: ctx.repositoryId,
  kind,
  subject: `#${ctx.where.issueNumber}`,
  period,
});

/** Posts `body` once under `kind`/`period`; a resumed claim first looks for the body's marker. */
function replyOnce(ctx: CommandContext, kind: string, period: string, body: string): Promise<EffectOutcome<PostedComment>> {
  const marker = body.slice(body.lastIndexOf("<!-- steward:"));
  return performOnce(ctx, key(ctx, kind, period), {
    find: async () => findCommentWithMarker(ctx.octokit, ctx.where, marker, await ctx.steward()),
    create: () => createComment(ctx.octokit, ctx.where, body),
  });
}

/** The 👍 on an applied command's comment, once per comment. */
export function acknowledge(ctx: CommandContext, commentId: number): Promise<EffectOutcome<{ reactionId: number; content: string }>> {
  return performOnce(ctx, key(ctx, REACTION_KIND, `comment:${commentId}`), {
    // Reacting again returns the reaction already there, so a resumed claim just asks again.
    find: async () => null,
    create: () => reactToComment(ctx.octokit, { owner: ctx.where.owner, repo: ctx.where.repo, commentId }, "+1"),
  });
}

/** The help, once per comment that asked for it (or gave an unknown command, named in `unknown`). */
export function replyWithHelp(ctx: CommandContext, commentId: number, unknown: string | null): Promise<EffectOutcome<PostedComment>> {
  return replyOnce(ctx, HELP_KIND, `comment:${commentId}`, helpBody(ctx.where.issueNumber, commentId, unknown));
}

/** The polite refusal, once per item and person (`personKey`), however often they try. */
export function refuseOnce(ctx: CommandContext, person: string): Promise<EffectOutcome<PostedComment>> {
  return replyOnce(ctx, REFUSAL_KIND, `person:${person}`, refusalBody(ctx.where.issueNumber, person));
}
