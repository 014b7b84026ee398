import type { DB } from "../store/db.js";
import { restampWriteSlot, takeWriteSlot } from "../store/write-slots.js";
import { oneAtATimePerInstallation, realTimeWritePacer, type WritePacer } from "./write-pacer.js";

export interface SharedWritePacerOptions {
  db: DB;
  /** Slots per installation in any 60-second window, across every replica. */
  perMinute: number;
  /** Slots per installation in any hour; GitHub's 500 by default. */
  perHour?: number;
  /** The real clock in epoch ms: pacing is about wall time. */
  now: () => number;
  sleep: (ms: number) => Promise<void>;
}

/**
 * The write pacer of replicas sharing a database: the same sliding windows as `createWritePacer`,
 * counted on rows in the database (src/store/write-slots.ts), so N replicas together stay within
 * one installation's budget instead of N budgets. Within a process, one installation's callers
 * still go one at a time, in order, so they do not race each other for the database's lock.
 */
export function createSharedWritePacer({ db, perMinute, perHour = 500, now, sleep }: SharedWritePacerOptions): WritePacer {
  if (!Number.isInteger(perMinute) || perMinute < 1) throw new RangeError(`perMinute must be a positive whole number, got ${perMinute}`);
  async function take(installationId: number): Promise<() => void> {
    for (;;) {
      const outcome = await takeWriteSlot(db, installationId, new Date(now()), { perMinute, perHour });
      if ("granted" in outcome) {
        return () => {
          // Best effort: a slot left at its grant time only makes the window end a little earlier.
          void restampWriteSlot(db, outcome.granted, new Date(now())).catch(() => {});
        };
      }
      await sleep(outcome.waitMs);
    }
  }

  return { acquire: oneAtATimePerInstallation(take) };
}

/**
 * The pacer for a store: in the database when it is PostgreSQL, which replicas may share; in
 * memory for SQLite, whose one file has one process writing through it.
 */
export function writePacerFor(store: { db: DB; engine: "sqlite" | "postgres" }, perMinute: number): WritePacer {
  if (store.engine === "sqlite") return realTimeWritePacer(perMinute);
  return createSharedWritePacer({ db: store.db, perMinute, now: () => Date.now(), sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) });
}
