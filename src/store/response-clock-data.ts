import { and, desc, eq, gt, gte, inArray, lt, lte } from "drizzle-orm";
import { CLOCK_EVENT_KINDS, CLOSE_EVENT_KINDS, ITEM_STATE_EVENT_KINDS, type ClockEvent, type ClockItem } from "../domain/clock.js";
import type { LoginSeen } from "../domain/identity.js";
import type { DB } from "./db.js";
import { type Tables, tablesOf } from "./engine.js";

/** SQLite allows at most 999 bound parameters in older builds (PostgreSQL 65,535); stay well below. */
const CHUNK = 400;

function chunks<T>(list: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += CHUNK) out.push(list.slice(i, i + CHUNK));
  return out;
}

/** The columns of a fact that make a `ClockEvent`: what the clock of an issue, a PR or a discussion reads. */
export function clockEventColumns(events: Tables["events"]) {
  return {
    kind: events.kind,
    actorLogin: events.actorLogin,
    actorId: events.actorId,
    actorType: events.actorType,
    association: events.association,
    occurredAt: events.occurredAt,
    data: events.data,
  };
}

function itemColumns(items: Tables["items"]) {
  return {
    number: items.number,
    isPull: items.isPull,
    title: items.title,
    authorLogin: items.authorLogin,
    authorId: items.authorId,
    authorType: items.authorType,
    authorAssociation: items.authorAssociation,
    state: items.state,
    draft: items.draft,
    locked: items.locked,
    labels: items.labels,
    assignees: items.assignees,
    createdAt: items.createdAt,
    updatedAt: items.updatedAt,
    closedAt: items.closedAt,
  };
}

/** The open issues and PRs of a repository (the `items_open_idx` index), for the sweep. */
export async function loadOpenItems(db: DB, repositoryId: number): Promise<ClockItem[]> {
  const { items } = tablesOf(db);
  return db
    .select(itemColumns(items))
    .from(items)
    .where(and(eq(items.repositoryId, repositoryId), eq(items.state, "open")));
}

/** The given items of a repository, by number (primary key lookups). */
export async function loadItems(db: DB, repositoryId: number, numbers: readonly number[]): Promise<ClockItem[]> {
  const { items } = tablesOf(db);
  const found: ClockItem[] = [];
  for (const part of chunks([...new Set(numbers)])) {
    found.push(
      ...(await db
        .select(itemColumns(items))
        .from(items)
        .where(and(eq(items.repositoryId, repositoryId), inArray(items.number, part)))),
    );
  }
  return found;
}

/**
 * The clock's facts (CLOCK_EVENT_KINDS) of the given items, per item (the `events_item_idx` index).
 * `until` leaves out what happened after it: a clock at a past instant reads only what was known then.
 */
export async function loadClockEvents(
  db: DB,
  repositoryId: number,
  numbers: readonly number[],
  range: { until?: Date } = {},
): Promise<Map<number, ClockEvent[]>> {
  return loadItemFacts(db, repositoryId, numbers, CLOCK_EVENT_KINDS, range.until);
}

/** The facts that change an item's state (ITEM_STATE_EVENT_KINDS: closes, reopens, labels, drafts), per item. */
export async function loadItemStateFacts(db: DB, repositoryId: number, numbers: readonly number[]): Promise<Map<number, ClockEvent[]>> {
  return loadItemFacts(db, repositoryId, numbers, ITEM_STATE_EVENT_KINDS);
}

async function loadItemFacts(
  db: DB,
  repositoryId: number,
  numbers: readonly number[],
  kinds: readonly string[],
  until?: Date,
): Promise<Map<number, ClockEvent[]>> {
  const { events } = tablesOf(db);
  const byItem = new Map<number, ClockEvent[]>();
  for (const part of chunks([...new Set(numbers)])) {
    const rows = await db
      .select({ itemNumber: events.itemNumber, ...clockEventColumns(events) })
      .from(events)
      .where(and(eq(events.repositoryId, repositoryId), inArray(events.itemNumber, part), inArray(events.kind, [...kinds])));
    for (const { itemNumber, ...event } of rows) {
      // `until` is applied here, not in SQL: with a time bound SQLite's planner takes the time index
      // and reads the whole history up to it instead of the few facts of these items.
      if (itemNumber === null || (until && event.occurredAt > until)) continue;
      const list = byItem.get(itemNumber) ?? [];
      list.push({ ...event, data: event.data ?? null });
      byItem.set(itemNumber, list);
    }
  }
  return byItem;
}

/**
 * The numbers of the items with a close after `after` (the `events_repository_time_idx` index):
 * with the items open now, every item that may have been open then. Cheap at the present, where no
 * fact comes after it. Some may be open again now; the caller keeps the closed ones.
 */
export async function itemsClosedAfter(db: DB, repositoryId: number, after: Date): Promise<number[]> {
  const { events } = tablesOf(db);
  // Not DISTINCT: for it SQLite would walk the item index over the whole history.
  const rows = await db
    .select({ itemNumber: events.itemNumber })
    .from(events)
    .where(and(eq(events.repositoryId, repositoryId), gt(events.occurredAt, after), inArray(events.kind, [...CLOSE_EVENT_KINDS])));
  return [...new Set(rows.flatMap((row) => (row.itemNumber === null ? [] : [row.itemNumber])))];
}

/**
 * For each account id, the login of its latest fact in the repository at or before `until` (ties:
 * the greater login), the rule that keeps `community_members`' labels current, read from the
 * ledger so that a past instant gets the login of then (the `events_actor_idx` index).
 */
export async function latestLogins(db: DB, repositoryId: number, ids: readonly number[], until: Date): Promise<Map<number, LoginSeen>> {
  const { events } = tablesOf(db);
  const found = new Map<number, LoginSeen>();
  for (const id of new Set(ids)) {
    const [row] = await db
      .select({ login: events.actorLogin, at: events.occurredAt })
      .from(events)
      .where(and(eq(events.repositoryId, repositoryId), eq(events.actorId, id), lte(events.occurredAt, until)))
      .orderBy(desc(events.occurredAt), desc(events.actorLogin))
      .limit(1);
    if (row) found.set(id, row);
  }
  return found;
}

/**
 * The items that had a fact of one of `kinds` in `[start, end)` (the `events_repository_time_idx`
 * index): what the figures of one period start from, whatever the size of the history.
 */
export async function itemsWithEventsBetween(db: DB, repositoryId: number, kinds: readonly string[], start: Date, end: Date): Promise<number[]> {
  const { events } = tablesOf(db);
  const rows = await db
    .selectDistinct({ itemNumber: events.itemNumber })
    .from(events)
    .where(and(eq(events.repositoryId, repositoryId), gte(events.occurredAt, start), lt(events.occurredAt, end), inArray(events.kind, [...kinds])));
  return rows.flatMap((row) => (row.itemNumber === null ? [] : [row.itemNumber]));
}

/** The account type ("User" or "Organization") of an installation, null when unknown. */
export async function installationAccountType(db: DB, installationId: number): Promise<string | null> {
  const { installations } = tablesOf(db);
  const [row] = await db.select({ type: installations.accountType }).from(installations).where(eq(installations.id, installationId)).limit(1);
  return row?.type ?? null;
}

/** Of `subjects` (e.g. "#12"), those whose side effect of `kind` is done (the side-effect key index). */
export async function doneEffectSubjects(db: DB, repositoryId: number, kind: string, subjects: readonly string[]): Promise<Set<string>> {
  const { sideEffects } = tablesOf(db);
  const done = new Set<string>();
  for (const part of chunks([...new Set(subjects)])) {
    const rows = await db
      .select({ subject: sideEffects.subject })
      .from(sideEffects)
      .where(
        and(
          eq(sideEffects.repositoryId, repositoryId),
          eq(sideEffects.kind, kind),
          inArray(sideEffects.subject, part),
          eq(sideEffects.state, "done"),
        ),
      );
    for (const row of rows) done.add(row.subject);
  }
  return done;
}
