import { and, eq } from "drizzle-orm";
import { personKey } from "../domain/identity.js";
import { type DB, inTransaction, lockForTransaction, tablesOf } from "./engine.js";
import { eventAppendLock } from "./fact-rows.js";
import { type Runner, runnerOf, STATEMENTS } from "./member-fold-statements.js";

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

/**
 * The SET clause copying a member's company from their stored profile, null unless it has both a
 * key and a spelling, as the fold does for a new row: saving a profile runs it for its account.
 */
export const COPY_PROFILE_COMPANY = `(company_key, company) = (SELECT p.company_key, p.company FROM user_profiles p
  WHERE p.user_id = community_members.user_id AND p.company_key <> '' AND p.company <> '')`;

/**
 * Takes the repository's fold for the transaction. Folding is idempotent, but the watermark is read
 * and then written: on PostgreSQL, where replicas fold at the same time, two folds of one batch
 * would each move the watermark (one back below what the other folded) and lock the same member
 * and counter rows in orders that can deadlock. SQLite's BEGIN IMMEDIATE already lets one in.
 */
async function lockFold(tx: DB, repositoryId: number): Promise<Runner> {
  await lockForTransaction(tx, `${MEMBER_PROJECTION}:${repositoryId}`);
  // Every transaction that appended events before this one has committed, and none appends until it ends.
  await lockForTransaction(tx, eventAppendLock(repositoryId));
  return runnerOf(tx);
}

/**
 * Brings `community_members` of one repository up to date with its ledger: reads the events
 * stored after the watermark, in id order and batches of `batchSize`, folds each batch into the
 * member rows and advances the watermark in the same transaction. Reading by id rather than by
 * time is what picks up a backfill's old facts stored after newer ones; since every column is a
 * min, a max or an "ever", a fact folded twice or out of order changes nothing, so a crash between
 * batches is harmless; refreshes running at once take turns, batch by batch. Returns how many
 * events it folded.
 */
export async function refreshMemberProjection(db: DB, repositoryId: number, batchSize = DEFAULT_BATCH): Promise<number> {
  let folded = 0;
  for (;;) {
    const { count, more } = await inTransaction(db, async (tx) => foldBatch(await lockFold(tx, repositoryId), repositoryId, batchSize));
    folded += count;
    if (!more) return folded;
    // A first fold can read a long history: let the server answer webhooks between batches.
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** Carries `read`'s result out of the transaction that previewMemberProjection rolls back. */
class RolledBack<T> extends Error {
  constructor(readonly value: T) {
    super("member projection preview rolled back");
  }
}

/**
 * Runs `read` on the projection as a refresh would leave it, then takes the fold back: how a
 * command that must write nothing (`steward report`, a dry run) still sees current figures. The
 * fold and `read` share one write transaction, rolled back at the end, which `read` joins through
 * the handle it is given. On SQLite that transaction holds the store's one connection, so
 * whatever else wrote on it meanwhile (outside inTransaction) would be rolled back too: the
 * connection must be the caller's alone (the CLI's is). BEGIN IMMEDIATE takes the write lock
 * first, so a server writing to the same file waits (its busy timeout) rather than finding its
 * snapshot stale. On PostgreSQL the fold's rows stay locked, and other replicas' folds of the
 * repository wait, until `read` is done.
 */
export async function previewMemberProjection<T>(db: DB, repositoryId: number, read: (tx: DB) => Promise<T>): Promise<T> {
  try {
    await inTransaction(db, async (tx) => {
      const run = await lockFold(tx, repositoryId);
      while ((await foldBatch(run, repositoryId, DEFAULT_BATCH)).more);
      throw new RolledBack(await read(tx));
    });
  } catch (error) {
    if (error instanceof RolledBack) return error.value as T;
    throw error;
  }
  throw new Error("previewMemberProjection: the preview was not rolled back");
}

async function foldBatch(run: Runner, repositoryId: number, batchSize: number): Promise<{ count: number; more: boolean }> {
  const s = STATEMENTS;
  const [mark] = await run.rows<{ id: number }>(s.watermark, { repository_id: repositoryId, projection: MEMBER_PROJECTION });
  const watermark = mark?.id ?? 0;
  const batch = await run.rows<FoldedEvent>(s.batch, { after: watermark, repository_id: repositoryId, limit: batchSize });
  const more = batch.length === batchSize;
  // A short batch read to the end of the ledger: the next refresh can start after every event
  // stored so far, whichever repository it belongs to, instead of skipping them again.
  const last = more ? batch.at(-1)!.id : ((await run.rows<{ id: number | null }>(s.lastEventId, {}))[0]?.id ?? 0);
  // In account order, as saveUserProfiles updates them: on PostgreSQL a fold and a profile save
  // meeting on the same members then take their row locks in one order.
  const rows = foldEvents(batch).sort((a, b) => (a.userId ?? Number.MAX_SAFE_INTEGER) - (b.userId ?? Number.MAX_SAFE_INTEGER));
  for (const m of rows) {
    await run.run(m.userId === null ? s.upsertByLogin : s.upsertById, {
      repository_id: repositoryId,
      user_id: m.userId,
      login: m.login,
      actor_type: m.actorType,
      // 0 or 1: SQLite binds no booleans, and PostgreSQL reads '1' and '0' as a boolean.
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
  if (last > watermark) await run.run(s.advance, { repository_id: repositoryId, projection: MEMBER_PROJECTION, id: last });
  return { count: batch.length, more };
}

/** The id of the last event folded for the repository, 0 before the first refresh. */
export async function memberProjectionWatermark(db: DB, repositoryId: number): Promise<number> {
  const { projectionWatermarks: w } = tablesOf(db);
  const [row] = await db
    .select({ id: w.lastEventId })
    .from(w)
    .where(and(eq(w.repositoryId, repositoryId), eq(w.projection, MEMBER_PROJECTION)))
    .limit(1);
  return row?.id ?? 0;
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
