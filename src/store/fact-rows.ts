import type { ItemSnapshot, LedgerEvent } from "../domain/ledger.js";

/**
 * The raw SQL that stores ledger facts, shared by the webhook path (`ledger.ts`) and the history
 * backfill (`backfilled-facts.ts`), so both write the same rows under the same rules: a fact is
 * stored once per natural key, and an item snapshot never overwrites a newer one. Written in the
 * SQL both engines speak, with `?` placeholders only: SQLite prepares it, PostgreSQL gets it
 * through `sqlFromText` (engine.ts); JSON goes in as text, which PostgreSQL casts into jsonb.
 */
export const INSERT_EVENT_SQL = `INSERT INTO events (repository_id, delivery_id, natural_key, kind, actor_login, actor_id, actor_type,
     association, item_number, is_pull, occurred_at, data)
   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`;

/** Deliveries and backfill pages arrive out of order: an older snapshot must not overwrite a newer one. */
export const UPSERT_ITEM_SQL = `INSERT INTO items (repository_id, number, is_pull, title, author_login, author_id, author_type,
     author_association, state, draft, locked, labels, assignees, created_at, updated_at, closed_at, merged_at)
   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
   ON CONFLICT (repository_id, number) DO UPDATE SET
     is_pull = excluded.is_pull, title = excluded.title, author_login = excluded.author_login,
     author_id = excluded.author_id, author_type = excluded.author_type,
     author_association = excluded.author_association, state = excluded.state, draft = excluded.draft,
     locked = excluded.locked, labels = excluded.labels, assignees = excluded.assignees,
     created_at = excluded.created_at, updated_at = excluded.updated_at,
     closed_at = excluded.closed_at, merged_at = excluded.merged_at
   WHERE items.updated_at <= excluded.updated_at`;

/**
 * A person's login is a label that follows renames (docs/architecture.md, "Words": person): a fact
 * by a known account puts its login on their contributor row when it is newer than the fact that
 * gave the current one. Ties go to the greater login, so the order facts arrive in never matters
 * and a late older delivery cannot bring an old login back.
 */
export const CONTRIBUTOR_LABEL_SQL = `UPDATE contributors SET login = ?, login_seen_at = ?
   WHERE repository_id = ? AND user_id = ?
     AND (login_seen_at IS NULL OR login_seen_at < ? OR (login_seen_at = ? AND login < ?))`;

/** The parameters of CONTRIBUTOR_LABEL_SQL for a fact, or null when its actor has no account id. */
export function labelParams(repositoryId: number, e: Pick<LedgerEvent, "actorId" | "actorLogin" | "occurredAt">): unknown[] | null {
  if (e.actorId === null) return null;
  const at = e.occurredAt.getTime();
  return [e.actorLogin, at, repositoryId, e.actorId, at, at, e.actorLogin];
}

/** A time as both engines store it (milliseconds), or null. */
export const ms = (date: Date | null) => (date === null ? null : date.getTime());
/** A flag as SQLite stores it (0 or 1), or null; PostgreSQL reads the same '1' or '0' into a boolean column. */
export const bit = (flag: boolean | null) => (flag === null ? null : flag ? 1 : 0);

/** The parameters of INSERT_EVENT_SQL for one fact; `deliveryId` is null for backfilled facts. */
export function eventParams(repositoryId: number, deliveryId: string | null, e: LedgerEvent): unknown[] {
  return [
    repositoryId,
    deliveryId,
    e.naturalKey,
    e.kind,
    e.actorLogin,
    e.actorId,
    e.actorType,
    e.association,
    e.itemNumber,
    bit(e.isPull),
    ms(e.occurredAt),
    e.data === null ? null : JSON.stringify(e.data),
  ];
}

/** The parameters of UPSERT_ITEM_SQL for one snapshot. */
export function itemParams(repositoryId: number, item: ItemSnapshot): unknown[] {
  return [
    repositoryId,
    item.number,
    bit(item.isPull),
    item.title,
    item.authorLogin,
    item.authorId,
    item.authorType,
    item.authorAssociation,
    item.state,
    bit(item.draft),
    bit(item.locked),
    JSON.stringify(item.labels),
    JSON.stringify(item.assignees),
    ms(item.createdAt),
    ms(item.updatedAt),
    ms(item.closedAt),
    ms(item.mergedAt),
  ];
}

/**
 * The lock a transaction appending a repository's events holds shared, and the member fold holds
 * exclusively before it reads them (src/store/engine.ts, `lockForTransaction`). An event's id is
 * given at its insert, not at its commit: without the lock, a fold on PostgreSQL could see id 101
 * committed while 100 is still in an open transaction, move its watermark past 100, and never fold
 * it. SQLite has one writer at a time, so ids commit in order there.
 */
export const eventAppendLock = (repositoryId: number) => `events:${repositoryId}`;
