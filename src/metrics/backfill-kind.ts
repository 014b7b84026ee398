import type { FollowUp } from "../github/backfill-follow-ups.js";
import type { Page, RateLimitInfo } from "../github/backfill-queries.js";
import type { JobDeps } from "../runtime/job-deps.js";
import { findBackfillProgress, pendingProgress, saveBackfillProgress, type BackfillKind, type BackfillProgress } from "../store/backfill-state.js";
import type { RepositoryRecord } from "../domain/repository.js";
import { describeFailure, MAX_RETRIES, MAX_WAIT_MS, mustPauseForPoints, rateLimitWaitMs } from "./rate-limit-policy.js";

/**
 * What the backfill keeps in `backfill_state.cursor`: the page cursor, the run's `since`, and the
 * further comment and review pages of items already stored, still to read (saved with the cursor,
 * so a crash forgets none of them).
 */
export interface StoredCursor {
  after: string | null;
  /** Epoch ms of `--since`, null for the whole history. */
  since: number | null;
  followUps: FollowUp[];
}

export function decodeCursor(text: string | null): StoredCursor {
  if (!text) return { after: null, since: null, followUps: [] };
  try {
    const parsed = JSON.parse(text) as Partial<StoredCursor>;
    return {
      after: typeof parsed.after === "string" ? parsed.after : null,
      since: typeof parsed.since === "number" ? parsed.since : null,
      followUps: Array.isArray(parsed.followUps) ? parsed.followUps : [],
    };
  } catch {
    return { after: null, since: null, followUps: [] };
  }
}

/** What storing one page did. */
export interface StoredPage {
  /** Records of the page now in the store (stars, issues, pull requests). */
  stored: number;
  /** The page reached records older than `since`: nothing further is wanted. */
  reachedSince: boolean;
  /** Follow-up requests made while storing (further comments and reviews). */
  requests: number;
  /** The rate limit after the last follow-up, when there was one. */
  rateLimit: RateLimitInfo | null;
  /** Further pages of stored items still to read, for the next page's request to carry. */
  followUps?: FollowUp[];
}

/**
 * One kind's pass over its pages. `followUps` are the further pages still to read of items stored
 * earlier: `fetch` may read some of them with the page, `store` gets the page and the same list.
 */
export interface KindPass<T> {
  kind: BackfillKind;
  fetch(after: string | null, since: Date | null, followUps: readonly FollowUp[]): Promise<Page<T>>;
  store(page: Page<T>, since: Date | null, followUps: readonly FollowUp[]): Promise<StoredPage>;
}

export interface KindRun {
  deps: JobDeps;
  repository: RepositoryRecord;
  /** Used for the retry-after waits; a real timer in production. */
  wait(ms: number): Promise<void>;
}

/** Starts a kind afresh (a new pass) with `since`. */
export async function startKind(run: KindRun, kind: BackfillKind, since: Date | null): Promise<BackfillProgress> {
  const progress = pendingProgress(run.repository.id, kind, firstCursor(since), run.deps.now());
  await saveBackfillProgress(run.deps.db, progress);
  return progress;
}

/** The stored cursor of a pass not yet begun: from the first page, of everything or since `since`. */
export function firstCursor(since: Date | null): string {
  return JSON.stringify({ after: null, since: since?.getTime() ?? null, followUps: [] } satisfies StoredCursor);
}

/**
 * Runs (or resumes from its stored cursor) one kind's pass, page by page: each page is stored and
 * its cursor saved before the next request, so a crash loses at most one page of work. Waits out
 * short rate limits (`retry-after`), and pauses (status "paused", where and why recorded) on long
 * ones, on low remaining points and on any other API error; `resumeBackfills` continues it later.
 */
export async function runKind<T>(run: KindRun, pass: KindPass<T>): Promise<BackfillProgress> {
  const { deps, repository } = run;
  let progress = (await findBackfillProgress(deps.db, repository.id, pass.kind)) ?? (await startKind(run, pass.kind, null));
  if (progress.status === "done") return progress;
  const cursor = decodeCursor(progress.cursor);
  const since = cursor.since === null ? null : new Date(cursor.since);
  let after = cursor.after;
  let followUps = cursor.followUps;
  const save = async (patch: Partial<BackfillProgress>) => {
    progress = { ...progress, ...patch, updatedAt: deps.now() };
    await saveBackfillProgress(deps.db, progress);
  };
  await save({ status: "running", lastError: null });
  for (;;) {
    let page: Page<T>;
    let retries = 0;
    for (;;) {
      try {
        // Counted in memory, written with the page (or with the pause): one write per page.
        progress = { ...progress, requests: progress.requests + 1 };
        page = await pass.fetch(after, since, followUps);
        break;
      } catch (error) {
        const waitMs = rateLimitWaitMs(error, deps.now());
        if (waitMs !== null && waitMs <= MAX_WAIT_MS && retries < MAX_RETRIES) {
          retries++;
          deps.log.warn(`backfill ${repository.fullName} ${pass.kind}: rate limited, retrying in ${Math.ceil(waitMs / 1000)} s`);
          await run.wait(waitMs);
          continue;
        }
        return pause(error);
      }
    }
    let stored: StoredPage;
    try {
      stored = await pass.store(page, since, followUps);
    } catch (error) {
      return pause(error);
    }
    const more = page.pageInfo.hasNextPage && !stored.reachedSince;
    followUps = stored.followUps ?? [];
    await save({
      cursor: JSON.stringify({ after: page.pageInfo.endCursor ?? after, since: cursor.since, followUps } satisfies StoredCursor),
      done: progress.done + stored.stored,
      total: page.totalCount,
      requests: progress.requests + stored.requests,
    });
    after = page.pageInfo.endCursor ?? after;
    deps.log.info(
      { repository: repository.fullName, kind: pass.kind, done: progress.done, total: progress.total, requests: progress.requests },
      `backfill ${repository.fullName} ${pass.kind}: ${progress.done} / ${progress.total ?? "?"}`,
    );
    if (!more) {
      await save({ status: "done", finishedAt: deps.now() });
      return progress;
    }
    const remaining = Math.min(page.rateLimit.remaining, stored.rateLimit?.remaining ?? Infinity);
    if (mustPauseForPoints(remaining)) {
      await save({ status: "paused", lastError: `rate limit: ${remaining} points left until ${page.rateLimit.resetAt}` });
      deps.log.warn(`backfill ${repository.fullName} ${pass.kind}: paused, ${remaining} GraphQL points left until ${page.rateLimit.resetAt}`);
      return progress;
    }
  }

  async function pause(error: unknown): Promise<BackfillProgress> {
    const reason = describeFailure(error);
    await save({ status: "paused", lastError: reason });
    deps.log.warn(
      `backfill ${repository.fullName} ${pass.kind}: stopped after ${progress.done} / ${progress.total ?? "?"} (${reason}); it resumes from there`,
    );
    return progress;
  }
}
