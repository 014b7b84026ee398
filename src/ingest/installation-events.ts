import type { DB } from "../store/db.js";
import {
  forgetInstallation,
  forgetRepositories,
  registerInstallation,
  setInstallationSuspended,
  type RepositoryRecord,
} from "../store/installations.js";
import { num, obj, str, type Json } from "./payload-fields.js";

/** Reads the `repositories` / `repositories_added` lists of installation payloads. */
function repositoryRecords(list: unknown, installationId: number, owner: string): RepositoryRecord[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((raw) => {
    const repo = obj(raw);
    const id = num(repo?.id);
    const fullName = str(repo?.full_name);
    if (!repo || id === null || !fullName) return [];
    const [repoOwner = owner, name = str(repo.name) ?? ""] = fullName.split("/");
    return [{ id, installationId, owner: repoOwner, name, fullName, private: repo.private === true }];
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
      await registerInstallation(
        db,
        installation,
        repositoryRecords(payload.repositories, installation.id, installation.accountLogin),
        now,
      );
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
  const added = repositoryRecords(payload.repositories_added, installation.id, installation.accountLogin);
  const removed = repositoryRecords(payload.repositories_removed, installation.id, installation.accountLogin);
  await registerInstallation(db, installation, added, now);
  await forgetRepositories(db, removed.map((repo) => repo.id));
}
