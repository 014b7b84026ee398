/** What the community features keep: contributors, milestones, daily metrics, backfill state, profiles and digests. */
import { sql } from "drizzle-orm";
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { timestamp } from "./columns.js";

/**
 * The people who contributed to a repository (a merged PR, or from backfill a commit on the
 * default branch), numbered in the order they first contributed. `number` stays null while the
 * repository's history is not known, so no message ever gives a wrong one. A person is their
 * account id (docs/architecture.md, "Words"); a row without one is keyed by its login instead.
 */
export const contributors = sqliteTable(
  "contributors",
  {
    repositoryId: integer("repository_id").notNull(),
    /** The login of their latest fact seen: a label that follows renames, the key only without `userId`. */
    login: text("login").notNull(),
    userId: integer("user_id"),
    /** When the fact that gave `login` happened, so a late older fact cannot bring an old login back; null: unknown. */
    loginSeenAt: timestamp("login_seen_at"),
    number: integer("number"),
    firstContributedAt: timestamp("first_contributed_at").notNull(),
    /** The first merged PR, when the first contribution was one. */
    firstPullNumber: integer("first_pull_number"),
    source: text("source", { enum: ["webhook", "backfill"] }).notNull(),
  },
  (t) => [
    uniqueIndex("contributors_user_unique").on(t.repositoryId, t.userId),
    uniqueIndex("contributors_login_unique").on(t.repositoryId, t.login).where(sql`"user_id" IS NULL`),
    index("contributors_order_idx").on(t.repositoryId, t.firstContributedAt),
  ],
);

/**
 * Each milestone crossed (a threshold of stars, contributors, active members or MRR), recorded once
 * with its date: a value dropping below and rising again never records it a second time.
 */
export const milestoneCrossings = sqliteTable(
  "milestone_crossings",
  {
    repositoryId: integer("repository_id").notNull(),
    metric: text("metric").notNull(),
    threshold: integer("threshold").notNull(),
    crossedAt: timestamp("crossed_at").notNull(),
    value: integer("value").notNull(),
    /** Who crossed it, where one person did (the contributor whose merge made it 10): their login then. */
    login: text("login"),
    /** Their account id, where known: whom the crossing is announced to, whatever their login now. */
    userId: integer("user_id"),
    itemNumber: integer("item_number"),
  },
  (t) => [primaryKey({ columns: [t.repositoryId, t.metric, t.threshold] })],
);

/** Daily values per repository and metric, for the digest's charts and week-over-week changes. */
export const dailyMetrics = sqliteTable(
  "daily_metrics",
  {
    repositoryId: integer("repository_id").notNull(),
    /** The UTC day, `YYYY-MM-DD`. */
    day: text("day").notNull(),
    metric: text("metric").notNull(),
    value: real("value").notNull(),
  },
  (t) => [primaryKey({ columns: [t.repositoryId, t.metric, t.day] })],
);

/**
 * What the daily job last read about a repository: totals, traffic and community profile. `data`
 * holds the facts; a permission GitHub refused is noted there, not treated as an error.
 */
export const repositoryFacts = sqliteTable("repository_facts", {
  repositoryId: integer("repository_id").primaryKey(),
  data: text("data", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
  checkedAt: timestamp("checked_at").notNull(),
});

/** Where a repository's history backfill stands, per kind, so it resumes after a crash. */
export const backfillState = sqliteTable(
  "backfill_state",
  {
    repositoryId: integer("repository_id").notNull(),
    /** `stars`, `issues`, `pulls` or `contributors`. */
    kind: text("kind").notNull(),
    status: text("status", { enum: ["pending", "running", "paused", "done"] }).notNull(),
    /** The GraphQL `endCursor` of the last page stored. */
    cursor: text("cursor"),
    done: integer("done").notNull().default(0),
    total: integer("total"),
    requests: integer("requests").notNull().default(0),
    lastError: text("last_error"),
    startedAt: timestamp("started_at"),
    updatedAt: timestamp("updated_at").notNull(),
    finishedAt: timestamp("finished_at"),
  },
  (t) => [primaryKey({ columns: [t.repositoryId, t.kind] })],
);

/**
 * Public profile facts of GitHub users, shared across repositories; refreshed at most monthly.
 * Keyed by account id: a profile read without one is not kept (GitHub always gives it).
 */
export const userProfiles = sqliteTable(
  "user_profiles",
  {
    /** The login when the profile was read. */
    login: text("login").notNull(),
    userId: integer("user_id"),
    type: text("type"),
    /** The `company` field as the user wrote it. */
    company: text("company"),
    /** The normalized company ("@acme-corp", "Acme, Inc." and "ACME" share one key). */
    companyKey: text("company_key"),
    fetchedAt: timestamp("fetched_at").notNull(),
  },
  (t) => [uniqueIndex("user_profiles_user_unique").on(t.userId)],
);

/**
 * The weekly digests published, with the figures they showed, so the next digest can give the
 * change against the previous week and close its predecessor.
 */
export const digests = sqliteTable(
  "digests",
  {
    repositoryId: integer("repository_id").notNull(),
    /** The ISO week reported on, e.g. `2026-W48`. */
    week: text("week").notNull(),
    issueNumber: integer("issue_number").notNull(),
    issueUrl: text("issue_url").notNull(),
    figures: text("figures", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    publishedAt: timestamp("published_at").notNull(),
    closedAt: timestamp("closed_at"),
  },
  (t) => [primaryKey({ columns: [t.repositoryId, t.week] })],
);
