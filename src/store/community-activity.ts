import { sql, type SQL } from "drizzle-orm";
import { type DB, engineOf, selectRow, selectRows } from "./engine.js";

/**
 * Reads of the ledger for the community metrics. Each is bounded by a time range on the
 * (repository, occurred_at) index, so its cost follows the range's activity, not the history.
 */

/**
 * Milliseconds in a day, written into the SQL as an integer literal. Bound as a parameter it
 * arrives as a REAL, the division gives a fractional day (19000.4), and an event on a window's
 * last day falls outside `day <= last` (issue 14, defect 1).
 */
const DAY_MS_LITERAL = sql.raw("86400000");

/** Someone active on a UTC day (days since the epoch). */
export interface ActiveDay {
  /** Who, once whatever their login: `id:<account id>`, or the lowercased login of a fact without one. */
  person: string;
  login: string;
  type: string;
  /** A whole number: the UTC day, as `dayIndex` (src/metrics/active-members.ts) counts it. */
  day: number;
}

/** Who did anything (issue, PR, comment, review, star, fork) on which day, in `[from, to)`. */
export async function listActiveDays(db: DB, repositoryId: number, from: Date, to: Date): Promise<ActiveDay[]> {
  return selectRows<ActiveDay>(
    db,
    sql`
    SELECT DISTINCT coalesce('id:' || actor_id, lower(actor_login)) AS person, actor_login AS login, actor_type AS type,
      CAST(occurred_at / ${DAY_MS_LITERAL} AS INTEGER) AS day
    FROM events
    WHERE repository_id = ${repositoryId} AND occurred_at >= ${from.getTime()} AND occurred_at < ${to.getTime()}`,
  );
}

/** A star given (+1) or taken back (-1), with the total GitHub stated with it, if any. */
export interface StarChange {
  at: Date;
  delta: 1 | -1;
  /** The payload's `stargazers_count` after the change; null for backfilled stars. */
  total: number | null;
}

/** The payload's `stargazers` of an event row: `data` is JSON text on SQLite, jsonb on PostgreSQL. */
function stargazersOf(db: DB): SQL {
  return engineOf(db) === "postgres" ? sql`(data->>'stargazers')::bigint` : sql`json_extract(data, '$.stargazers')`;
}

/** Stars given and taken back in `[from, to)`, oldest first. */
export async function listStarChanges(db: DB, repositoryId: number, from: Date, to: Date): Promise<StarChange[]> {
  const rows = await selectRows<{ kind: string; at: number; total: number | null }>(
    db,
    sql`
    SELECT kind, occurred_at AS at, ${stargazersOf(db)} AS total
    FROM events
    WHERE repository_id = ${repositoryId} AND occurred_at >= ${from.getTime()} AND occurred_at < ${to.getTime()}
      AND kind IN ('star.created', 'star.deleted')
    ORDER BY occurred_at`,
  );
  return rows.map((r) => ({ at: new Date(r.at), delta: r.kind === "star.deleted" ? -1 : 1, total: r.total }));
}

/**
 * Stars given minus stars taken back before `until`, over the ledger: the total when nothing better
 * is known. Bounded, so that stars given since do not count in a total dated `until`.
 */
export async function countStarsInLedger(db: DB, repositoryId: number, until: Date): Promise<number> {
  const row = await selectRow<{ n: number | null }>(
    db,
    sql`
    SELECT CAST(SUM(CASE kind WHEN 'star.created' THEN 1 ELSE -1 END) AS BIGINT) AS n
    FROM events WHERE repository_id = ${repositoryId} AND kind IN ('star.created', 'star.deleted') AND occurred_at < ${until.getTime()}`,
  );
  return Math.max(0, row?.n ?? 0);
}

/** When the `n`-th star (oldest first) was given, if the ledger holds that many. */
export async function nthStarAt(db: DB, repositoryId: number, n: number): Promise<Date | null> {
  const row = await selectRow<{ at: number }>(
    db,
    sql`
    SELECT occurred_at AS at FROM events
    WHERE repository_id = ${repositoryId} AND kind = 'star.created'
    ORDER BY occurred_at LIMIT 1 OFFSET ${Math.max(0, n - 1)}`,
  );
  return row ? new Date(row.at) : null;
}

/** Forks recorded in `[from, to)`. */
export async function countForksBetween(db: DB, repositoryId: number, from: Date, to: Date): Promise<number> {
  const row = await selectRow<{ n: number }>(
    db,
    sql`
    SELECT COUNT(*) AS n FROM events
    WHERE repository_id = ${repositoryId} AND occurred_at >= ${from.getTime()} AND occurred_at < ${to.getTime()} AND kind = 'fork.created'`,
  );
  return row?.n ?? 0;
}

/** The author of an issue or PR, with its times, for counting open community items. */
export interface ItemAuthor {
  number: number;
  authorLogin: string;
  authorType: string;
  authorAssociation: string;
  createdAt: Date;
  closedAt: Date | null;
}

type ItemRow = Omit<ItemAuthor, "createdAt" | "closedAt"> & { createdAt: number; closedAt: number | null };
const toItem = (r: ItemRow): ItemAuthor => ({ ...r, createdAt: new Date(r.createdAt), closedAt: r.closedAt === null ? null : new Date(r.closedAt) });

/** Open issues and PRs now (the items_open index). */
export async function listOpenItems(db: DB, repositoryId: number): Promise<ItemAuthor[]> {
  const rows = await selectRows<ItemRow>(
    db,
    sql`
    SELECT number, author_login AS "authorLogin", author_type AS "authorType", author_association AS "authorAssociation",
           created_at AS "createdAt", closed_at AS "closedAt"
    FROM items WHERE repository_id = ${repositoryId} AND state = 'open'`,
  );
  return rows.map(toItem);
}

/** Issues and PRs closed or merged in `[from, to)` and closed now, found through their close events. */
export async function listItemsClosedBetween(db: DB, repositoryId: number, from: Date, to: Date): Promise<ItemAuthor[]> {
  const rows = await selectRows<ItemRow>(
    db,
    sql`
    SELECT DISTINCT i.number, i.author_login AS "authorLogin", i.author_type AS "authorType",
           i.author_association AS "authorAssociation", i.created_at AS "createdAt", i.closed_at AS "closedAt"
    FROM events e JOIN items i ON i.repository_id = e.repository_id AND i.number = e.item_number
    WHERE e.repository_id = ${repositoryId} AND e.occurred_at >= ${from.getTime()} AND e.occurred_at < ${to.getTime()}
      AND e.kind IN ('issues.closed', 'pull_request.closed', 'pull_request.merged') AND i.state = 'closed'`,
  );
  return rows.map(toItem);
}
