/**
 * The metrics database schema. `drizzle-kit generate` turns this file into the SQL migrations
 * committed under `migrations/`; never edit those by hand.
 *
 * Times are stored as integer milliseconds since the epoch (drizzle `timestamp_ms`): they sort,
 * compare and index cheaply, and map one-to-one onto PostgreSQL `bigint` later.
 */
import { sql } from "drizzle-orm";
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

const timestamp = (name: string) => integer(name, { mode: "timestamp_ms" });

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
  (t) => [
    uniqueIndex("repositories_full_name_unique").on(t.fullName),
    index("repositories_installation_idx").on(t.installationId),
  ],
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
    index("events_actor_idx").on(t.repositoryId, t.actorLogin),
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
  (t) => [
    primaryKey({ columns: [t.repositoryId, t.number] }),
    index("items_open_idx").on(t.repositoryId, t.state),
  ],
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

/** One problem found in a configuration file: where (a dotted path, "" for the whole file) and what. */
export interface ConfigProblem {
  path: string;
  message: string;
}

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
 * The people who contributed to a repository (a merged PR, or from backfill a commit on the
 * default branch), numbered in the order they first contributed. `number` stays null while the
 * repository's history is not known, so no message ever gives a wrong one.
 */
export const contributors = sqliteTable(
  "contributors",
  {
    repositoryId: integer("repository_id").notNull(),
    login: text("login").notNull(),
    userId: integer("user_id"),
    number: integer("number"),
    firstContributedAt: timestamp("first_contributed_at").notNull(),
    /** The first merged PR, when the first contribution was one. */
    firstPullNumber: integer("first_pull_number"),
    source: text("source", { enum: ["webhook", "backfill"] }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.repositoryId, t.login] }),
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
    /** Who crossed it, where one person did (the contributor whose merge made it 10). */
    login: text("login"),
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

/** Public profile facts of GitHub users, shared across repositories; refreshed at most monthly. */
export const userProfiles = sqliteTable("user_profiles", {
  login: text("login").primaryKey(),
  userId: integer("user_id"),
  type: text("type"),
  /** The `company` field as the user wrote it. */
  company: text("company"),
  /** The normalized company ("@acme-corp", "Acme, Inc." and "ACME" share one key). */
  companyKey: text("company_key"),
  fetchedAt: timestamp("fetched_at").notNull(),
});

/**
 * Enterprise interest: each issue, PR or comment by a community member that matched the configured
 * terms. Keyed by the ledger's natural key of the matching fact, so a redelivery adds nothing.
 */
export const leadSignals = sqliteTable(
  "lead_signals",
  {
    repositoryId: integer("repository_id").notNull(),
    naturalKey: text("natural_key").notNull(),
    login: text("login").notNull(),
    itemNumber: integer("item_number"),
    terms: text("terms", { mode: "json" }).$type<string[]>().notNull(),
    occurredAt: timestamp("occurred_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.repositoryId, t.naturalKey] }),
    index("lead_signals_login_idx").on(t.repositoryId, t.login),
  ],
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

/**
 * One row per person seen in a repository's ledger: the ledger folded per user, so the conversion
 * funnel counts people without re-reading history. Brought up to date from `events` by id (see
 * `projection_watermarks`); every column is a min, a max or an "ever", so folding a fact twice or
 * out of order gives the same row; the flags and company after `last_active_at` are derived from them
 * (and from `user_profiles`) whenever a row is written.
 */
export const communityMembers = sqliteTable(
  "community_members",
  {
    repositoryId: integer("repository_id").notNull(),
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
    primaryKey({ columns: [t.repositoryId, t.login] }),
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
  (t) => [
    primaryKey({ columns: [t.repositoryId, t.companyKey] }),
    index("company_counts_rank_idx").on(t.repositoryId, t.participants, t.stargazers),
  ],
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
