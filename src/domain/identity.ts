/**
 * Who someone is on GitHub. A person is their account id: it survives a rename, the login does
 * not. Every table about people is keyed by the id, and the login stored beside it is a label that
 * follows renames (the login of the person's latest fact). Only where no id is known (a row from
 * before migration 0008 whose login never came with one) is a person keyed by login
 * (docs/architecture.md, "Words": person).
 */

/** A user as a payload or an API answer names them; deleted accounts are GitHub's "ghost". */
export interface UserRef {
  login: string;
  id: number | null;
  /** GitHub's account type: "User", "Bot", "Organization", "Mannequin". */
  type: string;
}

/** The public profile facts Steward keeps about a user (from the backfill or a profile read). */
export interface UserProfile {
  login: string;
  userId: number | null;
  type: string | null;
  /** The free-text company the user chose to show, as written. */
  company: string | null;
}

/** A person as a fact names them: the account id where GitHub gave one, and the login of the moment. */
export interface PersonRef {
  login: string;
  id: number | null;
}

/**
 * GitHub's own account for deleted users: webhooks name it `ghost` with this id, while GraphQL
 * gives no author at all, so the backfill uses it to keep every deleted author one person.
 */
export const GHOST_ACCOUNT_ID = 10137;

/**
 * The text that stands for a person in keys (star facts' natural keys, welcome claims): `id:<id>`,
 * or the login when the id is unknown. Logins never contain ":", so the two cannot meet.
 */
export function personKey(person: PersonRef): string {
  return person.id === null ? person.login : `id:${person.id}`;
}

/** Reads a key written by `personKey` (or a plain login, as keys were before ids): the id, or the login. */
export function parsePersonKey(key: string): { id: number } | { login: string } {
  const id = /^id:(\d+)$/.exec(key)?.[1];
  return id === undefined ? { login: key } : { id: Number(id) };
}

/** Someone as an item or a fact names them; the id is missing where GitHub gave none. */
interface Named {
  login: string;
  id?: number | null;
}

/**
 * Whether two mentions are the same person: by account id when both carry one (a rename keeps
 * it, and a login given up in a rename may be taken by someone else), else by login compared as
 * GitHub compares logins, without case.
 */
export function samePerson(a: Named, b: Named): boolean {
  if (a.id != null && b.id != null) return a.id === b.id;
  return a.login.toLowerCase() === b.login.toLowerCase();
}

/** A login as a fact or an item showed it, and when: what a label is chosen from. */
export interface LoginSeen {
  login: string;
  at: Date;
}
