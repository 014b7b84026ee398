import { num, obj, repository } from "../domain/payload-fields.js";
import type { DB } from "../store/db.js";
import { forgetRepositories } from "../store/installations.js";
import { moveRepository, setRepositoryPrivate } from "../store/repository-changes.js";

/**
 * `repository.*`: what became of a served repository on GitHub, kept as facts in the store (no API
 * call). `publicized` and `privatized` set the stored visibility, `renamed` and `transferred` its
 * owner and name (its history is keyed by id and stays), `deleted` forgets its data as a removal
 * from the installation does. None of them registers a repository Steward does not serve.
 *
 * The stored visibility is a cache, not the last word: a lost or late delivery can leave it wrong,
 * so the digest reads the visibility from GitHub again before it publishes (src/digest/seen-repository.ts).
 * `archived` and `unarchived` store nothing yet: the digest reads `archived` at that same moment and
 * waits while it is set (docs/architecture.md, "Visibility").
 */
export async function handleRepositoryEvent(db: DB, raw: unknown): Promise<void> {
  const payload = obj(raw) ?? {};
  const repo = repository(payload.repository);
  if (!repo) return;
  switch (payload.action) {
    // The action is the fact; the payload's own `visibility` field is not always current in GitHub's examples.
    case "publicized":
    case "privatized":
      await setRepositoryPrivate(db, repo.id, payload.action === "privatized");
      return;
    case "renamed":
    case "transferred": {
      const installationId = num(obj(payload.installation)?.id);
      await moveRepository(db, repo.id, {
        owner: repo.owner,
        name: repo.name,
        fullName: repo.fullName,
        ...(installationId === null ? {} : { installationId }),
      });
      return;
    }
    case "deleted":
      await forgetRepositories(db, [repo.id]);
      return;
  }
}
