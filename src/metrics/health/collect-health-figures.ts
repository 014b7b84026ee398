import type { StewardConfig } from "../../config/schema.js";
import { CLOSE_EVENT_KINDS, type ClockEvent, type ClockItem, RESPONSE_EVENT_KINDS } from "../../domain/clock.js";
import type { HealthFigures, Period, SmallestMajority } from "../../domain/figures.js";
import type { RepositoryRecord } from "../../domain/repository.js";
import { clocksAt } from "../../sla/clocks-at.js";
import { itemAt } from "../../sla/item-at.js";
import { listNewContributors } from "../../store/contributors.js";
import type { DB } from "../../store/db.js";
import { countActivity, countItemsWith, lastFactTimes, profileCompanies } from "../../store/health-facts.js";
import { itemsClosedAfter, itemsWithEventsBetween, loadItems, loadItemStateFacts, loadOpenItems } from "../../store/response-clock-data.js";
import { closureRatio } from "./closure-ratio.js";
import { elephantFactor } from "./elephant-factor.js";
import { healthWindows } from "./health-windows.js";
import { ACTIVITY_KINDS, peopleActivity } from "./people-activity.js";
import { retention } from "./retention.js";
import { smallestMajority, type Tally } from "./smallest-majority.js";
import { staleBacklog } from "./stale-backlog.js";

const OPENED_KINDS = ["issues.opened", "pull_request.opened"];

/**
 * The community health figures (CHAOSS metrics) of one repository and period, from the store only,
 * as they stood at the period's end or at `now` if earlier: every read stops there, so a past
 * digest made again shows the same (docs/architecture.md, "One digest, one truth"). The one input
 * without a past is a person's company: profiles keep only their latest reading.
 */
export async function collectHealthFigures(
  db: DB,
  repository: RepositoryRecord,
  period: Period,
  now: Date,
  config: StewardConfig,
): Promise<HealthFigures> {
  const windows = healthWindows(period, now);
  const { end } = windows;
  const people = peopleActivity(await countActivity(db, repository.id, ACTIVITY_KINDS, windows.factors.start, end), config);
  const companies = await profileCompanies(
    db,
    people.flatMap((p) => (p.id === null ? [] : [p.id])),
  );
  const recent = peopleActivity(await countActivity(db, repository.id, ACTIVITY_KINDS, windows.recent.start, end), config);
  const cohort = await listNewContributors(db, repository.id, windows.cohort.start, windows.cohort.end);
  const opened = await countItemsWith(db, repository.id, OPENED_KINDS, windows.period.start, end);
  const closed = await countItemsWith(db, repository.id, CLOSE_EVENT_KINDS, windows.period.start, end);
  return {
    window: windows.factors,
    busFactor: {
      merges: majorityOf(people.map((p) => ({ login: p.login, count: p.merges }))),
      firstResponses: majorityOf(await firstResponders(db, repository.id, windows.factors, config)),
    },
    elephantFactor: elephantFactor(people, companies),
    retention: retention(cohort, new Set(recent.map((p) => p.key)), windows),
    closure: {
      issues: closureRatio(opened.issues, closed.issues),
      pullRequests: closureRatio(opened.pullRequests, closed.pullRequests),
    },
    staleBacklog: await staleAt(db, repository.id, end),
  };
}

/** Over tallies that make up the whole, half is always reached. */
function majorityOf(tallies: Tally[]): SmallestMajority {
  return smallestMajority(tallies) ?? { factor: 0, total: 0, people: [] };
}

/**
 * Who gave the first responses (docs/architecture.md, "Words") given in the window, one tally per
 * response, by login as the response clock names them. The items are those with a response-kind
 * fact in the window, whose clocks are computed at its end as the response figures do.
 */
async function firstResponders(db: DB, repositoryId: number, window: Period, config: StewardConfig): Promise<Tally[]> {
  const numbers = await itemsWithEventsBetween(db, repositoryId, RESPONSE_EVENT_KINDS, window.start, window.end);
  const clocks = await clocksAt(db, repositoryId, await loadItems(db, repositoryId, numbers), config, window.end);
  const tallies = new Map<string, Tally>();
  for (const { clock } of clocks) {
    const response = clock.firstResponse;
    if (!response || response.at < window.start || response.at >= window.end) continue;
    const tally = tallies.get(response.by.toLowerCase()) ?? { login: response.by, count: 0 };
    tally.count++;
    tallies.set(response.by.toLowerCase(), tally);
  }
  return [...tallies.values()];
}

/**
 * The stale backlog at `at`: the items open then (open now, or closed since `at` and taken back
 * through their state facts, as `openClocksAt` does for the waiting items) with their latest fact before it.
 */
async function staleAt(db: DB, repositoryId: number, at: Date) {
  const closedSince = (await loadItems(db, repositoryId, await itemsClosedAfter(db, repositoryId, at))).filter((item) => item.state === "closed");
  const candidates: ClockItem[] = [...(await loadOpenItems(db, repositoryId)), ...closedSince];
  const changed = candidates.filter((item) => item.updatedAt > at).map((item) => item.number);
  const stateFacts = changed.length === 0 ? new Map<number, ClockEvent[]>() : await loadItemStateFacts(db, repositoryId, changed);
  const open = candidates.flatMap((row) => {
    const item = itemAt(row, stateFacts.get(row.number) ?? [], at);
    return item && item.state === "open" && item.createdAt < at ? [item] : [];
  });
  const touched = await lastFactTimes(
    db,
    repositoryId,
    open.map((item) => item.number),
    at,
  );
  return staleBacklog(
    open.map((item) => ({
      number: item.number,
      isPull: item.isPull,
      title: item.title,
      createdAt: item.createdAt,
      lastFactAt: touched.get(item.number) ?? null,
    })),
    at,
  );
}
