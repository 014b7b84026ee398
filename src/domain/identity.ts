/**
 * Who someone is on GitHub. The account id survives a rename, the login does not; the store still
 * keys people by login (docs/architecture.md, "Known gaps"), so both travel together.
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
