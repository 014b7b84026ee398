import type { WelcomeMessage } from "../config/sections/welcome.js";
import { performOnce, type EffectOutcome } from "../effects/perform-once.js";
import { readCommunityLinks, type CommunityLinks } from "../github/community-files.js";
import { createComment, findCommentWithMarker, type PostedComment } from "../github/comments.js";
import type { ItemActivity } from "../runtime/item-activity.js";
import { fitToLimit, hiddenMarker } from "../text/index.js";
import { messageValues, type MessageFacts } from "./message-values.js";
import { renderTemplate } from "./render-template.js";

/** One welcome to post: which message, once per which key, on which item. */
export interface WelcomePost {
  /** The effect kind, e.g. `welcome.first-issue`; also the marker's kind. */
  effect: string;
  /** Once per this subject (a person, `welcomeSubject`, or a milestone) and repository, ever. */
  subject: string;
  message: WelcomeMessage;
  issueNumber: number;
  facts: Omit<MessageFacts, "repository" | "contributing" | "codeOfConduct">;
}

/**
 * What posting a welcome needs: a webhook's activity has all of it; the scheduled retry builds it.
 * The client paces the POST itself, so a welcome found on GitHub costs no write slot.
 */
export type WelcomeContext = Pick<ItemActivity, "db" | "now" | "log" | "octokit" | "steward" | "repository" | "config" | "metrics">;

const NO_LINKS: CommunityLinks = { contributing: null, codeOfConduct: null };

/**
 * Posts a welcome at most once ever (docs/architecture.md, "Exactly once"): claimed under (repository, effect, subject, ""),
 * the body carries the hidden marker, and a resumed claim first looks for that marker on the item.
 * The community links are read only when the template uses them; without them the lines that
 * need them are left out.
 */
export async function postWelcome(activity: WelcomeContext, post: WelcomePost): Promise<EffectOutcome<PostedComment>> {
  const { repository, config, octokit, log } = activity;
  const template = config.welcome.templates[post.message];
  const links = /\{\{\s*(contributing|codeOfConduct)\s*\}\}/.test(template) ? await communityLinks(activity) : NO_LINKS;
  const values = messageValues({ ...post.facts, repository: repository.fullName, ...links });
  const marker = hiddenMarker(post.effect, post.subject);
  const body = `${fitToLimit(renderTemplate(template, values), 60_000)}\n\n${marker}`;
  const where = { owner: repository.owner, repo: repository.name, issueNumber: post.issueNumber };
  // Claims were keyed by login before account ids (migration 0008 re-keyed them): an attempt
  // interrupted then may have posted its comment with the login in the marker.
  const before = post.subject.startsWith("id:") ? hiddenMarker(post.effect, post.facts.author.toLowerCase()) : null;
  const outcome = await performOnce(
    { db: activity.db, now: activity.now, metrics: activity.metrics },
    { repositoryId: repository.id, kind: post.effect, subject: post.subject, period: "" },
    {
      find: async () => {
        const steward = await activity.steward();
        return (
          (await findCommentWithMarker(octokit, where, marker, steward)) ?? (before ? findCommentWithMarker(octokit, where, before, steward) : null)
        );
      },
      create: () => createComment(octokit, where, body),
    },
  );
  const what = `${repository.fullName}#${post.issueNumber}: ${post.effect} for ${post.subject}`;
  if (outcome.status === "failed") log.warn(`${what} failed (${outcome.error}); left claimed for a retry`);
  else if (outcome.status === "created" || outcome.status === "found") log.info(`${what} posted (${post.message})`);
  return outcome;
}

/**
 * Closes an unfinished welcome that will not be posted (switched off, item gone, author now a
 * maintainer): done, with `{ skipped: reason }` as its result, so no sweep takes it up again. The
 * claim's lease is taken first like any attempt, and where the item is known its marker is looked
 * for: a comment an earlier attempt did post is recorded as what happened instead.
 */
export async function closeWelcome(
  ctx: WelcomeContext,
  claim: { effect: string; subject: string },
  reason: string,
  issueNumber: number | null,
): Promise<EffectOutcome<PostedComment | { skipped: string }>> {
  const { repository } = ctx;
  const marker = hiddenMarker(claim.effect, claim.subject);
  const where = issueNumber === null ? null : { owner: repository.owner, repo: repository.name, issueNumber };
  return performOnce<PostedComment | { skipped: string }>(
    { db: ctx.db, now: ctx.now, metrics: ctx.metrics },
    { repositoryId: repository.id, kind: claim.effect, subject: claim.subject, period: "" },
    {
      find: async () => (where ? findCommentWithMarker(ctx.octokit, where, marker, await ctx.steward()) : null),
      create: async () => ({ skipped: reason }),
    },
  );
}

async function communityLinks(activity: WelcomeContext): Promise<CommunityLinks> {
  try {
    return await readCommunityLinks(activity.octokit, { owner: activity.repository.owner, repo: activity.repository.name });
  } catch (error) {
    // A welcome without the links is still a welcome; the lines that need them are left out.
    activity.log.warn(`${activity.repository.fullName}: community files not readable (${String(error)}); welcoming without links`);
    return NO_LINKS;
  }
}
