/**
 * What replicas sharing one database agree on: who runs a scheduled job now, and the write pace
 * each installation has used. With one process (SQLite) the same rows serve, uncontended.
 */
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { timestamp } from "./columns.js";

/**
 * One row per scheduled job: the process running it, until when its lease holds, and the tick it
 * ran for. A process
 * renews the lease while the run lasts; one that dies stops renewing, and when the lease ends
 * the next tick of any replica takes the job over.
 */
export const jobLeases = sqliteTable("job_leases", {
  job: text("job").primaryKey(),
  /** The process that holds or last held the lease (host, pid and a random part). */
  holder: text("holder").notNull(),
  leaseUntil: timestamp("lease_until").notNull(),
  /**
   * The scheduled time of the tick the latest run served: replicas tick for the same scheduled
   * time, and a lease released before a slower replica's tick must not let that tick run again.
   */
  tick: timestamp("tick").notNull(),
  startedAt: timestamp("started_at").notNull(),
});

/**
 * Content-creating requests sent per installation, one row each, kept for the hour GitHub's
 * secondary rate limit looks back: every replica counts the same rows before it writes.
 */
export const writeSlots = sqliteTable(
  "write_slots",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    installationId: integer("installation_id").notNull(),
    /** When the request was granted, then when its answer came back (the slot counts from then). */
    at: timestamp("at").notNull(),
  },
  (t) => [index("write_slots_installation_idx").on(t.installationId, t.at)],
);
