import { personKey } from "../domain/identity.js";
import type { DB } from "./db.js";

/** The name of this projection in `projection_watermarks`. */
export const MEMBER_PROJECTION = "community_members";

/** Ledger kinds that make someone a participant: they opened, commented or reviewed. */
export const PARTICIPATION_KINDS: ReadonlySet<string> = new Set([
  "issues.opened",
  "pull_request.opened",
  "issue_comment.created",
  "pull_request_review.submitted",
  "pull_request_review_comment.created",
]);

const MAINTAINER_ASSOCIATIONS = new Set(["OWNER", "MEMBER", "COLLABORATOR"]);

/** Events read per transaction: big enough to amortize the commit, small enough not to hold the writer long. */
const DEFAULT_BATCH = 2000;

/** One member row as a batch of events folds it (times in ms), before it meets the stored row. */
interface MemberFold {
  userId: number | null;
  /** The login of their latest fact in the batch (ties: the greater login). */
  login: string;
  actorType: string;
  maintainerSeen: boolean;
  firstStarredAt: number | null;
  lastStarredAt: number | null;
  lastUnstarredAt: number | null;
  firstForkedAt: number | null;
  firstParticipatedAt: number | null;
  firstActiveAt: number;
  lastActiveAt: number;
}

/** A ledger fact as the projection needs it. */
interface FoldedEvent {
  id: number;
  kind: string;
  userId: number | null;
  login: string;
  actorType: string;
  association: string | null;
  at: number;
}

type SqliteClient = DB["$client"];

/**
 * The projection's statements, prepared once per database: the fold runs on every collection,
 * and building a many-row upsert through the query builder cost more than SQLite running it.
 */
function statementsFor(sqlite: SqliteClient): Statements {
  let statements = prepared.get(sqlite);
  if (!statements) {
    statements = prepareStatements(sqlite);
    prepared.set(sqlite, statements);
  }
  return statements;
}

/** How each folded column merges a stored and an incoming value. */
const MERGES = {
  actor_type: "max",
  maintainer_seen: "max",
  first_starred_at: "min",
  last_starred_at: "max",
  last_unstarred_at: "max",
  first_forked_at: "min",
  first_participated_at: "min",
  first_active_at: "min",
  last_active_at: "max",
} as const;

type FoldedColumn = keyof typeof MERGES | "login";

/**
 * The merged login of a row keyed by account id: the one of the latest fact (ties: the greater
 * login), the rule `foldEvents` applies within a batch, so a late older fact never renames anyone back.
 */
const NEWEST_LOGIN = `CASE WHEN excluded.last_active_at > last_active_at OR (excluded.last_active_at = last_active_at AND excluded.login > login)
  THEN excluded.login ELSE login END`;

/**
 * The derived flags of a row, from its folded columns as `column` spells them: the parameters of
 * a new row, or the merged values of an updated one. One definition for both, so they agree.
 * `is_bot` is the twin of `isBot` (src/people/roles.ts) less the config's list, applied when counting.
 */
function derivedFlags(column: (name: FoldedColumn) => string) {
  const bot = `(${column("actor_type")} = 'Bot' OR lower(${column("login")}) LIKE '%[bot]')`;
  return {
    is_bot: bot,
    community: `(NOT ${bot} AND NOT ${column("maintainer_seen")})`,
    starred: `((${column("first_starred_at")} IS NOT NULL AND NOT coalesce(${column("last_unstarred_at")} >= ${column("last_starred_at")}, 0))
      OR ${column("first_forked_at")} IS NOT NULL)`,
  };
}

function prepareStatements(sqlite: SqliteClient) {
  const folded = Object.keys(MERGES) as Array<keyof typeof MERGES>;
  // The smaller (or larger) of the stored and the incoming value, where either may be null; the
  // login of a row keyed by it stays, that of a row keyed by account id is the newest.
  const merging = (byId: boolean) => (name: FoldedColumn) =>
    name === "login" ? (byId ? `(${NEWEST_LOGIN})` : name) : `coalesce(${MERGES[name]}(${name}, excluded.${name}), ${name}, excluded.${name})`;
  const inserted = derivedFlags((name) => `@${name}`);
  // A new row takes its company from the stored profile; saving a profile updates existing rows.
  const profile = (column: string) =>
    `(SELECT p.${column} FROM user_profiles p WHERE p.user_id = @user_id AND p.company_key <> '' AND p.company <> '')`;
  // One statement per member: the flags are computed from the merged values in the same write.
  // A person is their account id; facts without one are folded by login (docs/architecture.md, "Words").
  const upsert = (byId: boolean) => {
    const merged = merging(byId);
    const updated = derivedFlags(merged);
    return sqlite.prepare<[Record<string, string | number | null>]>(
      `INSERT INTO community_members (repository_id, user_id, login, ${folded.join(", ")}, is_bot, community, starred, company_key, company)
       VALUES (@repository_id, @user_id, @login, ${folded.map((c) => `@${c}`).join(", ")},
         ${inserted.is_bot}, ${inserted.community}, ${inserted.starred}, ${profile("company_key")}, ${profile("company")})
       ON CONFLICT ${byId ? "(repository_id, user_id)" : `(repository_id, login) WHERE "user_id" IS NULL`} DO UPDATE SET
         login = ${merged("login")}, ${folded.map((c) => `${c} = ${merged(c)}`).join(", ")},
         is_bot = ${updated.is_bot}, community = ${updated.community}, starred = ${updated.starred}`,
    );
  };
  return {
    watermark: sqlite.prepare<[number, string], { id: number }>(
      `SELECT last_event_id AS id FROM projection_watermarks WHERE repository_id = ? AND projection = ?`,
    ),
    // `+repository_id` keeps SQLite on the rowid range: an index on the repository would walk its whole history.
    batch: sqlite.prepare<[number, number, number], FoldedEvent>(
      `SELECT id, kind, actor_id AS userId, actor_login AS login, actor_type AS actorType, association, occurred_at AS at
       FROM events WHERE id > ? AND +repository_id = ? ORDER BY id LIMIT ?`,
    ),
    lastEventId: sqlite.prepare<[], { id: number | null }>(`SELECT max(id) AS id FROM events`),
    upsertById: upsert(true),
    upsertByLogin: upsert(false),
    advance: sqlite.prepare(
      `INSERT INTO projection_watermarks (repository_id, projection, last_event_id) VALUES (?, ?, ?)
       ON CONFLICT (repository_id, projection) DO UPDATE SET last_event_id = excluded.last_event_id`,
    ),
  };
}

/**
 * The SET clause copying a member's company from their stored profile, null unless it has both a
 * key and a spelling, as the fold does for a new row: saving a profile runs it for its account.
 */
export const COPY_PROFILE_COMPANY = `(company_key, company) = (SELECT p.company_key, p.company FROM user_profiles p
  WHERE p.user_id = community_members.user_id AND p.company_key <> '' AND p.company <> '')`;

type Statements = ReturnType<typeof prepareStatements>;
const prepared = new WeakMap<SqliteClient, Statements>();

/**
 * Brings `community_members` of one repository up to date with its ledger: reads the events
 * stored after the watermark, in id order and batches of `batchSize`, folds each batch into the
 * member rows and advances the watermark in the same transaction. Reading by id rather than by
 * time is what picks up a backfill's old facts stored after newer ones; since every column is a
 * min, a max or an "ever", a fact folded twice or out of order changes nothing, so a crash between
 * batches or two refreshes racing are harmless. Returns how many events it folded.
 */
export async function refreshMemberProjection(db: DB, repositoryId: number, batchSize = DEFAULT_BATCH): Promise<number> {
  const sqlite = db.$client;
  const statements = statementsFor(sqlite);
  const foldOne = sqlite.transaction(() => foldBatch(statements, repositoryId, batchSize));
  let folded = 0;
  for (;;) {
    const { count, more } = foldOne();
    folded += count;
    if (!more) return folded;
    // A first fold can read a long history: let the server answer webhooks between batches.
    // Folding is idempotent, so a refresh that runs meanwhile at worst folds a batch twice.
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/**
 * Runs `read` on the projection as a refresh would leave it, then takes the fold back: how a
 * command that must write nothing (`steward report`, a dry run) still sees current figures. The
 * fold and `read` share one write transaction, rolled back at the end, so the connection must be
 * the caller's alone while `read` runs (the CLI's is): whatever else it wrote meanwhile would be
 * rolled back too. BEGIN IMMEDIATE takes the write lock first, so a server writing to the same
 * file waits (its busy timeout) rather than finding its snapshot stale.
 */
export async function previewMemberProjection<T>(db: DB, repositoryId: number, read: () => Promise<T>): Promise<T> {
  const sqlite = db.$client;
  if (sqlite.inTransaction) throw new Error("previewMemberProjection needs a connection with no transaction open");
  sqlite.exec("BEGIN IMMEDIATE");
  try {
    const statements = statementsFor(sqlite);
    let more = true;
    while (more) more = foldBatch(statements, repositoryId, DEFAULT_BATCH).more;
    return await read();
  } finally {
    sqlite.exec("ROLLBACK");
  }
}

function foldBatch(statements: Statements, repositoryId: number, batchSize: number): { count: number; more: boolean } {
  const watermark = statements.watermark.get(repositoryId, MEMBER_PROJECTION)?.id ?? 0;
  const batch = statements.batch.all(watermark, repositoryId, batchSize);
  const more = batch.length === batchSize;
  // A short batch read to the end of the ledger: the next refresh can start after every event
  // stored so far, whichever repository it belongs to, instead of skipping them again.
  const last = more ? batch.at(-1)!.id : (statements.lastEventId.get()?.id ?? 0);
  for (const m of foldEvents(batch)) {
    (m.userId === null ? statements.upsertByLogin : statements.upsertById).run({
      repository_id: repositoryId,
      user_id: m.userId,
      login: m.login,
      actor_type: m.actorType,
      maintainer_seen: m.maintainerSeen ? 1 : 0,
      first_starred_at: m.firstStarredAt,
      last_starred_at: m.lastStarredAt,
      last_unstarred_at: m.lastUnstarredAt,
      first_forked_at: m.firstForkedAt,
      first_participated_at: m.firstParticipatedAt,
      first_active_at: m.firstActiveAt,
      last_active_at: m.lastActiveAt,
    });
  }
  if (last > watermark) statements.advance.run(repositoryId, MEMBER_PROJECTION, last);
  return { count: batch.length, more };
}

/** The id of the last event folded for the repository, 0 before the first refresh. */
export async function memberProjectionWatermark(db: DB, repositoryId: number): Promise<number> {
  return statementsFor(db.$client).watermark.get(repositoryId, MEMBER_PROJECTION)?.id ?? 0;
}

/** Folds a batch of events into one partial row per person, with the same min/max rules as the upsert. */
function foldEvents(batch: FoldedEvent[]): MemberFold[] {
  const rows = new Map<string, MemberFold>();
  for (const e of batch) {
    const key = personKey({ login: e.login, id: e.userId });
    let row = rows.get(key);
    if (!row) {
      row = {
        userId: e.userId,
        login: e.login,
        actorType: e.actorType,
        maintainerSeen: false,
        firstStarredAt: null,
        lastStarredAt: null,
        lastUnstarredAt: null,
        firstForkedAt: null,
        firstParticipatedAt: null,
        firstActiveAt: e.at,
        lastActiveAt: e.at,
      };
      rows.set(key, row);
    }
    if (e.at > row.lastActiveAt || (e.at === row.lastActiveAt && e.login > row.login)) row.login = e.login;
    if (e.actorType > row.actorType) row.actorType = e.actorType;
    if (MAINTAINER_ASSOCIATIONS.has(e.association ?? "")) row.maintainerSeen = true;
    row.firstActiveAt = Math.min(row.firstActiveAt, e.at);
    row.lastActiveAt = Math.max(row.lastActiveAt, e.at);
    if (e.kind === "star.created") {
      row.firstStarredAt = earliest(row.firstStarredAt, e.at);
      row.lastStarredAt = latest(row.lastStarredAt, e.at);
    } else if (e.kind === "star.deleted") {
      row.lastUnstarredAt = latest(row.lastUnstarredAt, e.at);
    } else if (e.kind === "fork.created") {
      row.firstForkedAt = earliest(row.firstForkedAt, e.at);
    } else if (PARTICIPATION_KINDS.has(e.kind)) {
      row.firstParticipatedAt = earliest(row.firstParticipatedAt, e.at);
    }
  }
  return [...rows.values()];
}

const earliest = (a: number | null, b: number) => (a === null ? b : Math.min(a, b));
const latest = (a: number | null, b: number) => (a === null ? b : Math.max(a, b));
