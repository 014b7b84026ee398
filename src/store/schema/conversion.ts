/** Conversion: lead signals, customers, and the per-person projection of the ledger with its counters. */
import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import type { LeadSignalKind } from "../../domain/lead-signal-kind.js";
import { timestamp } from "./columns.js";

/**
 * Enterprise interest: each issue, PR or comment by a community member that matched the configured
 * terms. Keyed by the ledger's natural key of the matching fact, so a redelivery adds nothing.
 */
export const leadSignals = sqliteTable(
  "lead_signals",
  {
    repositoryId: integer("repository_id").notNull(),
    naturalKey: text("natural_key").notNull(),
    /** Their login when they wrote it; the lead is the person (`userId`), named by their member row's login. */
    login: text("login").notNull(),
    userId: integer("user_id"),
    itemNumber: integer("item_number"),
    terms: text("terms", { mode: "json" }).$type<string[]>().notNull(),
    occurredAt: timestamp("occurred_at").notNull(),
    /** `interest`, `marked` (`/steward lead`) or `dismissed` (`/steward not-lead`): see `LeadSignalKind`. */
    kind: text("kind").$type<LeadSignalKind>().notNull().default("interest"),
  },
  (t) => [primaryKey({ columns: [t.repositoryId, t.naturalKey] }), index("lead_signals_person_idx").on(t.repositoryId, t.userId, t.login)],
);

/** Paying organizations, recorded privately by maintainers through the CLI. */
export const customers = sqliteTable(
  "customers",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    repositoryId: integer("repository_id").notNull(),
    company: text("company").notNull(),
    companyKey: text("company_key").notNull(),
    plan: text("plan").notNull(),
    /** Monthly recurring revenue in US cents, so sums stay exact. */
    mrrCents: integer("mrr_cents").notNull(),
    login: text("login"),
    since: timestamp("since").notNull(),
    createdAt: timestamp("created_at").notNull(),
  },
  (t) => [uniqueIndex("customers_company_unique").on(t.repositoryId, t.companyKey)],
);

/**
 * One row per person seen in a repository's ledger: the ledger folded per account id (per login for
 * facts without one), so the conversion funnel counts people without re-reading history. Brought
 * up to date from `events` by id (see `projection_watermarks`); every column is a min, a max or an
 * "ever", and the login is the one of the latest fact, so folding a fact twice or out of order
 * gives the same row; the flags and company after `last_active_at` are derived from them (and from
 * `user_profiles`) whenever a row is written.
 */
export const communityMembers = sqliteTable(
  "community_members",
  {
    repositoryId: integer("repository_id").notNull(),
    userId: integer("user_id"),
    /** The login of their latest fact (by its time): a label that follows renames, the key only without `userId`. */
    login: text("login").notNull(),
    /** The greatest account type the ledger saw for them, as the grouped queries it replaces. */
    actorType: text("actor_type").notNull(),
    /** GitHub called them OWNER, MEMBER or COLLABORATOR on at least one fact. */
    maintainerSeen: integer("maintainer_seen", { mode: "boolean" }).notNull(),
    firstStarredAt: timestamp("first_starred_at"),
    lastStarredAt: timestamp("last_starred_at"),
    lastUnstarredAt: timestamp("last_unstarred_at"),
    firstForkedAt: timestamp("first_forked_at"),
    /** Their first issue or PR opened, comment, review or review comment. */
    firstParticipatedAt: timestamp("first_participated_at"),
    firstActiveAt: timestamp("first_active_at").notNull(),
    lastActiveAt: timestamp("last_active_at").notNull(),
    /**
     * Derived by the fold from the columns above, so the triggers keeping `member_counts` and
     * `company_counts` see each change of stage: a bot (account type `Bot` or a `[bot]` login).
     */
    isBot: integer("is_bot", { mode: "boolean" }).notNull().default(false),
    /** Neither a bot nor ever OWNER, MEMBER or COLLABORATOR (config lists are applied when counting). */
    community: integer("community", { mode: "boolean" }).notNull().default(false),
    /** A stargazer once every fact folded so far is counted: starred and not unstarred since, or forked. */
    starred: integer("starred", { mode: "boolean" }).notNull().default(false),
    /** Their profile's normalized company and its spelling, copied from `user_profiles` (null without both). */
    companyKey: text("company_key"),
    company: text("company"),
  },
  (t) => [
    uniqueIndex("community_members_user_unique").on(t.repositoryId, t.userId),
    uniqueIndex("community_members_login_unique").on(t.repositoryId, t.login).where(sql`"user_id" IS NULL`),
    // The counts' corrections read the members active since a period's end, and the active members
    // count a window of it from the index alone (a row read per recent member cost more than the count).
    index("community_members_recent_idx").on(t.repositoryId, t.lastActiveAt, t.isBot, t.firstActiveAt),
    // Config lists name people case-insensitively: a point lookup each.
    index("community_members_login_key_idx").on(t.repositoryId, sql`lower("login")`),
  ],
);

/**
 * The stage counts of each repository's members as they stand, kept by SQLite triggers on
 * `community_members` (migration 0005): a stargazer is a row with `community` and `starred`, a
 * participant one with `community` and a first participation. Reading them costs the same at any
 * size; src/store/conversion-funnel.ts corrects them for a period's end.
 */
export const memberCounts = sqliteTable("member_counts", {
  repositoryId: integer("repository_id").primaryKey(),
  stargazers: integer("stargazers").notNull().default(0),
  participants: integer("participants").notNull().default(0),
});

/**
 * The same counts per company key (members with a company), and `people`: those in either stage.
 * Kept by the same triggers; the index gives the best represented companies without a sort.
 */
export const companyCounts = sqliteTable(
  "company_counts",
  {
    repositoryId: integer("repository_id").notNull(),
    companyKey: text("company_key").notNull(),
    stargazers: integer("stargazers").notNull().default(0),
    participants: integer("participants").notNull().default(0),
    people: integer("people").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.repositoryId, t.companyKey] }), index("company_counts_rank_idx").on(t.repositoryId, t.participants, t.stargazers)],
);

/** The counts of `company_counts` per spelling of a company key, which name the company. */
export const companySpellings = sqliteTable(
  "company_spellings",
  {
    repositoryId: integer("repository_id").notNull(),
    companyKey: text("company_key").notNull(),
    company: text("company").notNull(),
    stargazers: integer("stargazers").notNull().default(0),
    participants: integer("participants").notNull().default(0),
    people: integer("people").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.repositoryId, t.companyKey, t.company] })],
);

/** How far each projection of a repository's ledger has read: the id of the last event folded. */
export const projectionWatermarks = sqliteTable(
  "projection_watermarks",
  {
    repositoryId: integer("repository_id").notNull(),
    projection: text("projection").notNull(),
    lastEventId: integer("last_event_id").notNull(),
  },
  (t) => [primaryKey({ columns: [t.repositoryId, t.projection] })],
);
