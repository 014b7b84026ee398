import type { RepositoryRecord } from "../domain/repository.js";
import type { GitHubClient } from "../github/octokit.js";
import { readRepositoryVisibility } from "../github/repository-visibility.js";
import type { JobDeps } from "../runtime/job-deps.js";
import { moveRepository, setRepositoryPrivate } from "../store/repository-changes.js";
import type { PublishedDigest } from "./publish-digest.js";

/** The repository as GitHub showed it when its digest was made, or why it could not be read. */
export type SeenRepository = { status: "seen"; repository: RepositoryRecord; archived: boolean } | { status: "unseen"; error: string };

/**
 * Reads the repository from GitHub right before its digest is rendered. Its visibility there is
 * the truth, whatever the store says: a `publicized` webhook may have been lost, delayed or
 * delivered out of order, and a digest naming leads must never reach a public repository. What
 * GitHub says is stored too (visibility, and the name after a rename), except on a dry run
 * (`record: false`), which writes nothing.
 */
export async function seeRepository(
  deps: Pick<JobDeps, "db" | "log">,
  octokit: GitHubClient,
  repository: RepositoryRecord,
  options: { record: boolean },
): Promise<SeenRepository> {
  let seen: Awaited<ReturnType<typeof readRepositoryVisibility>>;
  try {
    seen = await readRepositoryVisibility(octokit, { owner: repository.owner, repo: repository.name });
  } catch (error) {
    const status = (error as { status?: unknown }).status;
    const why = typeof status === "number" ? `HTTP ${status}` : error instanceof Error ? error.message : String(error);
    return { status: "unseen", error: `could not read whether ${repository.fullName} is public (${why}); the digest waits for a read that succeeds` };
  }
  const current: RepositoryRecord = { ...repository, owner: seen.owner, name: seen.name, fullName: seen.fullName, private: seen.private };
  if (options.record) {
    if (await setRepositoryPrivate(deps.db, repository.id, current.private))
      deps.log.info(`${current.fullName}: GitHub says it is ${current.private ? "private" : "public"} now; stored`);
    if (current.fullName !== repository.fullName) {
      await moveRepository(deps.db, repository.id, { owner: current.owner, name: current.name, fullName: current.fullName });
      deps.log.info(`${repository.fullName}: GitHub says it is ${current.fullName} now; stored`);
    }
  }
  return { status: "seen", repository: current, archived: seen.archived };
}

/**
 * Why the digest may not be opened now, or null when it may. An unread visibility defers it: the
 * digest is opened once a week and the scheduler tries again every hour, so waiting costs an hour,
 * while opening it as if public would drop that week's leads for good (and GitHub, failing the
 * read, likely refuses the issue as well). An archived repository is read-only on GitHub: the
 * digest waits until it is unarchived. Neither claims anything, so a later run starts afresh.
 */
export function heldPublication(seen: SeenRepository): PublishedDigest | null {
  if (seen.status === "unseen") return { status: "failed", issueNumber: null, url: null, error: seen.error };
  if (seen.archived)
    return {
      status: "skipped",
      issueNumber: null,
      url: null,
      error: `${seen.repository.fullName} is archived, so GitHub refuses new issues there; the digest waits until it is unarchived`,
    };
  return null;
}
