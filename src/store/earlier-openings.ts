import { and, count, eq, lt, or, isNull, sql, type SQL } from "drizzle-orm";
import type { PersonRef } from "../domain/identity.js";
import { type DB, type Tables, tablesOf } from "./engine.js";

/**
 * Whether the history backfill of `kind` (`issues`, `pulls`, `stars`, `contributors`) has finished
 * for the repository: from then on the ledger holds everything of that kind, from before Steward too.
 */
export async function isBackfillDone(db: DB, repositoryId: number, kind: string): Promise<boolean> {
  const { backfillState } = tablesOf(db);
  const [row] = await db
    .select({ status: backfillState.status })
    .from(backfillState)
    .where(and(eq(backfillState.repositoryId, repositoryId), eq(backfillState.kind, kind)))
    .limit(1);
  return row?.status === "done";
}

/**
 * The ledger's facts by a person: those of their account id, whatever login they carried, and
 * those stored without an id under their login (any case), which GitHub gave for no one else
 * (docs/architecture.md, "Words": person). Without an id, a person is their login.
 */
function actedBy(events: Tables["events"], person: PersonRef): SQL {
  const byLogin = sql`lower(${events.actorLogin}) = ${person.login.toLowerCase()}`;
  return person.id === null ? byLogin : or(eq(events.actorId, person.id), and(isNull(events.actorId), byLogin))!;
}

/**
 * How many issues (`issues.opened`) or pull requests (`pull_request.opened`) the author opened in
 * the repository with a number below `beforeNumber`, per the ledger, under any login they had.
 * Numbers follow creation order, so these are the user's earlier ones; the item numbered
 * `beforeNumber` itself never counts.
 */
export async function countEarlierOpenings(
  db: DB,
  repositoryId: number,
  query: { kind: "issues.opened" | "pull_request.opened"; author: PersonRef; beforeNumber: number },
): Promise<number> {
  const { events } = tablesOf(db);
  const notPull = or(isNull(events.isPull), eq(events.isPull, false));
  const [row] = await db
    .select({ n: count() })
    .from(events)
    .where(
      and(
        eq(events.repositoryId, repositoryId),
        actedBy(events, query.author),
        eq(events.kind, query.kind),
        lt(events.itemNumber, query.beforeNumber),
        query.kind === "issues.opened" ? notPull : undefined,
      ),
    );
  return row?.n ?? 0;
}
