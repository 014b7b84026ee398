import type { EffectOutcomeLabel, OperationalMetrics } from "../domain/operational-metrics.js";
import type { DB } from "../store/db.js";
import { claimEffect, completeEffect, releaseEffect, type EffectKey } from "../store/side-effects.js";

/** How to perform one effect on GitHub, and how to recognise it there afterwards. */
export interface EffectAction<R extends Record<string, unknown>> {
  /** Looks on GitHub for the effect's hidden marker: what an earlier, interrupted attempt did. */
  find(): Promise<R | null>;
  /** Performs the effect. Must not be retried blindly by the HTTP client (see docs/architecture.md, "Exactly once"). */
  create(): Promise<R>;
}

export type EffectOutcome<R> =
  | { status: "created" | "found"; result: R }
  /** Done before; `result` is what that earlier attempt recorded. */
  | { status: "already-done"; result: R | null }
  | { status: "busy" }
  | { status: "failed"; error: string };

export interface EffectDeps {
  db: DB;
  now: () => Date;
  /** How long a claim protects an attempt in progress before others may take it over. */
  leaseMs?: number;
  /** Where each outcome is counted, by the effect's kind (GET /metrics). */
  metrics?: OperationalMetrics;
}

/** Long enough for one GitHub write with Probot's pacing, short enough for the next sweep. */
export const DEFAULT_LEASE_MS = 5 * 60_000;

/**
 * Performs a side effect at most once, ever: claim it in the store, perform it, mark it done.
 * A caller that finds an abandoned claim first looks for the effect's marker on GitHub, so a crash
 * between creating and recording, a 5xx after a successful POST, a retry or a second replica can
 * never post twice. A failure leaves the claim for the next sweep; nothing is lost.
 */
export async function performOnce<R extends Record<string, unknown>>(
  deps: EffectDeps,
  key: EffectKey,
  action: EffectAction<R>,
): Promise<EffectOutcome<R>> {
  const outcome = await attempt(deps, key, action);
  deps.metrics?.effect(key.kind, OUTCOME_LABELS[outcome.status]);
  return outcome;
}

const OUTCOME_LABELS: Record<EffectOutcome<never>["status"], EffectOutcomeLabel> = {
  created: "performed",
  found: "found",
  "already-done": "already_done",
  busy: "busy",
  failed: "failed",
};

async function attempt<R extends Record<string, unknown>>(deps: EffectDeps, key: EffectKey, action: EffectAction<R>): Promise<EffectOutcome<R>> {
  const claim = await claimEffect(deps.db, key, deps.now(), deps.leaseMs ?? DEFAULT_LEASE_MS);
  if (claim.status === "done") return { status: "already-done", result: claim.result as R | null };
  if (claim.status === "busy") return { status: "busy" };
  try {
    const existing = claim.resumed ? await action.find() : null;
    const outcome = existing ? { status: "found" as const, result: existing } : { status: "created" as const, result: await action.create() };
    await completeEffect(deps.db, key, outcome.result, deps.now());
    return outcome;
  } catch (error) {
    const message = describeError(error);
    await releaseEffect(deps.db, key, message);
    return { status: "failed", error: message };
  }
}

function describeError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === "number" ? `HTTP ${status}: ${message}` : message;
}
