import type { DB } from "../store/db.js";
import { forgetInstallation, forgetRepositories, registerInstallation, setInstallationSuspended } from "../store/installations.js";
import type { RepositoryRecord } from "../domain/repository.js";
import { num, obj, repository, str, type Json } from "../domain/payload-fields.js";

/** Reads the `repositories` / `repositories_added` / `repositories_removed` lists of installation payloads. */
function repositoryRecords(list: unknown, installationId: number): RepositoryRecord[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((raw) => {
    const repo = repository(raw);
    return repo ? [{ ...repo, installationId }] : [];
  });
}

function installationOf(payload: Json) {
  const installation = obj(payload.installation);
  const id = num(installation?.id);
  const account = obj(installation?.account);
  if (id === null) return null;
  return {
    id,
    accountLogin: str(account?.login) ?? str(account?.slug) ?? "unknown",
    accountType: str(account?.type) ?? "Organization",
  };
}

/**
 * `installation.*`: created registers the installation and its repositories; deleted forgets all
 * of its data (GitHub gives no token for a deleted installation, so this is database-only);
 * suspend and unsuspend are remembered so schedules skip a suspended installation.
 */
export async function handleInstallationEvent(db: DB, raw: unknown, now: Date): Promise<void> {
  const payload = obj(raw) ?? {};
  const installation = installationOf(payload);
  if (!installation) return;
  switch (payload.action) {
    case "created":
    case "new_permissions_accepted":
      await registerInstallation(db, installation, repositoryRecords(payload.repositories, installation.id), now);
      return;
    case "deleted":
      await forgetInstallation(db, installation.id);
      return;
    case "suspend":
    case "unsuspend":
      await setInstallationSuspended(db, installation.id, payload.action === "suspend");
      return;
  }
}

/** `installation_repositories.*`: repositories granted to or withdrawn from the app. */
export async function handleInstallationRepositoriesEvent(db: DB, raw: unknown, now: Date): Promise<void> {
  const payload = obj(raw) ?? {};
  const installation = installationOf(payload);
  if (!installation) return;
  const added = repositoryRecords(payload.repositories_added, installation.id);
  const removed = repositoryRecords(payload.repositories_removed, installation.id);
  await registerInstallation(db, installation, added, now);
  await forgetRepositories(
    db,
    removed.map((repo) => repo.id),
  );
}
