import type { StewardConfig } from "../config/schema.js";
import type { Period, ResponseFigures, WaitingItem } from "../domain/figures.js";
import type { DB } from "../store/db.js";
import type { RepositoryRecord } from "../domain/repository.js";
import { itemsWithEventsBetween, latestLogins, loadItems } from "../store/response-clock-data.js";
import { RESPONSE_EVENT_KINDS } from "../domain/clock.js";
import { clocksAt, openClocksAt, type ClockAt } from "./clocks-at.js";
import { flowTimes } from "./flow-times.js";
import { kindRules } from "./kind-rules.js";
import { loginAt } from "./login-at.js";
import { openDiscussionsAt } from "./open-discussions.js";
import { computeResponseClock, isWaitingForResponse } from "./response-clock.js";
import { timeToAnswer } from "./time-to-answer.js";
import { median, outcomeOf, percentile, rankResponders, summarize } from "./response-stats.js";

const OPENED_KINDS = ["issues.opened", "pull_request.opened"];

/**
 * The response figures of one repository and period, from the store only: items opened in the
 * period and how they fared against their kind's goal (misses include items still waiting past
 * it), the median and 90th percentile of the first responses given in the period and who gave
 * them, the items waiting at `now` (`isWaitingForResponse`; none read with `waiting: false`), and the duration figures
 * (`DurationFigures`: first response, first review, merge, close), each over the community items
 * whose step falls in the period, and the time to an accepted answer of discussions (`timeToAnswer`). Reads the period's facts (by repository and time) and the items
 * open at `now`, never the whole history: every item with a first review, merge or close in the
 * period has a response-kind fact in it. Every item and clock is as it was at `now`
 * (`clocksAt`), so a past `now` gives the figures then (docs/architecture.md, "One digest, one truth").
 */
export async function collectResponseFigures(
  db: DB,
  repository: RepositoryRecord,
  period: Period,
  now: Date,
  config: StewardConfig,
  options: { waiting?: boolean } = {},
): Promise<ResponseFigures> {
  const opened = await itemsWithEventsBetween(db, repository.id, OPENED_KINDS, period.start, period.end);
  const answeredIn = await itemsWithEventsBetween(db, repository.id, RESPONSE_EVENT_KINDS, period.start, period.end);
  const clocks = await clocksAt(db, repository.id, await loadItems(db, repository.id, [...opened, ...answeredIn]), config, now);

  const inPeriod = (at: Date) => at >= period.start && at < period.end;
  const counts = { "within-goal": 0, missed: 0, pending: 0, withdrawn: 0 };
  for (const { item, clock } of clocks) {
    if (inPeriod(item.createdAt)) counts[outcomeOf(clock)]++;
  }
  const responses = clocks.flatMap(({ clock }) => (clock.firstResponse && inPeriod(clock.firstResponse.at) ? [clock.firstResponse] : []));
  const durations = responses.map((response) => response.clockMs);
  const flows = clocks.map(({ item, events }) => flowTimes(item, events, config, period));
  const flowValues = (key: "firstReviewMs" | "mergeMs" | "closeMs") => flows.flatMap((flow) => (flow[key] === null ? [] : [flow[key]]));
  const decided = counts["within-goal"] + counts.missed;

  // A series of past weeks or a share alone has no use for who waits: the open items' read is skipped.
  const waiting = options.waiting === false ? [] : await waitingAt(db, repository.id, config, now);
  return {
    goalHours: config.response.goalHours,
    businessHours: config.response.businessHours.enabled,
    itemsOpened: decided + counts.pending,
    withinGoal: counts["within-goal"],
    missed: counts.missed,
    pending: counts.pending,
    shareWithinGoal: decided === 0 ? null : counts["within-goal"] / decided,
    medianMs: median(durations),
    p90Ms: percentile(durations, 90),
    goalHoursByKind: { issues: kindRules(config.response, false).goalHours, pullRequests: kindRules(config.response, true).goalHours },
    durations: {
      firstResponse: summarize(durations),
      firstReview: summarize(flowValues("firstReviewMs")),
      merge: summarize(flowValues("mergeMs")),
      close: summarize(flowValues("closeMs")),
    },
    waiting,
    responders: rankResponders(responses.map((response) => response.by)),
    timeToAnswer: await timeToAnswer(db, repository.id, period, now, config),
  };
}

/**
 * The items and discussions waiting for a first response at `now`, longest wait first. An item's
 * author is named by the newest login known then for their account id: the row's (as its last
 * delivery showed it, if that came by `now`) or their latest fact's, so a rename shows once GitHub
 * has named them anew; a discussion's, as its opening named them.
 */
async function waitingAt(db: DB, repositoryId: number, config: StewardConfig, now: Date): Promise<WaitingItem[]> {
  const waiting = (await openClocksAt(db, repositoryId, config, now)).filter(({ clock }) => isWaitingForResponse(clock));
  const ids = waiting.flatMap(({ stored }) => (stored.authorId == null ? [] : [stored.authorId]));
  const logins = await latestLogins(db, repositoryId, ids, now);
  const author = ({ stored }: ClockAt) =>
    loginAt({ login: stored.authorLogin, at: stored.updatedAt }, [stored.authorId == null ? undefined : logins.get(stored.authorId)], now);
  const items: WaitingItem[] = waiting.map((entry) => ({
    number: entry.item.number,
    isPull: entry.item.isPull,
    title: entry.item.title,
    author: author(entry),
    waitedMs: entry.clock.clockMs,
    overGoal: entry.clock.clockMs >= entry.clock.goalMs,
  }));
  for (const { item, events } of await openDiscussionsAt(db, repositoryId, config, now)) {
    const clock = computeResponseClock(item, events, config, now);
    if (!isWaitingForResponse(clock)) continue;
    const overGoal = clock.clockMs >= clock.goalMs;
    items.push({
      number: item.number,
      isPull: false,
      isDiscussion: true,
      title: item.title,
      author: item.authorLogin,
      waitedMs: clock.clockMs,
      overGoal,
    });
  }
  return items.sort((a, b) => b.waitedMs - a.waitedMs);
}
