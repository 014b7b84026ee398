/** The foundation: installations, repositories, the event ledger, config status and side effects. */
import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import type { ConfigProblem } from "../../domain/config.js";
import { timestamp } from "./columns.js";

/** A GitHub App installation, as announced by `installation.created` or seen in any delivery. */
export const installations = sqliteTable("installations", {
  id: integer("id").primaryKey(),
  accountLogin: text("account_login").notNull(),
  accountType: text("account_type").notNull(),
  suspended: integer("suspended", { mode: "boolean" }).notNull().default(false),
  registeredAt: timestamp("registered_at").notNull(),
});

/** A repository Steward serves. Keyed by GitHub's numeric id, which survives renames. */
export const repositories = sqliteTable(
  "repositories",
  {
    id: integer("id").primaryKey(),
    installationId: integer("installation_id").notNull(),
    owner: text("owner").notNull(),
    name: text("name").notNull(),
    fullName: text("full_name").notNull(),
    private: integer("private", { mode: "boolean" }).notNull().default(false),
    registeredAt: timestamp("registered_at").notNull(),
  },
  (t) => [uniqueIndex("repositories_full_name_unique").on(t.fullName), index("repositories_installation_idx").on(t.installationId)],
);

/**
 * One row per webhook delivery Steward has accepted. The primary key on GitHub's
 * `X-GitHub-Delivery` id is what makes a redelivery a no-op.
 */
export const deliveries = sqliteTable(
  "deliveries",
  {
    id: text("id").primaryKey(),
    event: text("event").notNull(),
    action: text("action"),
    repositoryId: integer("repository_id"),
    installationId: integer("installation_id"),
    receivedAt: timestamp("received_at").notNull(),
  },
  (t) => [index("deliveries_repository_idx").on(t.repositoryId)],
);

/**
 * The event ledger: compact facts (who did what to which item of which repository, and when by
 * GitHub's clock). `naturalKey` is derived from the payload alone, so the same fact arriving from a
 * webhook and later from a backfill is stored once.
 */
export const events = sqliteTable(
  "events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    repositoryId: integer("repository_id").notNull(),
    deliveryId: text("delivery_id"),
    naturalKey: text("natural_key").notNull(),
    kind: text("kind").notNull(),
    actorLogin: text("actor_login").notNull(),
    actorId: integer("actor_id"),
    actorType: text("actor_type").notNull(),
    association: text("association"),
    itemNumber: integer("item_number"),
    isPull: integer("is_pull", { mode: "boolean" }),
    occurredAt: timestamp("occurred_at").notNull(),
    data: text("data", { mode: "json" }).$type<Record<string, unknown>>(),
  },
  (t) => [
    uniqueIndex("events_natural_key_unique").on(t.repositoryId, t.naturalKey),
    index("events_repository_time_idx").on(t.repositoryId, t.occurredAt),
    index("events_item_idx").on(t.repositoryId, t.itemNumber),
    // A person's facts by account id (facts without one, by login, are the range with a null id).
    index("events_actor_idx").on(t.repositoryId, t.actorId),
    // Discussions have no `items` row: the sweep finds their facts through this small index
    // instead of reading the repository's whole history (queries repeat its predicate verbatim).
    index("events_discussion_idx").on(t.repositoryId, t.kind, t.itemNumber, t.occurredAt).where(sql`kind like 'discussion%'`),
  ],
);

/**
 * The latest known state of each issue and pull request, so the response clock and the digest read
 * the open items directly instead of replaying history. `updatedAt` is GitHub's, and an update
 * only applies when it is not older than what is stored: late deliveries cannot roll state back.
 */
export const items = sqliteTable(
  "items",
  {
    repositoryId: integer("repository_id").notNull(),
    number: integer("number").notNull(),
    isPull: integer("is_pull", { mode: "boolean" }).notNull(),
    title: text("title").notNull(),
    authorLogin: text("author_login").notNull(),
    authorId: integer("author_id"),
    authorType: text("author_type").notNull(),
    authorAssociation: text("author_association").notNull(),
    state: text("state", { enum: ["open", "closed"] }).notNull(),
    draft: integer("draft", { mode: "boolean" }).notNull().default(false),
    locked: integer("locked", { mode: "boolean" }).notNull().default(false),
    labels: text("labels", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
    assignees: text("assignees", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
    createdAt: timestamp("created_at").notNull(),
    updatedAt: timestamp("updated_at").notNull(),
    closedAt: timestamp("closed_at"),
    mergedAt: timestamp("merged_at"),
  },
  (t) => [primaryKey({ columns: [t.repositoryId, t.number] }), index("items_open_idx").on(t.repositoryId, t.state)],
);

/**
 * The outcome of the latest read of a repository's `.github/steward.yml`. Kept so an invalid file
 * is logged once (when its errors change) and so the digest can show the errors.
 */
export const configStatus = sqliteTable("config_status", {
  repositoryId: integer("repository_id").primaryKey(),
  valid: integer("valid", { mode: "boolean" }).notNull(),
  errors: text("errors", { mode: "json" }).$type<ConfigProblem[]>().notNull(),
  fingerprint: text("fingerprint").notNull(),
  checkedAt: timestamp("checked_at").notNull(),
});

/**
 * Side effects on GitHub (comments, labels, issues), claimed before they are performed. The
 * unique key (repository, kind, subject, period) is what makes every welcome, reminder and digest
 * happen at most once; `claimedAt` is a lease, so a claim whose owner crashed can be taken over,
 * and the taker first looks on GitHub for the effect's hidden marker before creating anything.
 */
export const sideEffects = sqliteTable(
  "side_effects",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    repositoryId: integer("repository_id").notNull(),
    kind: text("kind").notNull(),
    subject: text("subject").notNull(),
    /** "" when the effect happens once ever (a welcome); e.g. "2026-W48" for a weekly digest. */
    period: text("period").notNull().default(""),
    state: text("state", { enum: ["claimed", "done"] }).notNull(),
    attempts: integer("attempts").notNull().default(1),
    claimedAt: timestamp("claimed_at").notNull(),
    doneAt: timestamp("done_at"),
    /** What the effect produced, e.g. the comment's id and URL. */
    result: text("result", { mode: "json" }).$type<Record<string, unknown>>(),
    lastError: text("last_error"),
  },
  (t) => [
    uniqueIndex("side_effects_key_unique").on(t.repositoryId, t.kind, t.subject, t.period),
    index("side_effects_pending_idx").on(t.state, t.claimedAt),
  ],
);

/**
 * Deliveries recorded but not yet handled to the end: the payload is kept until every feature ran
 * on it, so a crash, a kill or a failing handler never loses a welcome, a lead or a label. A
 * redelivery of such a delivery, the recovery job and the start-up run the features again; their
 * claims keep every effect single. The row is deleted once all features succeeded.
 */
export const unhandledDeliveries = sqliteTable(
  "unhandled_deliveries",
  {
    id: text("id").primaryKey(),
    event: text("event").notNull(),
    installationId: integer("installation_id"),
    repositoryId: integer("repository_id").notNull(),
    payload: text("payload").notNull(),
    receivedAt: timestamp("received_at").notNull(),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
  },
  (t) => [index("unhandled_deliveries_received_idx").on(t.receivedAt), index("unhandled_deliveries_repository_idx").on(t.repositoryId)],
);
