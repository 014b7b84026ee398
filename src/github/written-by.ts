import type { WrittenBy } from "../people/steward-author.js";

/** The fields of an issue or comment (REST) that say who wrote it. */
interface Authored {
  user?: { login?: string } | null;
  performed_via_github_app?: { id?: number } | null;
}

/** Who wrote an issue or a comment, as the API answered: the app that wrote it, if any, and the author's login. */
export function authorOf(written: Authored): WrittenBy {
  return { appId: written.performed_via_github_app?.id ?? null, login: written.user?.login ?? null };
}
