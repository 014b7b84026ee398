import { sql } from "drizzle-orm";
import type { DB, SqliteDB } from "../src/store/db.js";
import { saveRepositoryFacts } from "../src/store/repository-facts.js";
import { StoreRowWriter } from "./store-rows.js";

const DAY = 86_400_000;
const HOUR = 3_600_000;
/** Recent activity (identical in every store) covers this many days before `now`. */
export const RECENT_DAYS = 120;
const HISTORY_YEARS = 3;
const MEMBERS = 50_000;
const DEVELOPERS = 5_000;
const WAITING = 40;

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** What a built store holds. */
export interface HistoryStore {
  events: number;
  recentEvents: number;
  waiting: number;
}

/**
 * Fills a repository's store as a real history would have it, straight into SQLite: the last
 * RECENT_DAYS of activity (stars, community issues answered by a maintainer and closed, merged PRs
 * with reviews, WAITING unanswered community issues) are the same whatever `totalEvents`, and
 * older history (stars by many people, issues with comments and closes over many members, merged
 * PRs making contributors) fills the years before up to `totalEvents` ledger facts. Also writes
 * what the daily job and a finished backfill leave: daily metrics for every day, repository facts,
 * contributors numbered, company profiles of some stargazers.
 */
export function buildHistoryStore(db: SqliteDB, repositoryId: number, now: number, totalEvents: number): HistoryStore {
  const rows = new StoreRowWriter(db, repositoryId);
  const recentStart = now - RECENT_DAYS * DAY;
  const historyStart = recentStart - HISTORY_YEARS * 365 * DAY;
  let events = 0;
  let number = 0;
  let star = 0;
  let nodeId = 1_000_000;
  const event = (row: Parameters<StoreRowWriter["event"]>[0]) => {
    rows.event(row);
    events++;
  };
  const starAt = (at: number) => {
    const login = `stargazer-${star++}`;
    event({ naturalKey: `star:${login}:${at}`, kind: "star.created", actorLogin: login, occurredAt: at });
    if (star % 10 === 0) rows.profile(login, star % 20 === 0 ? "@acme-corp" : `Company ${star % 997}`, at);
  };
  const issue = (author: string, at: number, answerAfter: number | null, closeAfter: number | null, title: string) => {
    const n = ++number;
    const id = ++nodeId;
    event({
      naturalKey: `issue:${id}:opened`,
      kind: "issues.opened",
      actorLogin: author,
      association: "NONE",
      itemNumber: n,
      isPull: false,
      occurredAt: at,
    });
    if (answerAfter !== null) {
      event({
        naturalKey: `comment:${++nodeId}:created`,
        kind: "issue_comment.created",
        actorLogin: "maint",
        association: "MEMBER",
        itemNumber: n,
        isPull: false,
        occurredAt: at + answerAfter,
        data: { commentId: nodeId },
      });
      event({
        naturalKey: `comment:${++nodeId}:created`,
        kind: "issue_comment.created",
        actorLogin: author,
        association: "NONE",
        itemNumber: n,
        isPull: false,
        occurredAt: at + answerAfter + HOUR,
        data: { commentId: nodeId },
      });
    }
    const closedAt = closeAfter === null ? null : at + closeAfter;
    if (closedAt !== null) {
      event({
        naturalKey: `issue:${id}:closed:${closedAt}:`,
        kind: "issues.closed",
        actorLogin: "maint",
        association: "MEMBER",
        itemNumber: n,
        isPull: false,
        occurredAt: closedAt,
        data: { stateReason: "completed" },
      });
    }
    rows.item({
      number: n,
      isPull: false,
      title,
      authorLogin: author,
      authorAssociation: "NONE",
      state: closedAt === null ? "open" : "closed",
      createdAt: at,
      updatedAt: closedAt ?? at + (answerAfter ?? 0) + HOUR,
      closedAt,
    });
  };
  const pull = (author: string, at: number) => {
    const n = ++number;
    const id = ++nodeId;
    const mergedAt = at + 20 * HOUR;
    event({
      naturalKey: `pr:${id}:opened`,
      kind: "pull_request.opened",
      actorLogin: author,
      association: "CONTRIBUTOR",
      itemNumber: n,
      isPull: true,
      occurredAt: at,
    });
    event({
      naturalKey: `review:${++nodeId}:submitted`,
      kind: "pull_request_review.submitted",
      actorLogin: "maint",
      association: "MEMBER",
      itemNumber: n,
      isPull: true,
      occurredAt: at + 4 * HOUR,
      data: { state: "approved" },
    });
    event({
      naturalKey: `pr:${id}:merged`,
      kind: "pull_request.merged",
      actorLogin: "maint",
      association: "MEMBER",
      itemNumber: n,
      isPull: true,
      occurredAt: mergedAt,
      data: { mergedBy: "maint" },
    });
    rows.item({
      number: n,
      isPull: true,
      title: `Change ${n}`,
      authorLogin: author,
      authorAssociation: "CONTRIBUTOR",
      state: "closed",
      createdAt: at,
      updatedAt: mergedAt,
      closedAt: mergedAt,
      mergedAt,
    });
    rows.contributor(author, mergedAt, n);
  };

  const recentEvents = countRecentEvents();
  rows.transaction(() => {
    // The recent activity, the same in every store: ~19 facts a day.
    const recent = () => {
      for (let d = 0; d < RECENT_DAYS; d++) {
        const start = recentStart + d * DAY;
        for (let k = 0; k < 5; k++) starAt(start + (k + 1) * 3 * HOUR);
        for (let k = 0; k < 3; k++) {
          const answered = (d + k) % 4 !== 0;
          issue(
            `recent-${(d * 3 + k) % 300}`,
            start + (k + 2) * 2 * HOUR,
            answered ? (3 + k * 10) * HOUR : null,
            d < RECENT_DAYS - 10 ? 3 * DAY : null,
            `Recent question ${d}-${k}`,
          );
        }
        pull(`dev-${d % 60}`, start + 9 * HOUR);
      }
      for (let w = 0; w < WAITING; w++) issue(`waiting-${w}`, now - (5 * DAY * (w + 1)) / (WAITING + 1), null, null, `Still waiting ${w}`);
    };
    // Older history first, so item numbers and ids grow with time as on GitHub.
    const older = Math.max(0, totalEvents - recentEvents);
    const cycle = 3 + 4 + 1; // 3 stars, one answered and closed issue (4 facts), a third of a merged PR (3 facts)
    const cycles = Math.floor(older / cycle);
    const step = (recentStart - historyStart) / Math.max(1, cycles);
    for (let c = 0; c < cycles; c++) {
      const at = Math.floor(historyStart + c * step);
      for (let k = 0; k < 3; k++) starAt(at + k);
      issue(`member-${(c * 7919) % MEMBERS}`, at + 10, 6 * HOUR, 2 * DAY, `Old question ${c}`);
      if (c % 3 === 0) pull(`developer-${(c * 31) % DEVELOPERS}`, at + 20);
    }
    while (events < totalEvents - recentEvents) starAt(recentStart - DAY + (events % 1_000));
    recent();
  });
  rows.flush();
  rows.numberContributors();

  // What the daily job and a finished backfill leave behind.
  rows.transaction(() => {
    let stars = 0;
    const starsByDay = new Map<string, number>(
      db
        .all<{ d: string; n: number }>(
          sql`SELECT strftime('%Y-%m-%d', occurred_at / 1000, 'unixepoch') AS d, COUNT(*) AS n FROM events WHERE repository_id = ${repositoryId} AND kind = 'star.created' GROUP BY d`,
        )
        .map((r) => [r.d, r.n]),
    );
    for (let t = historyStart; t < now - DAY; t += DAY) {
      stars += starsByDay.get(day(t)) ?? 0;
      rows.dailyMetric(day(t), "stars", stars);
      rows.dailyMetric(day(t), "forks", Math.floor(stars / 20));
      rows.dailyMetric(day(t), "activeMembers", 50 + ((t / DAY) % 30));
    }
  });
  const finished = now - DAY;
  db.$client
    .prepare(
      `INSERT INTO backfill_state (repository_id, kind, status, cursor, done, total, requests, last_error, started_at, updated_at, finished_at) VALUES (?, ?, 'done', NULL, 0, 0, 0, NULL, ?, ?, ?)`,
    )
    .run(repositoryId, "contributors", finished, finished, finished);
  for (const kind of ["stars", "issues", "pulls"]) {
    db.$client
      .prepare(
        `INSERT INTO backfill_state (repository_id, kind, status, cursor, done, total, requests, last_error, started_at, updated_at, finished_at) VALUES (?, ?, 'done', NULL, 0, 0, 0, NULL, ?, ?, ?)`,
      )
      .run(repositoryId, kind, finished, finished, finished);
  }
  return { events, recentEvents, waiting: WAITING };
}

/** How many facts the recent activity of `buildHistoryStore` writes (it must match `recent` there). */
function countRecentEvents(): number {
  let n = WAITING;
  for (let d = 0; d < RECENT_DAYS; d++) {
    n += 5 + 3;
    for (let k = 0; k < 3; k++) n += 1 + ((d + k) % 4 !== 0 ? 2 : 0) + (d < RECENT_DAYS - 10 ? 1 : 0);
  }
  return n;
}

/** The repository facts the daily job writes (totals, licence, community profile), read yesterday. */
export async function saveDailyFacts(db: DB, repositoryId: number, now: number, stars: number): Promise<void> {
  await saveRepositoryFacts(
    db,
    repositoryId,
    { stars, forks: Math.floor(stars / 20), openIssues: 40, license: "MIT", community: null, communityNote: "not read" },
    new Date(now - DAY),
  );
}
