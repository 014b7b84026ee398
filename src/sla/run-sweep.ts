import type { StewardConfig } from "../config/schema.js";
import { SCHEDULED_CONFIG_MAX_AGE_MS } from "../runtime/repo-config-loader.js";
import type { EffectOutcome } from "../effects/perform-once.js";
import { isCommunity } from "../people/roles.js";
import type { JobDeps } from "../runtime/job-deps.js";
import type { RepositoryRecord } from "../domain/repository.js";
import { listActiveRepositories } from "../store/installations.js";
import { doneEffectSubjects, installationAccountType, latestLogins, loadClockEvents, loadOpenItems } from "../store/response-clock-data.js";
import type { ClockItem } from "../domain/clock.js";
import type { DB } from "../store/db.js";
import { dueReminder, type DueReminder } from "./due-reminder.js";
import { loginAt } from "./login-at.js";
import { notifyTargets } from "./notify-targets.js";
import { reminderBody } from "./reminder-body.js";
import { computeResponseClock, isWaitingForResponse, type ResponseClock } from "./response-clock.js";
import { isEffectDone } from "../store/side-effects.js";
import {
  breachedLabelKey,
  LABEL_ADDED,
  LABEL_REMOVED,
  labelBreached,
  reminderKey,
  sendReminder,
  unlabelAnswered,
  unlabelWaiting,
  waitingLabelKey,
  type ReminderContext,
} from "./send-reminder.js";
import { sweepDiscussions } from "./sweep-discussions.js";
import type { RepositorySweep, SweepAction, SweepReport } from "./sweep-report.js";
import { waitingLabelToRemove } from "./waiting-label.js";

export type { SweepReport } from "./sweep-report.js";

/**
 * One sweep of the response clock over every registered repository (or one): the reminders due
 * now are posted (each once ever, paced per installation), breached items get the label, answered
 * ones lose it, and waiting labels lifted by the author's reply come off; discussions on the clock
 * get their reminders as discussion comments (`sweepDiscussions`). Reads only the open
 * items and their facts, so its cost follows the open items, not the history (discussions, which
 * have no item row, are read from all their facts). A repository that
 * fails is reported and the sweep goes on; an effect that fails stays claimed and the next sweep
 * finishes it, marker check first.
 */
export async function runSweep(deps: JobDeps, options: { repository?: RepositoryRecord; dryRun: boolean }): Promise<SweepReport> {
  const at = deps.now();
  const repositories = options.repository ? [options.repository] : await listActiveRepositories(deps.db);
  const report: SweepReport = { at, dryRun: options.dryRun, repositories: [] };
  for (const repository of repositories) {
    try {
      report.repositories.push(await sweepRepository(deps, repository, options.dryRun));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      deps.log.warn(`${repository.fullName}: response sweep failed: ${message}`);
      report.repositories.push({ repository: repository.fullName, skipped: `failed: ${message}`, waiting: 0, sent: [], wouldSend: [], failed: [] });
    }
  }
  return report;
}

interface Tracked {
  item: ClockItem;
  clock: ResponseClock;
}

/**
 * The open community items of a repository with their clocks at `now`, oldest first. The sweep
 * acts at the present, so it reads the items as they are and all their facts: one GitHub stamped a
 * moment after Steward's `now` still counts (a figure at a past instant reads `openClocksAt`).
 */
async function openClocks(deps: Pick<JobDeps, "db">, repositoryId: number, config: StewardConfig, now: Date): Promise<Tracked[]> {
  const open = (await loadOpenItems(deps.db, repositoryId)).filter((item) =>
    isCommunity({ login: item.authorLogin, type: item.authorType, association: item.authorAssociation }, config),
  );
  const events = await loadClockEvents(
    deps.db,
    repositoryId,
    open.map((item) => item.number),
  );
  return open
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
    .map((item) => ({ item, clock: computeResponseClock(item, events.get(item.number) ?? [], config, now) }));
}

async function sweepRepository(deps: JobDeps, repository: RepositoryRecord, dryRun: boolean): Promise<RepositorySweep> {
  const result: RepositorySweep = { repository: repository.fullName, skipped: null, waiting: 0, sent: [], wouldSend: [], failed: [] };
  const octokit = await deps.github(repository.installationId);
  const { config } = await deps.configs.load(octokit, repository, { maxAgeMs: SCHEDULED_CONFIG_MAX_AGE_MS });
  if (!config.response.enabled) return { ...result, skipped: "response.enabled is false" };
  const now = deps.now();
  const tracked = await openClocks(deps, repository.id, config, now);
  result.waiting = tracked.filter(({ clock }) => isWaitingForResponse(clock)).length;
  const ownerType = await installationAccountType(deps.db, repository.installationId);
  const label = config.response.breachedLabel;
  const context = (number: number): ReminderContext => ({
    db: deps.db,
    now: deps.now,
    octokit,
    steward: deps.steward,
    metrics: deps.metrics,
    repositoryId: repository.id,
    where: { owner: repository.owner, repo: repository.name, issueNumber: number },
  });
  const record = (action: SweepAction["action"], item: ClockItem, outcome: EffectOutcome<Record<string, unknown>>) => {
    const base = { action, number: item.number, title: item.title };
    if (outcome.status === "created" || outcome.status === "found") {
      const url = typeof outcome.result.url === "string" ? outcome.result.url : undefined;
      result.sent.push(url ? { ...base, url } : base);
    } else if (outcome.status === "failed") result.failed.push({ ...base, error: outcome.error });
    else if (outcome.status === "busy") result.failed.push({ ...base, error: "another sweep holds it; deferred" });
  };

  for (const { item, clock } of tracked) {
    const reminder = dueReminder(item, clock, now);
    if (!reminder) continue;
    if (dryRun) {
      // Only what a real sweep would do now: a reminder (or label) already done is not done again.
      if (!(await isEffectDone(deps.db, reminderKey(repository.id, reminder)))) {
        result.wouldSend.push({ action: reminder.kind, number: item.number, title: item.title });
      }
      if (reminder.kind === "breached" && !(await isEffectDone(deps.db, breachedLabelKey(repository.id, item.number)))) {
        result.wouldSend.push({ action: "label-added", number: item.number, title: item.title });
      }
      continue;
    }
    const mentions = notifyTargets({ configured: config.response.notify, assignees: item.assignees, repositoryOwner: repository.owner, ownerType });
    const body = reminderBody(await namedNewest(deps.db, repository.id, reminder, now), item, mentions, config);
    record(reminder.kind, item, await sendReminder(context(item.number), reminder, body));
    if (reminder.kind === "breached") record("label-added", item, await labelBreached(context(item.number), label));
  }

  // Waiting labels the author's reply lifted, where the webhook's removal failed or was missed.
  for (const { item, clock } of tracked) {
    const replyAt = waitingLabelToRemove(item, clock, config);
    if (!replyAt) continue;
    if (dryRun) {
      if (!(await isEffectDone(deps.db, waitingLabelKey(repository.id, item.number, replyAt)))) {
        result.wouldSend.push({ action: "waiting-label-removed", number: item.number, title: item.title });
      }
    } else record("waiting-label-removed", item, await unlabelWaiting(context(item.number), config.response.waitingLabel, replyAt));
  }

  // Answered items that still carry the label (a webhook was missed, or Steward put it on).
  const answered = tracked.filter(({ clock }) => clock.firstResponse !== null);
  const subjects = answered.map(({ item }) => `#${item.number}`);
  const labelled = await doneEffectSubjects(deps.db, repository.id, LABEL_ADDED, subjects);
  const unlabelled = await doneEffectSubjects(deps.db, repository.id, LABEL_REMOVED, subjects);
  for (const { item } of answered) {
    const subject = `#${item.number}`;
    const carries = labelled.has(subject) || item.labels.some((l) => l.toLowerCase() === label.toLowerCase());
    if (!carries || unlabelled.has(subject)) continue;
    if (dryRun) result.wouldSend.push({ action: "label-removed", number: item.number, title: item.title });
    else record("label-removed", item, await unlabelAnswered(context(item.number), label));
  }
  if (config.response.discussions.enabled) await sweepDiscussions(deps, repository, octokit, config, ownerType, dryRun, result);
  return result;
}

/**
 * The reminder naming who waits by the newest login known for their account id (their latest fact
 * in the repository, or the login it carries if that is newer), not one a rename has left behind.
 */
async function namedNewest(db: DB, repositoryId: number, reminder: DueReminder, now: Date): Promise<DueReminder> {
  if (reminder.waitingId === null) return reminder;
  const latest = (await latestLogins(db, repositoryId, [reminder.waitingId], now)).get(reminder.waitingId);
  return { ...reminder, waiting: loginAt({ login: reminder.waiting, at: reminder.waitingSeenAt }, [latest], now) };
}
