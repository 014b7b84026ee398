/**
 * Job leases and write slots on PostgreSQL, mirroring ../schema/coordination.ts (where what each
 * column means is written); test/store/schema-parity.test.ts keeps the two from drifting apart.
 */
import { index, pgTable, text } from "drizzle-orm/pg-core";
import { int64, timestamp } from "./columns.js";

export const jobLeases = pgTable("job_leases", {
  job: text("job").primaryKey(),
  holder: text("holder").notNull(),
  leaseUntil: timestamp("lease_until").notNull(),
  tick: timestamp("tick").notNull(),
  startedAt: timestamp("started_at").notNull(),
});

export const writeSlots = pgTable(
  "write_slots",
  {
    id: int64("id").primaryKey().generatedByDefaultAsIdentity(),
    installationId: int64("installation_id").notNull(),
    at: timestamp("at").notNull(),
  },
  (t) => [index("write_slots_installation_idx").on(t.installationId, t.at)],
);
