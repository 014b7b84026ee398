import type { StewardConfig } from "../config/schema.js";
import type { RepositoryRecord } from "../domain/repository.js";
import { performOnce, type EffectOutcome } from "../effects/perform-once.js";
import type { PostedComment } from "../github/comments.js";
import { addDiscussionComment, findDiscussionCommentWithMarker, type DiscussionRef } from "../github/discussions.js";
import type { GitHubClient } from "../github/octokit.js";
import type { JobDeps } from "../runtime/job-deps.js";
import { isEffectDone } from "../store/side-effects.js";
import { dueReminder } from "./due-reminder.js";
import { notifyTargets } from "./notify-targets.js";
import { openDiscussionsAt } from "./open-discussions.js";
import { reminderBody, reminderMarker } from "./reminder-body.js";
import { computeResponseClock, isWaitingForResponse } from "./response-clock.js";
import { reminderKey } from "./send-reminder.js";
import type { RepositorySweep } from "./sweep-report.js";

/**
 * The sweep's part for discussions: counts the open ones waiting for a first response, and posts
 * the reminders they are due (at risk, breached, and the follow-up on a community reply left
 * waiting) as discussion comments, each once under the same keys and markers as an issue's (a
 * discussion's number is never an issue's). No label: discussion labels are not Steward's to manage.
 */
export async function sweepDiscussions(
  deps: JobDeps,
  repository: RepositoryRecord,
  octokit: GitHubClient,
  config: StewardConfig,
  ownerType: string | null,
  dryRun: boolean,
  result: RepositorySweep,
): Promise<void> {
  const now = deps.now();
  for (const { item, events, nodeId } of await openDiscussionsAt(deps.db, repository.id, config, now)) {
    const clock = computeResponseClock(item, events, config, now);
    if (isWaitingForResponse(clock)) result.waiting++;
    const reminder = dueReminder(item, clock, now);
    if (!reminder) continue;
    const key = reminderKey(repository.id, reminder);
    const base = { action: reminder.kind, number: item.number, title: item.title };
    if (dryRun) {
      if (!(await isEffectDone(deps.db, key))) result.wouldSend.push(base);
      continue;
    }
    const where: DiscussionRef = { owner: repository.owner, repo: repository.name, number: item.number, nodeId };
    const mentions = notifyTargets({ configured: config.response.notify, assignees: [], repositoryOwner: repository.owner, ownerType });
    const body = reminderBody(reminder, item, mentions, config);
    const outcome: EffectOutcome<PostedComment> = await performOnce({ db: deps.db, now: deps.now, metrics: deps.metrics }, key, {
      find: () => findDiscussionCommentWithMarker(octokit, where, reminderMarker(reminder)),
      create: () => addDiscussionComment(octokit, where, body),
    });
    if (outcome.status === "created" || outcome.status === "found") result.sent.push({ ...base, url: outcome.result.url });
    else if (outcome.status === "failed") result.failed.push({ ...base, error: outcome.error });
    else if (outcome.status === "busy") result.failed.push({ ...base, error: "another sweep holds it; deferred" });
  }
}
