import { sql } from "drizzle-orm";
import type { DB } from "./db.js";

/** True when the database answers a trivial query; used by GET /healthz. */
export async function databaseAnswers(db: DB): Promise<boolean> {
  try {
    db.get(sql`select 1`);
    return true;
  } catch {
    return false;
  }
}
