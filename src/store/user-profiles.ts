import { eq, sql } from "drizzle-orm";
import { normalizeCompany } from "../domain/company.js";
import type { UserProfile } from "../domain/identity.js";
import type { DB } from "./db.js";
import { COPY_PROFILE_COMPANY } from "./member-projection.js";
import { userProfiles } from "./schema.js";

export interface StoredUserProfile extends UserProfile {
  companyKey: string | null;
  fetchedAt: Date;
}

/**
 * Saves public profile facts (from backfill or a profile read), with the normalized company, per
 * account id: a profile without one is not kept (GitHub always gives it; a person is their id).
 */
export async function saveUserProfiles(db: DB, profiles: UserProfile[], fetchedAt: Date): Promise<void> {
  const known = profiles.filter((p): p is UserProfile & { userId: number } => p.userId !== null);
  if (known.length === 0) return;
  db.transaction((tx) => {
    for (const p of known) {
      const row = { ...p, companyKey: normalizeCompany(p.company), fetchedAt };
      tx.insert(userProfiles)
        .values(row)
        .onConflictDoUpdate({
          target: userProfiles.userId,
          set: { login: row.login, type: row.type, company: row.company, companyKey: row.companyKey, fetchedAt },
        })
        .run();
      // The member rows carry the company for the conversion tally: a new profile reaches them now.
      tx.run(
        sql`UPDATE community_members SET ${sql.raw(COPY_PROFILE_COMPANY)} WHERE repository_id IN (SELECT id FROM repositories) AND user_id = ${p.userId}`,
      );
    }
  });
}

/** The stored profile of an account, if any. */
export async function findUserProfile(db: DB, userId: number): Promise<StoredUserProfile | undefined> {
  return db.select().from(userProfiles).where(eq(userProfiles.userId, userId)).get();
}

/** Whether the stored profile of an account is missing or older than `maxAgeMs` at `now`. */
export async function isProfileStale(db: DB, userId: number, now: Date, maxAgeMs: number): Promise<boolean> {
  const row = db
    .select({ fresh: sql<number>`${userProfiles.fetchedAt} > ${now.getTime() - maxAgeMs}` })
    .from(userProfiles)
    .where(eq(userProfiles.userId, userId))
    .get();
  return !row?.fresh;
}
