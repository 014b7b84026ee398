import type { JobDeps } from "../runtime/job-deps.js";
import { listRepositories } from "../store/installations.js";
import { refreshMemberProjection } from "../store/member-projection.js";

/**
 * Folds the facts stored since the last fold into every repository's member projection. Run by
 * the scheduler so that the fold's cost is spread over the week in small steps, and a digest or
 * report finds the projection nearly current instead of folding a whole week at once.
 */
export async function foldMemberProjections(deps: Pick<JobDeps, "db" | "log">): Promise<number> {
  let folded = 0;
  for (const repository of await listRepositories(deps.db)) {
    folded += await refreshMemberProjection(deps.db, repository.id);
  }
  if (folded > 0) deps.log.debug(`member projections: folded ${folded} new facts`);
  return folded;
}
