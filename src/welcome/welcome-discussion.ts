import { performOnce } from "../effects/perform-once.js";
import { readCommunityLinks, type CommunityLinks } from "../github/community-files.js";
import { addDiscussionComment, findDiscussionCommentWithMarker, type DiscussionRef } from "../github/discussions.js";
import type { ItemActivity } from "../runtime/item-activity.js";
import { loadDiscussionStateFacts } from "../store/discussion-facts.js";
import { fitToLimit, hiddenMarker } from "../text/index.js";
import { isFirstByRecords, screenPerson } from "./decide-first-opening.js";
import { messageValues } from "./message-values.js";
import { welcomeSubject } from "./plan-welcome-retry.js";
import { renderTemplate } from "./render-template.js";

/**
 * Outside the `welcome.` prefix on purpose: the scheduled welcome retry rebuilds its items from
 * issue records and would close a discussion's claim as unknown. A discussion welcome that failed
 * is retried by its delivery being handled again instead (the failure is thrown).
 */
export const DISCUSSION_WELCOME_KIND = "discussion.welcome";

const NO_LINKS: CommunityLinks = { contributing: null, codeOfConduct: null };

/**
 * Welcomes a user's first discussion in the repository, in any category: the welcome is about the
 * person arriving, not about whether their question is on the response clock. "First" is read from
 * the ledger's `discussion.created` facts (numbers follow creation order), so a discussion opened
 * before Steward recorded the repository is not known; until discussions are backfilled such an
 * author may be welcomed once more than strictly due, never twice by Steward.
 */
export async function welcomeDiscussion(activity: ItemActivity): Promise<void> {
  const { db, repository, config, log } = activity;
  const opened = activity.entry.events.find((e) => e.kind === "discussion.created");
  const nodeId = typeof opened?.data?.nodeId === "string" ? opened.data.nodeId : null;
  if (!opened || opened.itemNumber === null || !nodeId || opened.actorLogin === null) return;
  const number = opened.itemNumber;
  const author = { login: opened.actorLogin, type: opened.actorType, association: opened.association };
  const skip = !config.welcome.enabled || !config.welcome.firstDiscussion ? "disabled" : screenPerson(author, config);
  if (skip) {
    log.debug(`${repository.fullName} discussion #${number}: no welcome (${skip})`);
    return;
  }
  const facts = await loadDiscussionStateFacts(db, repository.id);
  const earlier = facts.filter(
    (f) =>
      f.kind === "discussion.created" &&
      f.number < number &&
      (opened.actorId !== null ? f.actorId === opened.actorId : f.actorLogin === author.login),
  );
  if (!isFirstByRecords(earlier.length)) return;

  const template = config.welcome.templates.firstDiscussion;
  const links = /\{\{\s*(contributing|codeOfConduct)\s*\}\}/.test(template) ? await communityLinks(activity) : NO_LINKS;
  const subject = welcomeSubject({ login: author.login, id: opened.actorId });
  const marker = hiddenMarker(DISCUSSION_WELCOME_KIND, subject);
  const body = `${fitToLimit(renderTemplate(template, messageValues({ author: author.login, repository: repository.fullName, ...links })), 60_000)}\n\n${marker}`;
  const where: DiscussionRef = { owner: repository.owner, repo: repository.name, number, nodeId };
  const outcome = await performOnce(
    { db, now: activity.now, metrics: activity.metrics },
    { repositoryId: repository.id, kind: DISCUSSION_WELCOME_KIND, subject, period: "" },
    {
      find: () => findDiscussionCommentWithMarker(activity.octokit, where, marker),
      create: () => addDiscussionComment(activity.octokit, where, body),
    },
  );
  if (outcome.status === "failed") throw new Error(`welcome on discussion #${number} failed (${outcome.error}); it runs again with the delivery`);
  if (outcome.status === "created" || outcome.status === "found") log.info(`${repository.fullName} discussion #${number}: welcomed ${author.login}`);
}

async function communityLinks(activity: ItemActivity): Promise<CommunityLinks> {
  try {
    return await readCommunityLinks(activity.octokit, { owner: activity.repository.owner, repo: activity.repository.name });
  } catch (error) {
    // A welcome without the links is still a welcome; the lines that need them are left out.
    activity.log.warn(`${activity.repository.fullName}: community files not readable (${String(error)}); welcoming without links`);
    return NO_LINKS;
  }
}
