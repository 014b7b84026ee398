import type { BackfillStatus } from "../domain/figures.js";
import type { BackfillProgress } from "../store/backfill-state.js";

/**
 * Where the history backfill stood at `at`, as far as its stored rows tell. A row keeps only its
 * latest state, so: a kind started after `at` had not started; one finished by `at` was done; one
 * last written by `at` was as written; one written since, and not finished by `at`, was running
 * (whether it was paused then, and why, was overwritten; its counts are the latest). A past digest
 * made again so never shows a pause or an end that came after it. Pure.
 */
export function backfillStatusAt(progress: readonly BackfillProgress[], at: Date): BackfillStatus {
  const t = at.getTime();
  const known = progress.flatMap((p): BackfillProgress[] => {
    if (p.startedAt !== null && p.startedAt.getTime() > t) return [];
    if (p.finishedAt !== null && p.finishedAt.getTime() <= t) return [{ ...p, status: "done" }];
    if (p.updatedAt.getTime() <= t) return [p];
    return [{ ...p, status: "running", lastError: null }];
  });
  const open = known.filter((p) => p.status !== "done");
  const state: BackfillStatus["state"] =
    known.length === 0 ? "not-started" : open.some((p) => p.status === "paused") ? "paused" : open.length > 0 ? "running" : "done";
  return {
    state,
    kinds: open.map((p) => ({ kind: p.kind, status: p.status, done: p.done, total: p.total, lastError: p.lastError })),
  };
}
