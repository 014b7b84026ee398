import { describe, expect, it } from "vitest";
import { backfillStatusAt } from "../../src/metrics/backfill-status.js";
import { pendingProgress, type BackfillProgress } from "../../src/store/backfill-state.js";

const day = (n: number) => new Date(Date.UTC(2026, 10, n));
const AT = day(10);

function kind(kind: BackfillProgress["kind"], changes: Partial<BackfillProgress>): BackfillProgress {
  return { ...pendingProgress(1, kind, null, day(1)), ...changes };
}

describe("backfillStatusAt: the history backfill as it stood at an instant", () => {
  it("shows a kind as last written when that was by then", () => {
    const paused = kind("stars", { status: "paused", done: 300, total: 900, lastError: "rate limit", updatedAt: day(9) });
    expect(backfillStatusAt([paused], AT)).toEqual({
      state: "paused",
      kinds: [{ kind: "stars", status: "paused", done: 300, total: 900, lastError: "rate limit" }],
    });
  });

  it("never shows a pause, an end or a start that came after it", () => {
    // Paused at 300 then, resumed and finished since: it was running, the pause's reason unknown now.
    const finishedLater = kind("stars", { status: "done", done: 900, total: 900, updatedAt: day(12), finishedAt: day(12) });
    expect(backfillStatusAt([finishedLater], AT)).toEqual({
      state: "running",
      kinds: [{ kind: "stars", status: "running", done: 900, total: 900, lastError: null }],
    });
    const pausedLater = kind("issues", { status: "paused", lastError: "HTTP 502", updatedAt: day(11) });
    expect(backfillStatusAt([pausedLater], AT).state).toBe("running");
    const startedLater = kind("pulls", { startedAt: day(11), updatedAt: day(11) });
    expect(backfillStatusAt([startedLater], AT)).toEqual({ state: "not-started", kinds: [] });
  });

  it("is done when every kind finished by then, whatever was written since", () => {
    const done = kind("contributors", { status: "done", done: 12, total: 12, updatedAt: day(14), finishedAt: day(8) });
    expect(backfillStatusAt([done, kind("stars", { status: "done", updatedAt: day(9), finishedAt: day(9) })], AT)).toEqual({
      state: "done",
      kinds: [],
    });
  });
});
