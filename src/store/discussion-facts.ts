import { and, eq, inArray, sql } from "drizzle-orm";
import { type ClockEvent, DISCUSSION_STATE_KINDS } from "../domain/clock.js";
import type { DB } from "./db.js";
import { tablesOf } from "./engine.js";
import { clockEventColumns } from "./response-clock-data.js";

/** A discussion's fact, with the discussion's number. */
export interface DiscussionFact extends ClockEvent {
  number: number;
}

/**
 * The predicate of the partial index `events_discussion_idx`, repeated word for word: SQLite
 * uses a partial index only for a query whose WHERE clause contains the index's own condition.
 */
const DISCUSSION_ROWS = sql`kind like 'discussion%'`;

/** Numbers per statement when comments are read for a list of discussions (well under any bind limit). */
const NUMBERS_PER_READ = 500;

/**
 * Every discussion's own facts in a repository (DISCUSSION_STATE_KINDS: openings, answers,
 * closes, moves, ends; no comments), oldest first. Discussions have no `items` row: what is known
 * of one is read from these facts, through the small discussion index, never the whole history.
 */
export async function loadDiscussionStateFacts(db: DB, repositoryId: number): Promise<DiscussionFact[]> {
  return oldestFirst(await discussionStateQuery(db, repositoryId));
}

/** The statement of `loadDiscussionStateFacts`, which a test asks SQLite to plan. */
export function discussionStateQuery(db: DB, repositoryId: number) {
  const { events } = tablesOf(db);
  return db
    .select({ number: events.itemNumber, ...clockEventColumns(events) })
    .from(events)
    .where(and(eq(events.repositoryId, repositoryId), DISCUSSION_ROWS, inArray(events.kind, [...DISCUSSION_STATE_KINDS])));
}

/** The comments of the given discussions, oldest first. */
export async function loadDiscussionComments(db: DB, repositoryId: number, numbers: readonly number[]): Promise<DiscussionFact[]> {
  const { events } = tablesOf(db);
  const rows = [];
  for (let start = 0; start < numbers.length; start += NUMBERS_PER_READ) {
    const chunk = numbers.slice(start, start + NUMBERS_PER_READ);
    rows.push(
      ...(await db
        .select({ number: events.itemNumber, ...clockEventColumns(events) })
        .from(events)
        .where(
          and(
            eq(events.repositoryId, repositoryId),
            DISCUSSION_ROWS,
            eq(events.kind, "discussion_comment.created"),
            inArray(events.itemNumber, chunk),
          ),
        )),
    );
  }
  return oldestFirst(rows);
}

type FactRow = Omit<DiscussionFact, "number" | "data"> & { number: number | null; data: Record<string, unknown> | null };

function oldestFirst(rows: readonly FactRow[]): DiscussionFact[] {
  return rows
    .flatMap(({ number, ...fact }) => (number === null ? [] : [{ ...fact, number, data: fact.data ?? null }]))
    .sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
}
