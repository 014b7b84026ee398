/**
 * The conversion tables on PostgreSQL: lead signals, customers, and the member projection with its
 * counters. Each mirrors its SQLite twin in ../schema/conversion.ts, where what each table and
 * column means is written.
 */
import { sql } from "drizzle-orm";
import { boolean, index, jsonb, pgTable, primaryKey, text, uniqueIndex } from "drizzle-orm/pg-core";
import type { LeadSignalKind } from "../../domain/lead-signal-kind.js";
import { int64, timestamp } from "./columns.js";

export const leadSignals = pgTable(
  "lead_signals",
  {
    repositoryId: int64("repository_id").notNull(),
    naturalKey: text("natural_key").notNull(),
    login: text("login").notNull(),
    userId: int64("user_id"),
    itemNumber: int64("item_number"),
    terms: jsonb("terms").$type<string[]>().notNull(),
    occurredAt: timestamp("occurred_at").notNull(),
    kind: text("kind").$type<LeadSignalKind>().notNull().default("interest"),
  },
  (t) => [primaryKey({ columns: [t.repositoryId, t.naturalKey] }), index("lead_signals_person_idx").on(t.repositoryId, t.userId, t.login)],
);

export const customers = pgTable(
  "customers",
  {
    id: int64("id").primaryKey().generatedByDefaultAsIdentity(),
    repositoryId: int64("repository_id").notNull(),
    company: text("company").notNull(),
    companyKey: text("company_key").notNull(),
    plan: text("plan").notNull(),
    mrrCents: int64("mrr_cents").notNull(),
    login: text("login"),
    since: timestamp("since").notNull(),
    createdAt: timestamp("created_at").notNull(),
  },
  (t) => [uniqueIndex("customers_company_unique").on(t.repositoryId, t.companyKey)],
);

export const communityMembers = pgTable(
  "community_members",
  {
    repositoryId: int64("repository_id").notNull(),
    userId: int64("user_id"),
    login: text("login").notNull(),
    actorType: text("actor_type").notNull(),
    maintainerSeen: boolean("maintainer_seen").notNull(),
    firstStarredAt: timestamp("first_starred_at"),
    lastStarredAt: timestamp("last_starred_at"),
    lastUnstarredAt: timestamp("last_unstarred_at"),
    firstForkedAt: timestamp("first_forked_at"),
    firstParticipatedAt: timestamp("first_participated_at"),
    firstActiveAt: timestamp("first_active_at").notNull(),
    lastActiveAt: timestamp("last_active_at").notNull(),
    isBot: boolean("is_bot").notNull().default(false),
    community: boolean("community").notNull().default(false),
    starred: boolean("starred").notNull().default(false),
    companyKey: text("company_key"),
    company: text("company"),
  },
  (t) => [
    uniqueIndex("community_members_user_unique").on(t.repositoryId, t.userId),
    uniqueIndex("community_members_login_unique").on(t.repositoryId, t.login).where(sql`"user_id" IS NULL`),
    index("community_members_recent_idx").on(t.repositoryId, t.lastActiveAt, t.isBot, t.firstActiveAt),
    index("community_members_login_key_idx").on(t.repositoryId, sql`lower("login")`),
  ],
);

/**
 * Kept by PL/pgSQL triggers on `community_members` (migrations/postgres, the member counters
 * migration), as SQLite's are by migration 0005's; test/store/member-counters-engines.test.ts runs
 * the same changes on both engines and compares the counts.
 */
export const memberCounts = pgTable("member_counts", {
  repositoryId: int64("repository_id").primaryKey(),
  stargazers: int64("stargazers").notNull().default(0),
  participants: int64("participants").notNull().default(0),
});

export const companyCounts = pgTable(
  "company_counts",
  {
    repositoryId: int64("repository_id").notNull(),
    companyKey: text("company_key").notNull(),
    stargazers: int64("stargazers").notNull().default(0),
    participants: int64("participants").notNull().default(0),
    people: int64("people").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.repositoryId, t.companyKey] }), index("company_counts_rank_idx").on(t.repositoryId, t.participants, t.stargazers)],
);

export const companySpellings = pgTable(
  "company_spellings",
  {
    repositoryId: int64("repository_id").notNull(),
    companyKey: text("company_key").notNull(),
    company: text("company").notNull(),
    stargazers: int64("stargazers").notNull().default(0),
    participants: int64("participants").notNull().default(0),
    people: int64("people").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.repositoryId, t.companyKey, t.company] })],
);

export const projectionWatermarks = pgTable(
  "projection_watermarks",
  {
    repositoryId: int64("repository_id").notNull(),
    projection: text("projection").notNull(),
    lastEventId: int64("last_event_id").notNull(),
  },
  (t) => [primaryKey({ columns: [t.repositoryId, t.projection] })],
);
