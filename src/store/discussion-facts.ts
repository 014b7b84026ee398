import { and, eq, inArray } from "drizzle-orm";
import { type ClockEvent, DISCUSSION_EVENT_KINDS } from "../domain/clock.js";
import type { DB } from "./db.js";
import { tablesOf } from "./engine.js";
import { clockEventColumns } from "./response-clock-data.js";

/** A discussion's fact, with the discussion's number. */
export interface DiscussionFact extends ClockEvent {
  number: number;
}

/**
 * Every discussion fact of a repository (DISCUSSION_EVENT_KINDS), oldest first. Discussions have
 * no `items` row: what the clock knows of one is read from these facts alone.
 */
export async function loadDiscussionFacts(db: DB, repositoryId: number): Promise<DiscussionFact[]> {
  const { events } = tablesOf(db);
  const rows = await db
    .select({ number: events.itemNumber, ...clockEventColumns(events) })
    .from(events)
    .where(and(eq(events.repositoryId, repositoryId), inArray(events.kind, [...DISCUSSION_EVENT_KINDS])));
  return rows
    .flatMap(({ number, ...fact }) => (number === null ? [] : [{ ...fact, number, data: fact.data ?? null }]))
    .sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
}
