import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import type { DB } from "../store/db.js";
import { releaseJobLease, renewJobLease, takeJobLease } from "../store/job-leases.js";

/** Whether a run may start here: `run` calls `body` only while this process holds the job's lease. */
export interface JobLeasing {
  /**
   * Runs `body` under the job's lease, for the tick scheduled at `tick` (a run asked for outside the
   * schedule passes the time it was asked). "held-elsewhere", `body` not called, while another
   * process holds the lease or has already served this tick.
   */
  run(job: string, tick: Date, body: () => Promise<unknown>): Promise<"ran" | "held-elsewhere">;
}

/** One process: every run may start (the scheduler already keeps a job from overlapping itself). */
export const unleased: JobLeasing = {
  async run(_job, _tick, body) {
    await body();
    return "ran";
  },
};

export interface DatabaseJobLeasingOptions {
  /** How long a lease holds unless renewed: how soon a job a dead replica held is taken over. */
  leaseMs?: number;
  /** The real clock in epoch ms: leases are about wall time, whatever a job's `now`. */
  now?: () => number;
  /** This process's name in the lease rows (default: host, pid and a random part). */
  holder?: string;
}

/**
 * Leases kept in the database, for replicas that share it: of the replicas whose scheduler ticks
 * for a job at the same scheduled time, the one that takes the lease runs it, renewing the lease every third of its length
 * while the run lasts; the others skip that tick. A replica killed mid-run stops renewing, and once
 * its lease ends the next tick anywhere takes the job over. What the run does is once-only by its
 * own claims (src/effects/perform-once.ts): the lease saves the work, not the correctness.
 */
export function databaseJobLeasing(db: DB, options: DatabaseJobLeasingOptions = {}): JobLeasing {
  const leaseMs = options.leaseMs ?? 60_000;
  const now = options.now ?? Date.now;
  const holder = options.holder ?? `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
  return {
    async run(job, tick, body) {
      if (!(await takeJobLease(db, job, holder, tick, new Date(now()), leaseMs))) return "held-elsewhere";
      const heartbeat = setInterval(() => {
        void renewJobLease(db, job, holder, new Date(now()), leaseMs).catch(() => {});
      }, leaseMs / 3);
      heartbeat.unref();
      try {
        await body();
        return "ran";
      } finally {
        clearInterval(heartbeat);
        await releaseJobLease(db, job, holder, new Date(now())).catch(() => {});
      }
    },
  };
}

/** Leases in the database when it is PostgreSQL, which replicas may share; none for SQLite's one process. */
export function jobLeasingFor(store: { db: DB; engine: "sqlite" | "postgres" }): JobLeasing {
  return store.engine === "postgres" ? databaseJobLeasing(store.db) : unleased;
}
