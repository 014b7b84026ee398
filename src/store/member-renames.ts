import type { MemberFold } from "./member-fold.js";
import { LOGIN_READ_IDS, type Runner, STATEMENTS } from "./member-fold-statements.js";

interface StoredLogin {
  userId: number;
  login: string;
  lastActiveAt: number;
}

/**
 * Moves the login of each account among `rows` that already has a member row to the one its
 * latest fact carries (ties: the greater login), as docs/architecture.md, "Words" says, before the
 * upsert merges the rest: a late older fact never renames anyone back. The stored logins are read
 * a few hundred accounts a statement and only a changed login is written, because the upsert
 * leaving the login alone is what spares it a rewrite of the login index entry of every member it
 * touches. Rows without an account id are keyed by their login, which never changes.
 */
export async function renameMembers(run: Runner, repositoryId: number, rows: readonly MemberFold[]): Promise<void> {
  const byId = rows.filter((m) => m.userId !== null);
  for (let i = 0; i < byId.length; i += LOGIN_READ_IDS) {
    const part = byId.slice(i, i + LOGIN_READ_IDS);
    const values: Record<string, number> = { repository_id: repositoryId };
    for (let k = 0; k < LOGIN_READ_IDS; k++) values[`id${k}`] = (part[k] ?? part[0]!).userId!;
    const stored = new Map((await run.rows<StoredLogin>(STATEMENTS.storedLogins, values)).map((r) => [r.userId, r]));
    for (const m of part) {
      const was = stored.get(m.userId!);
      if (!was || was.login === m.login) continue;
      const newer = m.lastActiveAt > was.lastActiveAt || (m.lastActiveAt === was.lastActiveAt && m.login > was.login);
      if (newer) await run.run(STATEMENTS.rename, { repository_id: repositoryId, user_id: m.userId, login: m.login });
    }
  }
}
