import { sql } from "drizzle-orm";
import { type DB, selectRows } from "./engine.js";

/**
 * Reads of the ledger and the profiles for the community health figures (src/metrics/health/).
 * The ledger reads are bounded by a time range on the (repository, occurred_at) index or by item
 * numbers, so their cost follows the window's activity, not the history.
 */

/** Ids or item numbers per `IN (...)` list, well below SQLite's bound-parameter limit. */
const CHUNK = 400;

const kindList = (kinds: readonly string[]) =>
  sql.join(
    kinds.map((kind) => sql`${kind}`),
    sql`, `,
  );

/** How often one account did one kind of thing under one login in the window, and when last. */
export interface ActivityCount {
  actorId: number | null;
  actorLogin: string;
  actorType: string;
  kind: string;
  count: number;
  lastAt: Date;
}

/** The facts of `kinds` in `[from, to)`, counted per account, login, type and kind. */
export async function countActivity(db: DB, repositoryId: number, kinds: readonly string[], from: Date, to: Date): Promise<ActivityCount[]> {
  if (kinds.length === 0) return [];
  const rows = await selectRows<Omit<ActivityCount, "lastAt"> & { lastAt: number }>(
    db,
    sql`
    SELECT actor_id AS "actorId", actor_login AS "actorLogin", actor_type AS "actorType", kind,
           COUNT(*) AS count, MAX(occurred_at) AS "lastAt"
    FROM events
    WHERE repository_id = ${repositoryId} AND occurred_at >= ${from.getTime()} AND occurred_at < ${to.getTime()}
      AND kind IN (${kindList(kinds)})
    GROUP BY actor_id, actor_login, actor_type, kind`,
  );
  return rows.map((r) => ({ ...r, count: Number(r.count), lastAt: new Date(Number(r.lastAt)) }));
}

/** Distinct issues and distinct pull requests with a fact of `kinds` in `[from, to)`. */
export async function countItemsWith(
  db: DB,
  repositoryId: number,
  kinds: readonly string[],
  from: Date,
  to: Date,
): Promise<{ issues: number; pullRequests: number }> {
  // Grouped by the column, not by an expression over it: `is_pull` is 0/1 on SQLite and a boolean on PostgreSQL.
  const rows = await selectRows<{ isPull: unknown; n: number }>(
    db,
    sql`
    SELECT is_pull AS "isPull", COUNT(DISTINCT item_number) AS n
    FROM events
    WHERE repository_id = ${repositoryId} AND occurred_at >= ${from.getTime()} AND occurred_at < ${to.getTime()}
      AND kind IN (${kindList(kinds)}) AND item_number IS NOT NULL
    GROUP BY is_pull`,
  );
  const counts = { issues: 0, pullRequests: 0 };
  for (const row of rows) {
    if (row.isPull === null) continue;
    if (row.isPull === true || Number(row.isPull) === 1) counts.pullRequests += Number(row.n);
    else counts.issues += Number(row.n);
  }
  return counts;
}

/**
 * For each of the given items, its latest fact of any kind before `until` (items without one are
 * left out). The bound is in the aggregate, not the WHERE clause: with a time bound there, SQLite's
 * planner takes the time index and reads the whole history up to it instead of these items' facts.
 */
export async function lastFactTimes(db: DB, repositoryId: number, numbers: readonly number[], until: Date): Promise<Map<number, Date>> {
  const found = new Map<number, Date>();
  const unique = [...new Set(numbers)];
  for (let i = 0; i < unique.length; i += CHUNK) {
    const part = unique.slice(i, i + CHUNK);
    const rows = await selectRows<{ number: number; at: number | null }>(
      db,
      sql`
      SELECT item_number AS number, MAX(CASE WHEN occurred_at < ${until.getTime()} THEN occurred_at END) AS at
      FROM events
      WHERE repository_id = ${repositoryId} AND item_number IN (${sql.join(
        part.map((n) => sql`${n}`),
        sql`, `,
      )})
      GROUP BY item_number`,
    );
    for (const row of rows) if (row.at !== null) found.set(Number(row.number), new Date(Number(row.at)));
  }
  return found;
}

/** The company of each given account's stored profile, where it names one (normalized key and spelling). */
export async function profileCompanies(db: DB, userIds: readonly number[]): Promise<Map<number, { companyKey: string; company: string }>> {
  const found = new Map<number, { companyKey: string; company: string }>();
  const unique = [...new Set(userIds)];
  for (let i = 0; i < unique.length; i += CHUNK) {
    const part = unique.slice(i, i + CHUNK);
    const rows = await selectRows<{ userId: number; companyKey: string; company: string }>(
      db,
      sql`
      SELECT user_id AS "userId", company_key AS "companyKey", company
      FROM user_profiles
      WHERE user_id IN (${sql.join(
        part.map((id) => sql`${id}`),
        sql`, `,
      )}) AND company_key IS NOT NULL AND company IS NOT NULL`,
    );
    for (const row of rows) found.set(Number(row.userId), { companyKey: row.companyKey, company: row.company });
  }
  return found;
}
