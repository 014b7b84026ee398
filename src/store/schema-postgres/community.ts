/**
 * The community tables on PostgreSQL: contributors, milestones, daily metrics, backfill state,
 * profiles and digests. Each mirrors its SQLite twin in ../schema/community.ts, where what each
 * table and column means is written.
 */
import { sql } from "drizzle-orm";
import { doublePrecision, index, jsonb, pgTable, primaryKey, text, uniqueIndex } from "drizzle-orm/pg-core";
import { int64, timestamp } from "./columns.js";

export const contributors = pgTable(
  "contributors",
  {
    repositoryId: int64("repository_id").notNull(),
    login: text("login").notNull(),
    userId: int64("user_id"),
    loginSeenAt: timestamp("login_seen_at"),
    number: int64("number"),
    firstContributedAt: timestamp("first_contributed_at").notNull(),
    firstPullNumber: int64("first_pull_number"),
    source: text("source", { enum: ["webhook", "backfill"] }).notNull(),
  },
  (t) => [
    // PostgreSQL, like SQLite, lets rows with a null user_id share a key here; the partial index
    // below keys those by login instead.
    uniqueIndex("contributors_user_unique").on(t.repositoryId, t.userId),
    uniqueIndex("contributors_login_unique").on(t.repositoryId, t.login).where(sql`"user_id" IS NULL`),
    index("contributors_order_idx").on(t.repositoryId, t.firstContributedAt),
  ],
);

export const milestoneCrossings = pgTable(
  "milestone_crossings",
  {
    repositoryId: int64("repository_id").notNull(),
    metric: text("metric").notNull(),
    threshold: int64("threshold").notNull(),
    crossedAt: timestamp("crossed_at").notNull(),
    value: int64("value").notNull(),
    login: text("login"),
    userId: int64("user_id"),
    itemNumber: int64("item_number"),
  },
  (t) => [primaryKey({ columns: [t.repositoryId, t.metric, t.threshold] })],
);

export const dailyMetrics = pgTable(
  "daily_metrics",
  {
    repositoryId: int64("repository_id").notNull(),
    day: text("day").notNull(),
    metric: text("metric").notNull(),
    // SQLite's REAL is an 8-byte float; PostgreSQL's `real` is only 4.
    value: doublePrecision("value").notNull(),
  },
  (t) => [primaryKey({ columns: [t.repositoryId, t.metric, t.day] })],
);

export const repositoryFacts = pgTable("repository_facts", {
  repositoryId: int64("repository_id").primaryKey(),
  data: jsonb("data").$type<Record<string, unknown>>().notNull(),
  checkedAt: timestamp("checked_at").notNull(),
});

export const backfillState = pgTable(
  "backfill_state",
  {
    repositoryId: int64("repository_id").notNull(),
    kind: text("kind").notNull(),
    status: text("status", { enum: ["pending", "running", "paused", "done"] }).notNull(),
    cursor: text("cursor"),
    done: int64("done").notNull().default(0),
    total: int64("total"),
    requests: int64("requests").notNull().default(0),
    lastError: text("last_error"),
    startedAt: timestamp("started_at"),
    updatedAt: timestamp("updated_at").notNull(),
    finishedAt: timestamp("finished_at"),
  },
  (t) => [primaryKey({ columns: [t.repositoryId, t.kind] })],
);

export const userProfiles = pgTable(
  "user_profiles",
  {
    login: text("login").notNull(),
    userId: int64("user_id"),
    type: text("type"),
    company: text("company"),
    companyKey: text("company_key"),
    fetchedAt: timestamp("fetched_at").notNull(),
  },
  (t) => [uniqueIndex("user_profiles_user_unique").on(t.userId)],
);

export const digests = pgTable(
  "digests",
  {
    repositoryId: int64("repository_id").notNull(),
    week: text("week").notNull(),
    issueNumber: int64("issue_number").notNull(),
    issueUrl: text("issue_url").notNull(),
    figures: jsonb("figures").$type<Record<string, unknown>>().notNull(),
    publishedAt: timestamp("published_at").notNull(),
    closedAt: timestamp("closed_at"),
  },
  (t) => [primaryKey({ columns: [t.repositoryId, t.week] })],
);
