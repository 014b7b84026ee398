import type { StewardConfig } from "../config/schema.js";
import { isCommunity } from "../people/roles.js";
import type { Period, ResponseFigures, WaitingItem } from "../domain/figures.js";
import type { DB } from "../store/db.js";
import type { RepositoryRecord } from "../domain/repository.js";
import { itemsWithEventsBetween, loadClockEvents, loadItems } from "../store/response-clock-data.js";
import { RESPONSE_EVENT_KINDS, type ClockItem } from "../domain/clock.js";
import { flowTimes } from "./flow-times.js";
import { kindRules } from "./kind-rules.js";
import { computeResponseClock, type ResponseClock } from "./response-clock.js";
import { median, outcomeOf, percentile, rankResponders, summarize } from "./response-stats.js";
import { openClocks } from "./run-sweep.js";

const OPENED_KINDS = ["issues.opened", "pull_request.opened"];

/**
 * The response figures of one repository and period, from the store only: items opened in the
 * period and how they fared against their kind's goal (misses include items still waiting past
 * it), the median and 90th percentile of the first responses given in the period and who gave
 * them, the items waiting now, and the duration figures (`DurationFigures`: first response, first
 * review, merge, close), each over the community items whose step falls in the period. Reads the
 * period's facts (by repository and time) and the open items, never the whole history: every
 * item with a first review, merge or close in the period has a response-kind fact in it.
 */
export async function collectResponseFigures(
  db: DB,
  repository: RepositoryRecord,
  period: Period,
  now: Date,
  config: StewardConfig,
): Promise<ResponseFigures> {
  const opened = await itemsWithEventsBetween(db, repository.id, OPENED_KINDS, period.start, period.end);
  const answeredIn = await itemsWithEventsBetween(db, repository.id, RESPONSE_EVENT_KINDS, period.start, period.end);
  const items = (await loadItems(db, repository.id, [...opened, ...answeredIn])).filter((item) =>
    isCommunity({ login: item.authorLogin, type: item.authorType, association: item.authorAssociation }, config),
  );
  const events = await loadClockEvents(
    db,
    repository.id,
    items.map((item) => item.number),
  );
  const clocks = new Map<number, { item: ClockItem; clock: ResponseClock }>();
  for (const item of items) clocks.set(item.number, { item, clock: computeResponseClock(item, events.get(item.number) ?? [], config, now) });

  const inPeriod = (at: Date) => at >= period.start && at < period.end;
  const counts = { "within-goal": 0, missed: 0, pending: 0, withdrawn: 0 };
  for (const { item, clock } of clocks.values()) {
    if (inPeriod(item.createdAt)) counts[outcomeOf(clock)]++;
  }
  const responses = [...clocks.values()].flatMap(({ clock }) =>
    clock.firstResponse && inPeriod(clock.firstResponse.at) ? [clock.firstResponse] : [],
  );
  const durations = responses.map((response) => response.clockMs);
  const flows = [...clocks.values()].map(({ item }) => flowTimes(item, events.get(item.number) ?? [], config, period));
  const flowValues = (key: "firstReviewMs" | "mergeMs" | "closeMs") => flows.flatMap((flow) => (flow[key] === null ? [] : [flow[key]]));
  const decided = counts["within-goal"] + counts.missed;

  const waiting: WaitingItem[] = (await openClocks({ db }, repository.id, config, now))
    .filter(({ clock }) => clock.firstResponse === null)
    .map(({ item, clock }) => ({
      number: item.number,
      isPull: item.isPull,
      title: item.title,
      author: item.authorLogin,
      waitedMs: clock.clockMs,
      overGoal: clock.clockMs >= clock.goalMs,
    }));
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
  };
}
