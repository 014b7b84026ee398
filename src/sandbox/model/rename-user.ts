import type { RepoState } from "./types.js";

/**
 * Puts `to` wherever a repository's records name the login `from` (matched without case, as
 * GitHub matches logins): the model stores logins rather than user objects, and a renamed account
 * keeps its id, so after this every REST answer, GraphQL node and webhook built from these records
 * shows the new login with the same id, as GitHub shows an account's past activity after a rename.
 */
export function renameInRepository(state: RepoState, from: string, to: string): void {
  const old = from.toLowerCase();
  const swap = (login: string) => (login.toLowerCase() === old ? to : login);
  const swapNullable = (login: string | null) => (login === null ? null : swap(login));
  for (const issue of state.issues.values()) {
    issue.user = swap(issue.user);
    issue.closed_by = swapNullable(issue.closed_by);
    issue.assignees = issue.assignees.map(swap);
    if (issue.pull) issue.pull.merged_by = swapNullable(issue.pull.merged_by);
  }
  for (const record of [...state.comments, ...state.reviews, ...state.reviewComments, ...state.reactions, ...state.stars])
    record.user = swap(record.user);
  for (const event of state.timeline) event.actor = swapNullable(event.actor);
  const role = state.collaborators.get(old);
  if (role !== undefined && state.collaborators.delete(old)) state.collaborators.set(to.toLowerCase(), role);
}
