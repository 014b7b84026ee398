import { performance } from "node:perf_hooks";
import { and, eq } from "drizzle-orm";
import { type DB, inTransaction, lockForTransaction, tablesOf } from "./engine.js";
import { eventAppendLock } from "./fact-rows.js";
import { type FoldedEvent, type MemberFold, MemberFolds } from "./member-fold.js";
import { type Runner, runnerOf, STATEMENTS } from "./member-fold-statements.js";
import { renameMembers } from "./member-renames.js";

/** The name of this projection in `projection_watermarks`. */
export const MEMBER_PROJECTION = "community_members";

/** Events read per statement. */
const DEFAULT_BATCH = 1000;

/**
 * How long one transaction of a refresh should take, commit included, before it lets the event
 * loop in. On SQLite a transaction is one synchronous step (its statements never wait), so this
 * bounds how long a webhook waits on a fold. Reads stop when it has passed; writes take as many
 * rows as the last write transaction suggests fit (nextSliceRows).
 */
const SLICE_MS = 10;
/** Bounds of the rows a write transaction takes: a refresh starts at the least and at most doubles each time. */
const MIN_SLICE_ROWS = 32;
const MAX_SLICE_ROWS = 20_000;

/**
 * People held in memory (a few hundred bytes each) before their rows are written. A first fold
 * reads the whole history before writing, so that each person's row is written once rather than
 * once per batch of events naming them; this caps what that costs on a very long history.
 */
const MAX_PEOPLE = 200_000;

/**
 * The SET clause copying a member's company from their stored profile, null unless it has both a
 * key and a spelling, as the fold does for a new row: saving a profile runs it for its account.
 */
export const COPY_PROFILE_COMPANY = `(company_key, company) = (SELECT p.company_key, p.company FROM user_profiles p
  WHERE p.user_id = community_members.user_id AND p.company_key <> '' AND p.company <> '')`;

/**
 * Takes the repository's fold for the transaction. Folding is idempotent, but on PostgreSQL, where
 * replicas fold at the same time, two folds writing the same member and counter rows in different
 * transactions could lock them in orders that deadlock: one fold writes at a time. A transaction
 * that reads the ledger also waits for every transaction that appended events before it, and keeps
 * others from appending until it ends, so no event below the last id it reads is still uncommitted.
 * SQLite's BEGIN IMMEDIATE already lets one writer in.
 */
async function lockFold(tx: DB, repositoryId: number, readsLedger: boolean): Promise<Runner> {
  await lockForTransaction(tx, `${MEMBER_PROJECTION}:${repositoryId}`);
  if (readsLedger) await lockForTransaction(tx, eventAppendLock(repositoryId));
  return runnerOf(tx);
}

/** The facts one pass of a refresh read, folded per person, and where the ledger was read to. */
interface Pass {
  folds: MemberFolds;
  /** Events read. */
  count: number;
  /** The watermark the pass started from; null until read. */
  from: number | null;
  /** The id the watermark moves to once the pass is written. */
  last: number;
  /** Whether the ledger may hold more events after `last`. */
  more: boolean;
}

const newPass = (): Pass => ({ folds: new MemberFolds(), count: 0, from: null, last: 0, more: true });
const full = (pass: Pass) => !pass.more || pass.folds.people >= MAX_PEOPLE;

/**
 * Brings `community_members` of one repository up to date with its ledger: reads the events
 * stored after the watermark in id order, `batchSize` a statement, folds them in memory into one
 * row per person, then writes each of those rows once and advances the watermark. Reading by id
 * rather than by time is what picks up a backfill's old facts stored after newer ones.
 *
 * Reading and writing go in transactions of about `sliceMs` each, with the event loop let in
 * between, so a first fold of a long history never holds up webhooks for long. Since
 * every column is a min, a max or an "ever", a fact folded twice or out of order changes nothing:
 * rows written before a crash, ahead of the watermark, are folded again harmlessly, and a reader
 * between two transactions sees each row at or before its final state. Refreshes of a repository
 * in one process take turns (the second finds what the first left); across processes they may
 * overlap, and the watermark only moves forward. Returns how many events it folded.
 */
export async function refreshMemberProjection(db: DB, repositoryId: number, batchSize = DEFAULT_BATCH, sliceMs = SLICE_MS): Promise<number> {
  return oneAtATime(db, repositoryId, async () => {
    let folded = 0;
    let perSlice = MIN_SLICE_ROWS;
    for (;;) {
      const pass = newPass();
      while (!full(pass)) {
        await inTransaction(db, async (tx) => {
          const run = await lockFold(tx, repositoryId, true);
          const started = performance.now();
          do await readBatch(run, repositoryId, batchSize, pass);
          while (!full(pass) && performance.now() - started < sliceMs);
        });
        if (!full(pass)) await letEventLoopIn();
      }
      const people = pass.folds.people;
      // Nothing to write and the watermark where it was: no write transaction at all.
      for (let written = 0, writing = people > 0 || pass.last > pass.from!; writing; ) {
        // Each slice's rows are made as it is written: a first fold's hundred thousand at once would be one long step.
        const rows = pass.folds.rows(written, written + perSlice);
        let started = 0;
        await inTransaction(db, async (tx) => {
          started = performance.now();
          const run = await lockFold(tx, repositoryId, false);
          await writeRows(run, repositoryId, rows);
          if (written + rows.length === people) await advance(run, repositoryId, pass);
        });
        perSlice = nextSliceRows(rows.length, performance.now() - started, sliceMs);
        written += rows.length;
        writing = written < people;
        if (writing) await letEventLoopIn();
      }
      folded += pass.count;
      if (!pass.more) return folded;
      await letEventLoopIn();
    }
  });
}

/** Lets whatever the event loop has waiting (webhooks, timers) run before the fold goes on. */
const letEventLoopIn = () => new Promise<void>((resolve) => setImmediate(resolve));

const refreshing = new WeakMap<DB, Map<number, Promise<unknown>>>();

/** Runs `work` after any refresh of the repository already running on this handle. */
async function oneAtATime<T>(db: DB, repositoryId: number, work: () => Promise<T>): Promise<T> {
  let running = refreshing.get(db);
  if (!running) {
    running = new Map();
    refreshing.set(db, running);
  }
  const mine = (running.get(repositoryId) ?? Promise.resolve()).then(work, work);
  running.set(repositoryId, mine);
  try {
    return await mine;
  } finally {
    if (running.get(repositoryId) === mine) running.delete(repositoryId);
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
      const run = await lockFold(tx, repositoryId, true);
      for (let pass = newPass(); ; pass = newPass()) {
        while (!full(pass)) await readBatch(run, repositoryId, DEFAULT_BATCH, pass);
        await writeRows(run, repositoryId, pass.folds.rows());
        await advance(run, repositoryId, pass);
        if (!pass.more) break;
      }
      throw new RolledBack(await read(tx));
    });
  } catch (error) {
    if (error instanceof RolledBack) return error.value as T;
    throw error;
  }
  throw new Error("previewMemberProjection: the preview was not rolled back");
}

/** Reads the next `batchSize` events of the pass and folds them in. */
async function readBatch(run: Runner, repositoryId: number, batchSize: number, pass: Pass): Promise<void> {
  const s = STATEMENTS;
  if (pass.from === null) {
    const [mark] = await run.rows<{ id: number }>(s.watermark, { repository_id: repositoryId, projection: MEMBER_PROJECTION });
    pass.from = pass.last = mark?.id ?? 0;
  }
  const batch = await run.tuples<FoldedEvent>(s.batch, { after: pass.last, repository_id: repositoryId, limit: batchSize });
  pass.folds.add(batch);
  pass.count += batch.length;
  pass.more = batch.length === batchSize;
  // A short batch read to the end of the ledger: the next refresh can start after every event
  // stored so far, whichever repository it belongs to, instead of skipping them again.
  const last = pass.more ? batch.at(-1)![0] : ((await run.rows<{ id: number | null }>(s.lastEventId, {}))[0]?.id ?? 0);
  pass.last = Math.max(pass.last, last);
}

/**
 * How many rows the next write transaction takes, from how long the last one took for `rows`,
 * commit included: the commit writes every page the rows dirtied, which in a large table costs as
 * much as the statements or more, and no clock can stop it midway.
 */
function nextSliceRows(rows: number, tookMs: number, sliceMs: number): number {
  const fitting = Math.round((rows * sliceMs) / Math.max(tookMs, 0.1));
  // Growing at most twofold: as a first fold's indexes grow, each row dirties more pages.
  return Math.min(MAX_SLICE_ROWS, 2 * rows, Math.max(MIN_SLICE_ROWS, fitting));
}

/**
 * Writes `rows`, one statement per member, in account order (rows without one last), as
 * saveUserProfiles updates them: on PostgreSQL a fold and a profile save meeting on the same
 * members then take their row locks in one order. Logins are moved first (member-renames.ts).
 */
async function writeRows(run: Runner, repositoryId: number, rows: MemberFold[]): Promise<void> {
  rows.sort(inAccountOrder);
  await renameMembers(run, repositoryId, rows);
  for (const m of rows) await upsertMember(run, repositoryId, m);
}

const inAccountOrder = (a: MemberFold, b: MemberFold) => (a.userId ?? Number.MAX_SAFE_INTEGER) - (b.userId ?? Number.MAX_SAFE_INTEGER);

async function upsertMember(run: Runner, repositoryId: number, m: MemberFold): Promise<void> {
  await run.run(m.userId === null ? STATEMENTS.upsertByLogin : STATEMENTS.upsertById, {
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

async function advance(run: Runner, repositoryId: number, pass: Pass): Promise<void> {
  if (pass.from !== null && pass.last > pass.from)
    await run.run(STATEMENTS.advance, { repository_id: repositoryId, projection: MEMBER_PROJECTION, id: pass.last });
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
