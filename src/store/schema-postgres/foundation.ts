/**
 * The foundation tables on PostgreSQL: installations, repositories, the event ledger, config status
 * and side effects. Each mirrors its SQLite twin in ../schema/foundation.ts, where what each table
 * and column means is written; test/store/schema-parity.test.ts keeps the two from drifting apart.
 */
import { sql } from "drizzle-orm";
import { boolean, index, jsonb, pgTable, primaryKey, text, uniqueIndex } from "drizzle-orm/pg-core";
import type { ConfigProblem } from "../../domain/config.js";
import { int64, timestamp } from "./columns.js";

export const installations = pgTable("installations", {
  id: int64("id").primaryKey(),
  accountLogin: text("account_login").notNull(),
  accountType: text("account_type").notNull(),
  suspended: boolean("suspended").notNull().default(false),
  registeredAt: timestamp("registered_at").notNull(),
});

export const repositories = pgTable(
  "repositories",
  {
    id: int64("id").primaryKey(),
    installationId: int64("installation_id").notNull(),
    owner: text("owner").notNull(),
    name: text("name").notNull(),
    fullName: text("full_name").notNull(),
    private: boolean("private").notNull().default(false),
    registeredAt: timestamp("registered_at").notNull(),
  },
  (t) => [uniqueIndex("repositories_full_name_unique").on(t.fullName), index("repositories_installation_idx").on(t.installationId)],
);

export const deliveries = pgTable(
  "deliveries",
  {
    id: text("id").primaryKey(),
    event: text("event").notNull(),
    action: text("action"),
    repositoryId: int64("repository_id"),
    installationId: int64("installation_id"),
    receivedAt: timestamp("received_at").notNull(),
  },
  (t) => [index("deliveries_repository_idx").on(t.repositoryId)],
);

export const events = pgTable(
  "events",
  {
    // SQLite's AUTOINCREMENT: ids only grow, and a caller may still give one.
    id: int64("id").primaryKey().generatedByDefaultAsIdentity(),
    repositoryId: int64("repository_id").notNull(),
    deliveryId: text("delivery_id"),
    naturalKey: text("natural_key").notNull(),
    kind: text("kind").notNull(),
    actorLogin: text("actor_login").notNull(),
    actorId: int64("actor_id"),
    actorType: text("actor_type").notNull(),
    association: text("association"),
    itemNumber: int64("item_number"),
    isPull: boolean("is_pull"),
    occurredAt: timestamp("occurred_at").notNull(),
    data: jsonb("data").$type<Record<string, unknown>>(),
  },
  (t) => [
    uniqueIndex("events_natural_key_unique").on(t.repositoryId, t.naturalKey),
    index("events_repository_time_idx").on(t.repositoryId, t.occurredAt),
    index("events_item_idx").on(t.repositoryId, t.itemNumber),
    index("events_actor_idx").on(t.repositoryId, t.actorId),
    // Discussions have no `items` row: the sweep finds their facts through this small index
    // instead of reading the repository's whole history (queries repeat its predicate verbatim).
    index("events_discussion_idx").on(t.repositoryId, t.kind, t.itemNumber, t.occurredAt).where(sql`kind like 'discussion%'`),
  ],
);

export const items = pgTable(
  "items",
  {
    repositoryId: int64("repository_id").notNull(),
    number: int64("number").notNull(),
    isPull: boolean("is_pull").notNull(),
    title: text("title").notNull(),
    authorLogin: text("author_login").notNull(),
    authorId: int64("author_id"),
    authorType: text("author_type").notNull(),
    authorAssociation: text("author_association").notNull(),
    state: text("state", { enum: ["open", "closed"] }).notNull(),
    draft: boolean("draft").notNull().default(false),
    locked: boolean("locked").notNull().default(false),
    labels: jsonb("labels").$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    assignees: jsonb("assignees").$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    createdAt: timestamp("created_at").notNull(),
    updatedAt: timestamp("updated_at").notNull(),
    closedAt: timestamp("closed_at"),
    mergedAt: timestamp("merged_at"),
  },
  (t) => [primaryKey({ columns: [t.repositoryId, t.number] }), index("items_open_idx").on(t.repositoryId, t.state)],
);

export const configStatus = pgTable("config_status", {
  repositoryId: int64("repository_id").primaryKey(),
  valid: boolean("valid").notNull(),
  errors: jsonb("errors").$type<ConfigProblem[]>().notNull(),
  fingerprint: text("fingerprint").notNull(),
  checkedAt: timestamp("checked_at").notNull(),
});

export const sideEffects = pgTable(
  "side_effects",
  {
    id: int64("id").primaryKey().generatedByDefaultAsIdentity(),
    repositoryId: int64("repository_id").notNull(),
    kind: text("kind").notNull(),
    subject: text("subject").notNull(),
    period: text("period").notNull().default(""),
    state: text("state", { enum: ["claimed", "done"] }).notNull(),
    attempts: int64("attempts").notNull().default(1),
    claimedAt: timestamp("claimed_at").notNull(),
    doneAt: timestamp("done_at"),
    result: jsonb("result").$type<Record<string, unknown>>(),
    lastError: text("last_error"),
  },
  (t) => [
    uniqueIndex("side_effects_key_unique").on(t.repositoryId, t.kind, t.subject, t.period),
    index("side_effects_pending_idx").on(t.state, t.claimedAt),
  ],
);

export const unhandledDeliveries = pgTable(
  "unhandled_deliveries",
  {
    id: text("id").primaryKey(),
    event: text("event").notNull(),
    installationId: int64("installation_id"),
    repositoryId: int64("repository_id").notNull(),
    // Serialized JSON in text, as on SQLite: read back whole, never queried into.
    payload: text("payload").notNull(),
    receivedAt: timestamp("received_at").notNull(),
    attempts: int64("attempts").notNull().default(0),
    lastError: text("last_error"),
  },
  (t) => [index("unhandled_deliveries_received_idx").on(t.receivedAt), index("unhandled_deliveries_repository_idx").on(t.repositoryId)],
);
