import { eq, sql } from "drizzle-orm";
import { normalizeCompany } from "../domain/company.js";
import type { UserProfile } from "../domain/identity.js";
import { type DB, inTransaction, runStatement, tablesOf } from "./engine.js";
import { COPY_PROFILE_COMPANY } from "./member-projection.js";

export interface StoredUserProfile extends UserProfile {
  companyKey: string | null;
  fetchedAt: Date;
}

/**
 * Saves public profile facts (from backfill or a profile read), with the normalized company, per
 * account id: a profile without one is not kept (GitHub always gives it; a person is their id).
 */
export async function saveUserProfiles(db: DB, profiles: UserProfile[], fetchedAt: Date): Promise<void> {
  // In account order (the sort is stable, so a repeated account still ends with its last profile):
  // two saves at once on PostgreSQL then lock the same rows in the same order, and never deadlock.
  const known = profiles.filter((p): p is UserProfile & { userId: number } => p.userId !== null).sort((a, b) => a.userId - b.userId);
  if (known.length === 0) return;
  await inTransaction(db, async (tx) => {
    const { userProfiles } = tablesOf(tx);
    for (const p of known) {
      const row = { ...p, companyKey: normalizeCompany(p.company), fetchedAt };
      await tx
        .insert(userProfiles)
        .values(row)
        .onConflictDoUpdate({
          target: userProfiles.userId,
          set: { login: row.login, type: row.type, company: row.company, companyKey: row.companyKey, fetchedAt },
        });
      // The member rows carry the company for the conversion tally: a new profile reaches them now.
      await runStatement(
        tx,
        sql`UPDATE community_members SET ${sql.raw(COPY_PROFILE_COMPANY)} WHERE repository_id IN (SELECT id FROM repositories) AND user_id = ${p.userId}`,
      );
    }
  });
}

/** The stored profile of an account, if any. */
export async function findUserProfile(db: DB, userId: number): Promise<StoredUserProfile | undefined> {
  const { userProfiles } = tablesOf(db);
  const [row] = await db.select().from(userProfiles).where(eq(userProfiles.userId, userId)).limit(1);
  return row;
}

/** Whether the stored profile of an account is missing or older than `maxAgeMs` at `now`. */
export async function isProfileStale(db: DB, userId: number, now: Date, maxAgeMs: number): Promise<boolean> {
  const { userProfiles } = tablesOf(db);
  const [row] = await db.select({ fetchedAt: userProfiles.fetchedAt }).from(userProfiles).where(eq(userProfiles.userId, userId)).limit(1);
  return !row || row.fetchedAt.getTime() <= now.getTime() - maxAgeMs;
}
