/**
 * A user's own issues and pull requests in one repository, as GitHub's API lists them: what the
 * GitHub port reads and the welcome decisions judge, so it belongs to neither.
 */

/** One of the user's issues or pull requests in the repository, as an API read shows it. */
export interface UserItem {
  number: number;
  isPull: boolean;
  createdAt: Date;
  mergedAt: Date | null;
}

/** The user's items in the repository, oldest first; `complete` when the read saw all of them. */
export interface UserHistory {
  items: UserItem[];
  complete: boolean;
}
