import { performOnce, type EffectOutcome } from "../effects/perform-once.js";
import { createComment, findCommentWithMarker, type IssueRef, type PostedComment } from "../github/comments.js";
import { addLabel, removeLabel } from "../github/labels.js";
import type { GitHubClient } from "../github/octokit.js";
import type { OperationalMetrics } from "../domain/operational-metrics.js";
import type { StewardIdentitySource } from "../runtime/steward-identity.js";
import type { DB } from "../store/db.js";
import type { DueReminder } from "./due-reminder.js";
import { reminderMarker } from "./reminder-body.js";

export interface EffectContext {
  db: DB;
  now: () => Date;
  octokit: GitHubClient;
  repositoryId: number;
  where: IssueRef;
  metrics?: OperationalMetrics;
}

/** A reminder's context: its marker check believes only Steward's own comments. */
export interface ReminderContext extends EffectContext {
  steward: StewardIdentitySource;
}

/** The key a reminder is claimed under: once per item and stage (per wait, for a follow-up), ever. */
export const reminderKey = (repositoryId: number, reminder: DueReminder) => ({
  repositoryId,
  kind: reminder.effectKind,
  subject: `#${reminder.number}`,
  period: reminder.period,
});

/**
 * Posts a reminder at most once ever (claimed under its key, marked in its body). A claim left by
 * a failed or interrupted attempt is finished by first looking for the marker on the item, so a
 * comment whose POST answered 5xx after all is found, not posted again. The POST is paced by the
 * client (see github/steward-octokit.ts), so a found comment costs no write slot.
 */
export async function sendReminder(ctx: ReminderContext, reminder: DueReminder, body: string): Promise<EffectOutcome<PostedComment>> {
  return performOnce(ctx, reminderKey(ctx.repositoryId, reminder), {
    find: async () => findCommentWithMarker(ctx.octokit, ctx.where, reminderMarker(reminder), await ctx.steward()),
    create: () => createComment(ctx.octokit, ctx.where, body),
  });
}

/** Side-effect kinds of the breached label going on and coming off, once per item each. */
export const LABEL_ADDED = "response.breached-label";
export const LABEL_REMOVED = "response.breached-label-removed";

/** The key the breached label goes on under: once per item, ever. */
export const breachedLabelKey = (repositoryId: number, issueNumber: number) => ({
  repositoryId,
  kind: LABEL_ADDED,
  subject: `#${issueNumber}`,
  period: "",
});

/** Puts the breached label on an item, once ever (adding is idempotent on GitHub, so `find` need not look). */
export async function labelBreached(ctx: EffectContext, label: string): Promise<EffectOutcome<{ label: string }>> {
  return performOnce(ctx, breachedLabelKey(ctx.repositoryId, ctx.where.issueNumber), {
    find: async () => null,
    create: () => addLabel(ctx.octokit, ctx.where, label),
  });
}

/** Takes the breached label off an answered item, once ever; a label already gone is fine. */
export async function unlabelAnswered(ctx: EffectContext, label: string): Promise<EffectOutcome<{ label: string; removed: boolean }>> {
  const key = { repositoryId: ctx.repositoryId, kind: LABEL_REMOVED, subject: `#${ctx.where.issueNumber}`, period: "" };
  return performOnce(ctx, key, { find: async () => null, create: () => removeLabel(ctx.octokit, ctx.where, label) });
}

/** Side-effect kind of the waiting-for-author label coming off after the author's reply, once per reply. */
const WAITING_LABEL_REMOVED = "response.waiting-label-removed";

/** The key of the waiting label's removal after the reply at `replyAt`. */
export const waitingLabelKey = (repositoryId: number, issueNumber: number, replyAt: Date) => ({
  repositoryId,
  kind: WAITING_LABEL_REMOVED,
  subject: `#${issueNumber}`,
  period: replyAt.toISOString(),
});

/**
 * Takes the waiting-for-author label off after the author's reply at `replyAt`, once for that
 * reply. Removing a label is idempotent (a label already gone is fine), so `find` need not look;
 * a label put on again later and lifted by a later reply is a new removal.
 */
export async function unlabelWaiting(ctx: EffectContext, label: string, replyAt: Date): Promise<EffectOutcome<{ label: string; removed: boolean }>> {
  const key = waitingLabelKey(ctx.repositoryId, ctx.where.issueNumber, replyAt);
  return performOnce(ctx, key, { find: async () => null, create: () => removeLabel(ctx.octokit, ctx.where, label) });
}
