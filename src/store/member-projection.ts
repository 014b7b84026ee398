import { and, eq, gt, sql, type SQL } from "drizzle-orm";
import type { DB } from "./db.js";
import { communityMembers, events, projectionWatermarks } from "./schema.js";

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
/** Rows per multi-row upsert, well under SQLite's limit of bound variables. */
const ROWS_PER_INSERT = 500;

/** One member row as a batch of events folds it, before it meets the stored row. */
type MemberFold = typeof communityMembers.$inferInsert;

/** A ledger fact as the projection needs it. */
interface FoldedEvent {
  id: number;
  kind: string;
  login: string;
  actorType: string;
  association: string | null;
  at: number;
}

/**
 * Brings `community_members` of one repository up to date with its ledger: reads the events
 * stored after the watermark, in id order and batches of `batchSize`, folds each batch into the
 * member rows and advances the watermark in the same transaction. Reading by id rather than by
 * time is what picks up a backfill's old facts stored after newer ones; since every column is a
 * min, a max or an "ever", a fact folded twice or out of order changes nothing, so a crash between
 * batches or two refreshes racing are harmless. Returns how many events it folded.
 */
export async function refreshMemberProjection(db: DB, repositoryId: number, batchSize = DEFAULT_BATCH): Promise<number> {
  let folded = 0;
  for (;;) {
    const { count, more } = db.transaction((tx) => foldBatch(tx as unknown as DB, repositoryId, batchSize));
    folded += count;
    if (!more) return folded;
  }
}

function foldBatch(db: DB, repositoryId: number, batchSize: number): { count: number; more: boolean } {
  const watermark = readWatermark(db, repositoryId);
  // `+repository_id` keeps SQLite on the rowid range: an index on the repository would walk its whole history.
  const batch: FoldedEvent[] = db
    .select({
      id: events.id,
      kind: events.kind,
      login: events.actorLogin,
      actorType: events.actorType,
      association: events.association,
      at: sql<number>`${events.occurredAt}`,
    })
    .from(events)
    .where(and(gt(events.id, watermark), sql`+${events.repositoryId} = ${repositoryId}`))
    .orderBy(events.id)
    .limit(batchSize)
    .all();
  const more = batch.length === batchSize;
  // A short batch read to the end of the ledger: the next refresh can start after every event
  // stored so far, whichever repository it belongs to, instead of skipping them again.
  const last = more ? batch.at(-1)!.id : (db.select({ max: sql<number | null>`max(${events.id})` }).from(events).get()?.max ?? 0);
  upsertMembers(db, foldEvents(repositoryId, batch));
  if (last > watermark) {
    db.insert(projectionWatermarks)
      .values({ repositoryId, projection: MEMBER_PROJECTION, lastEventId: last })
      .onConflictDoUpdate({ target: [projectionWatermarks.repositoryId, projectionWatermarks.projection], set: { lastEventId: last } })
      .run();
  }
  return { count: batch.length, more };
}

/** The id of the last event folded for the repository, 0 before the first refresh. */
export async function memberProjectionWatermark(db: DB, repositoryId: number): Promise<number> {
  return readWatermark(db, repositoryId);
}

function readWatermark(db: DB, repositoryId: number): number {
  const row = db
    .select({ id: projectionWatermarks.lastEventId })
    .from(projectionWatermarks)
    .where(and(eq(projectionWatermarks.repositoryId, repositoryId), eq(projectionWatermarks.projection, MEMBER_PROJECTION)))
    .get();
  return row?.id ?? 0;
}

/** Folds a batch of events into one partial row per login, with the same min/max rules as the upsert. */
function foldEvents(repositoryId: number, batch: FoldedEvent[]): MemberFold[] {
  const rows = new Map<string, MemberFold>();
  for (const e of batch) {
    const at = new Date(e.at);
    let row = rows.get(e.login);
    if (!row) {
      row = { repositoryId, login: e.login, actorType: e.actorType, maintainerSeen: false, firstActiveAt: at, lastActiveAt: at };
      rows.set(e.login, row);
    }
    if (e.actorType > row.actorType) row.actorType = e.actorType;
    if (MAINTAINER_ASSOCIATIONS.has(e.association ?? "")) row.maintainerSeen = true;
    row.firstActiveAt = earliest(row.firstActiveAt, at);
    row.lastActiveAt = latest(row.lastActiveAt, at);
    if (e.kind === "star.created") {
      row.firstStarredAt = earliest(row.firstStarredAt, at);
      row.lastStarredAt = latest(row.lastStarredAt, at);
    } else if (e.kind === "star.deleted") {
      row.lastUnstarredAt = latest(row.lastUnstarredAt, at);
    } else if (e.kind === "fork.created") {
      row.firstForkedAt = earliest(row.firstForkedAt, at);
    } else if (PARTICIPATION_KINDS.has(e.kind)) {
      row.firstParticipatedAt = earliest(row.firstParticipatedAt, at);
    }
  }
  return [...rows.values()];
}

function earliest<T extends Date | null | undefined>(a: T, b: Date): Date {
  return a && a.getTime() <= b.getTime() ? a : b;
}

function latest<T extends Date | null | undefined>(a: T, b: Date): Date {
  return a && a.getTime() >= b.getTime() ? a : b;
}

/** The smaller (or larger) of the stored and the incoming value, where either may be null. */
function merge(column: string, pick: "min" | "max"): SQL {
  const stored = sql.raw(`"${column}"`);
  const incoming = sql.raw(`excluded."${column}"`);
  return sql`coalesce(${sql.raw(pick)}(${stored}, ${incoming}), ${stored}, ${incoming})`;
}

function upsertMembers(db: DB, rows: MemberFold[]): void {
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    db.insert(communityMembers)
      .values(rows.slice(i, i + ROWS_PER_INSERT))
      .onConflictDoUpdate({
        target: [communityMembers.repositoryId, communityMembers.login],
        set: {
          actorType: merge("actor_type", "max"),
          maintainerSeen: merge("maintainer_seen", "max"),
          firstStarredAt: merge("first_starred_at", "min"),
          lastStarredAt: merge("last_starred_at", "max"),
          lastUnstarredAt: merge("last_unstarred_at", "max"),
          firstForkedAt: merge("first_forked_at", "min"),
          firstParticipatedAt: merge("first_participated_at", "min"),
          firstActiveAt: merge("first_active_at", "min"),
          lastActiveAt: merge("last_active_at", "max"),
        },
      })
      .run();
  }
}
