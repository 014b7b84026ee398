import { and, eq, inArray, lt, ne, type SQL } from "drizzle-orm";
import { personKey } from "../domain/identity.js";
import { type DB, type Tables, tablesOf } from "./engine.js";

/** Rows that are signals of interest: every row but a `/steward not-lead`. */
export const isSignal = (leadSignals: Tables["leadSignals"]): SQL => ne(leadSignals.kind, "dismissed");

/**
 * The people (`personKey`) a maintainer's `/steward not-lead` took off the repository's leads as
 * of `until` (all rows when null): those whose latest verdict before it is a dismissal, not a
 * `/steward lead` (a tie goes to the lead). Verdicts are few: one read of them, decided here.
 */
export async function dismissedPeople(db: DB, repositoryId: number, until: Date | null = null): Promise<Set<string>> {
  const { leadSignals } = tablesOf(db);
  const conditions = [eq(leadSignals.repositoryId, repositoryId), inArray(leadSignals.kind, ["marked", "dismissed"])];
  if (until) conditions.push(lt(leadSignals.occurredAt, until));
  const rows = await db
    .select({ login: leadSignals.login, userId: leadSignals.userId, kind: leadSignals.kind, occurredAt: leadSignals.occurredAt })
    .from(leadSignals)
    .where(and(...conditions));
  const latest = new Map<string, { at: number; dismissed: boolean }>();
  for (const row of rows) {
    const key = personKey({ login: row.login, id: row.userId });
    const at = row.occurredAt.getTime();
    const seen = latest.get(key);
    const dismissed = row.kind === "dismissed";
    if (!seen || at > seen.at || (at === seen.at && !dismissed)) latest.set(key, { at, dismissed });
  }
  return new Set([...latest].flatMap(([key, verdict]) => (verdict.dismissed ? [key] : [])));
}
