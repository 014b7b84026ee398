import { num, obj, repository, type Json } from "../domain/payload-fields.js";
import type { JobDeps } from "../runtime/job-deps.js";
import type { RepositoryRecord } from "../domain/repository.js";
import { runBackfill } from "./run-backfill.js";

/** The repositories an `installation.created` or `installation_repositories.added` payload grants. */
export function grantedRepositories(raw: unknown): RepositoryRecord[] {
  const payload: Json = obj(raw) ?? {};
  const installationId = num(obj(payload.installation)?.id);
  if (installationId === null) return [];
  const list = payload.action === "created" ? payload.repositories : payload.action === "added" ? payload.repositories_added : null;
  if (!Array.isArray(list)) return [];
  return list.flatMap((entry) => {
    const ref = repository(entry);
    return ref ? [{ ...ref, installationId }] : [];
  });
}

/**
 * Backfills the history of each repository the payload grants, one after another. Runs after
 * the delivery was answered (a large history takes minutes); a failure is logged and the
 * backfill is left where it stopped, for `resumeBackfills` to continue.
 */
export async function backfillGrantedRepositories(deps: JobDeps, payload: unknown): Promise<void> {
  for (const repository of grantedRepositories(payload)) {
    try {
      const report = await runBackfill(deps, { repository, since: null });
      deps.log.info(`backfill ${repository.fullName}: ${report.complete ? "complete" : "stopped, resumes later"} after ${report.requests} requests`);
    } catch (error) {
      deps.log.error({ err: error }, `backfill ${repository.fullName}: failed to start, resumes later`);
    }
  }
}
