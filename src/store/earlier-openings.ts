import { and, eq, lt, or, isNull, sql } from "drizzle-orm";
import type { DB } from "./db.js";
import { backfillState, events } from "./schema.js";

/**
 * Whether the history backfill of `kind` (`issues`, `pulls`, `stars`, `contributors`) has finished
 * for the repository: from then on the ledger holds everything of that kind, from before Steward too.
 */
export async function isBackfillDone(db: DB, repositoryId: number, kind: string): Promise<boolean> {
  const row = db
    .select({ status: backfillState.status })
    .from(backfillState)
    .where(and(eq(backfillState.repositoryId, repositoryId), eq(backfillState.kind, kind)))
    .get();
  return row?.status === "done";
}

/**
 * How many issues (`issues.opened`) or pull requests (`pull_request.opened`) `login` opened in the
 * repository with a number below `beforeNumber`, per the ledger. Numbers follow creation order, so
 * these are the user's earlier ones; the item numbered `beforeNumber` itself never counts.
 */
export async function countEarlierOpenings(
  db: DB,
  repositoryId: number,
  query: { kind: "issues.opened" | "pull_request.opened"; login: string; beforeNumber: number },
): Promise<number> {
  const notPull = or(isNull(events.isPull), eq(events.isPull, false));
  const row = db
    .select({ n: sql<number>`count(*)` })
    .from(events)
    .where(
      and(
        eq(events.repositoryId, repositoryId),
        eq(events.actorLogin, query.login),
        eq(events.kind, query.kind),
        lt(events.itemNumber, query.beforeNumber),
        query.kind === "issues.opened" ? notPull : undefined,
      ),
    )
    .get();
  return row?.n ?? 0;
}
