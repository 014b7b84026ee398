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

/** Saves public profile facts (from backfill or a profile read), with the normalized company. */
export async function saveUserProfiles(db: DB, profiles: UserProfile[], fetchedAt: Date): Promise<void> {
  if (profiles.length === 0) return;
  db.transaction((tx) => {
    for (const p of profiles) {
      const row = { ...p, companyKey: normalizeCompany(p.company), fetchedAt };
      tx.insert(userProfiles)
        .values(row)
        .onConflictDoUpdate({
          target: userProfiles.login,
          set: { userId: row.userId, type: row.type, company: row.company, companyKey: row.companyKey, fetchedAt },
        })
        .run();
      // The member rows carry the company for the conversion tally: a new profile reaches them now.
      tx.run(
        sql`UPDATE community_members SET ${sql.raw(COPY_PROFILE_COMPANY)} WHERE repository_id IN (SELECT id FROM repositories) AND login = ${p.login}`,
      );
    }
  });
}

/** The stored profile of `login`, if any. */
export async function findUserProfile(db: DB, login: string): Promise<StoredUserProfile | undefined> {
  return db.select().from(userProfiles).where(eq(userProfiles.login, login)).get();
}

/** Whether the stored profile of `login` is missing or older than `maxAgeMs` at `now`. */
export async function isProfileStale(db: DB, login: string, now: Date, maxAgeMs: number): Promise<boolean> {
  const row = db
    .select({ fresh: sql<number>`${userProfiles.fetchedAt} > ${now.getTime() - maxAgeMs}` })
    .from(userProfiles)
    .where(eq(userProfiles.login, login))
    .get();
  return !row?.fresh;
}
