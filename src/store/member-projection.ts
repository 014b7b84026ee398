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

function prepareStatements(sqlite: SqliteClient) {
  // The smaller (or larger) of the stored and the incoming value, where either may be null.
  const merge = (column: string, pick: "min" | "max") => `${column} = coalesce(${pick}(${column}, excluded.${column}), ${column}, excluded.${column})`;
  return {
    watermark: sqlite.prepare<[number, string], { id: number }>(
      `SELECT last_event_id AS id FROM projection_watermarks WHERE repository_id = ? AND projection = ?`,
    ),
    // `+repository_id` keeps SQLite on the rowid range: an index on the repository would walk its whole history.
    batch: sqlite.prepare<[number, number, number], FoldedEvent>(
      `SELECT id, kind, actor_login AS login, actor_type AS actorType, association, occurred_at AS at
       FROM events WHERE id > ? AND +repository_id = ? ORDER BY id LIMIT ?`,
    ),
    lastEventId: sqlite.prepare<[], { id: number | null }>(`SELECT max(id) AS id FROM events`),
    upsert: sqlite.prepare(
      `INSERT INTO community_members (repository_id, login, actor_type, maintainer_seen, first_starred_at, last_starred_at,
         last_unstarred_at, first_forked_at, first_participated_at, first_active_at, last_active_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (repository_id, login) DO UPDATE SET
         ${merge("actor_type", "max")}, ${merge("maintainer_seen", "max")},
         ${merge("first_starred_at", "min")}, ${merge("last_starred_at", "max")}, ${merge("last_unstarred_at", "max")},
         ${merge("first_forked_at", "min")}, ${merge("first_participated_at", "min")},
         ${merge("first_active_at", "min")}, ${merge("last_active_at", "max")}`,
    ),
    // The flags follow from the merged row, so they are set after the upsert, from what it stored.
    derive: sqlite.prepare(
      `UPDATE community_members SET
         is_bot = ${BOT},
         community = NOT ${BOT} AND NOT maintainer_seen,
         starred = (first_starred_at IS NOT NULL AND NOT coalesce(last_unstarred_at >= last_starred_at, 0)) OR first_forked_at IS NOT NULL,
         ${COPY_PROFILE_COMPANY}
       WHERE repository_id = ? AND login = ?`,
    ),
    advance: sqlite.prepare(
      `INSERT INTO projection_watermarks (repository_id, projection, last_event_id) VALUES (?, ?, ?)
       ON CONFLICT (repository_id, projection) DO UPDATE SET last_event_id = excluded.last_event_id`,
    ),
  };
}

/** The twin of `isBot` (src/people/roles.ts) without the config's list, which is applied when counting. */
const BOT = `(actor_type = 'Bot' OR lower(login) LIKE '%[bot]')`;

/**
 * The SET clause copying a member's company from their stored profile, null unless it has both a
 * key and a spelling. The fold runs it for each row it writes, and saving a profile for its login.
 */
export const COPY_PROFILE_COMPANY = `(company_key, company) = (SELECT p.company_key, p.company FROM user_profiles p
  WHERE p.login = community_members.login AND p.company_key <> '' AND p.company <> '')`;

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
    statements.upsert.run(
      repositoryId,
      m.login,
      m.actorType,
      m.maintainerSeen ? 1 : 0,
      m.firstStarredAt,
      m.lastStarredAt,
      m.lastUnstarredAt,
      m.firstForkedAt,
      m.firstParticipatedAt,
      m.firstActiveAt,
      m.lastActiveAt,
    );
    statements.derive.run(repositoryId, m.login);
  }
  if (last > watermark) statements.advance.run(repositoryId, MEMBER_PROJECTION, last);
  return { count: batch.length, more };
}

/** The id of the last event folded for the repository, 0 before the first refresh. */
export async function memberProjectionWatermark(db: DB, repositoryId: number): Promise<number> {
  return statementsFor(db.$client).watermark.get(repositoryId, MEMBER_PROJECTION)?.id ?? 0;
}

/** Folds a batch of events into one partial row per login, with the same min/max rules as the upsert. */
function foldEvents(batch: FoldedEvent[]): MemberFold[] {
  const rows = new Map<string, MemberFold>();
  for (const e of batch) {
    let row = rows.get(e.login);
    if (!row) {
      row = {
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
      rows.set(e.login, row);
    }
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
